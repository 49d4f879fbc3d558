import type { LocationResponse, Page } from '@relief-ledger/domain';
import { Client, signedIn } from './utils/session';
import { RunningApi, startApi } from './utils/start-api';
import { createTestDatabase, TestDatabase } from './utils/test-database';

describe('locations API', () => {
  let db: TestDatabase;
  let api: RunningApi;
  let http: Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApi({ databaseUrl: db.url, env: { DEMO_DATA: 'true' } });
    http = await signedIn(api, 'coordinator@hro.example');
  });

  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  const list = async (query: string): Promise<Page<LocationResponse>> => (await http.get(`/api/v1/locations?${query}`).expect(200)).body;

  it('lists the districts of Idlib governorate by P-code', async () => {
    const page = await list('level=district');
    expect(page.items.map((l) => [l.pcode, l.nameEn])).toEqual([
      ['SY0700', 'Idlib'],
      ['SY0702', "Maarrat al-Nu'man"],
      ['SY0703', 'Harem'],
      ['SY0704', 'Jisr al-Shughur'],
      ['SY0705', 'Ariha'],
    ]);
  });

  it('lists the children of one location', async () => {
    const governorate = (await list('level=governorate')).items[0];
    expect(governorate).toMatchObject({ pcode: 'SY07', nameAr: 'إدلب', parentId: null, timeZone: 'Asia/Damascus' });
    const children = await list(`parentId=${governorate.id}`);
    expect(children.total).toBe(5);
    expect(children.items.every((l) => l.level === 'district')).toBe(true);
  });

  it('finds places by English name, Arabic name or P-code prefix', async () => {
    expect((await list('name=sarmada')).items.map((l) => l.pcode)).toEqual(['SY07030101']);
    expect((await list(`name=${encodeURIComponent('سرمدا')}`)).items.map((l) => l.nameEn)).toEqual(['Sarmada']);
    expect((await list('name=SY0705')).items.map((l) => l.pcode)).toEqual(['SY0705', 'SY070500', 'SY07050001']);
  });

  it('gives the points and zone of the places of the design case', async () => {
    const place = (await list('name=Num')).items.find((l) => l.level === 'community')!;
    expect(place).toMatchObject({ nameEn: "Ma'arat al-Num'an", latitude: expect.any(Number), longitude: expect.any(Number), timeZone: 'Asia/Damascus' });
    const one = await http.get(`/api/v1/locations/${place.id}`).expect(200);
    expect(one.body).toEqual(place);
  });

  it('pages', async () => {
    const page = await list('pageSize=3&page=2');
    expect(page).toMatchObject({ page: 2, pageSize: 3, total: 16 });
    expect(page.items).toHaveLength(3);
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    const missing = await http.get('/api/v1/locations/00000000-0000-4000-8000-000000000000').expect(404);
    expect(missing.body.code).toBe('location.not_found');
    await http.get('/api/v1/locations/SY07').expect(400);
  });

  it('refuses an unknown level', async () => {
    const res = await http.get('/api/v1/locations?level=village').expect(400);
    expect(res.body.errors).toMatchObject([{ field: 'level', reason: 'must be one of: governorate, district, sub_district, community' }]);
  });

  it('is read-only', async () => {
    const res = await http.post('/api/v1/locations').send({ pcode: 'SY99' });
    expect(res.status).toBe(404);
    expect(await db.count('locations')).toBe(16);
  });
});
