import { FOUR_W_COLUMNS, PROBLEM_CODES } from '@relief-ledger/domain';
import request from 'supertest';
import { parseCsv } from './utils/csv';
import { Client, signedIn } from './utils/session';
import { RunningApi, startApi } from './utils/start-api';
import { createTestDatabase, TestDatabase } from './utils/test-database';

/**
 * Issue 11, the API's part: each user's language and digits kept on the server, reports whose
 * human header row (and names) follow the reader's language while the HXL row never changes,
 * and refusals that carry codes the web app translates.
 */
describe('languages', () => {
  let db: TestDatabase;
  let api: RunningApi;
  let manager: Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApi({ databaseUrl: db.url, env: { DEMO_DATA: 'true' } });
    manager = await signedIn(api, 'manager@hro.example');
  });

  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  const csv = async (path: string) => {
    const res = await manager.get(path).buffer(true).parse((r, done) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')));
    });
    expect(res.status).toBe(200);
    return parseCsv((res.body as string).replace(/^\uFEFF/, ''));
  };

  it('keeps no language until the user chooses one, then keeps it for every session', async () => {
    expect((await manager.get('/api/v1/auth/session').expect(200)).body.user).toMatchObject({ language: null, digits: 'latn' });
    const answer = (await manager.put('/api/v1/auth/preferences').send({ language: 'ar', digits: 'arab' }).expect(200)).body;
    expect(answer.user).toMatchObject({ language: 'ar', digits: 'arab' });
    const onAnotherPhone = await signedIn(api, 'manager@hro.example');
    expect((await onAnotherPhone.get('/api/v1/auth/session').expect(200)).body.user).toMatchObject({ language: 'ar', digits: 'arab' });
    const [audit] = await db.query<{ changed_fields: string[] }>(`SELECT changed_fields FROM audit_log WHERE action = 'update' AND entity = 'user' ORDER BY id DESC LIMIT 1`);
    expect(audit.changed_fields).toEqual(['digits', 'language']);
  });

  it('refuses a language the app does not speak, with a code', async () => {
    const res = await manager.put('/api/v1/auth/preferences').send({ language: 'fr' }).expect(400);
    expect(res.body.errors).toEqual([{ field: 'language', reason: 'must be one of: en, ar, tr', code: 'field.one_of', params: { values: 'en, ar, tr' } }]);
    expect((await manager.put('/api/v1/auth/preferences').send({}).expect(400)).body.errors[0].code).toBe('field.change_something');
  });

  it("writes a report's human headers and names in the user's language, the HXL row unchanged", async () => {
    await manager.put('/api/v1/auth/preferences').send({ language: 'ar' }).expect(200);
    const [human, hxl, ...rows] = await csv('/api/v1/reports/4w?format=csv&from=2019-01-01&level=camp');
    expect(human[0]).toBe('المنظمة');
    expect(hxl).toEqual(FOUR_W_COLUMNS.map((c) => c.hxl));
    expect(rows.map((r) => r[hxl.indexOf('#loc+name')])).toContain('مخيم أطمة الحدودي (جديد)');
    expect(rows.map((r) => r[hxl.indexOf('#item+name')])).toContain('سلة غذائية عائلية');
  });

  it('takes ?lang= over the user\'s own language', async () => {
    const [human, hxl, ...rows] = await csv('/api/v1/reports/4w?format=csv&from=2019-01-01&level=camp&lang=tr');
    expect(human.slice(0, 3)).toEqual(['Kuruluş', 'Kısaltma', 'Küme']);
    expect(hxl[0]).toBe('#org+impl+name');
    // No Turkish names are kept: the English ones stand.
    expect(rows.map((r) => r[hxl.indexOf('#loc+name')])).toContain('Atmeh border camp (new)');
    const page = (await manager.get('/api/v1/reports/stock-movements?lang=tr').expect(200)).body;
    expect(page).toMatchObject({ language: 'tr', columns: expect.arrayContaining([expect.objectContaining({ key: 'stockPoint', header: 'Stok noktası' })]) });
  });

  it('sends every refusal with a code the web app has words for', async () => {
    const answers = await Promise.all([
      request(api.url).get('/api/v1/camps'),
      manager.post('/api/v1/camps').send({ nameEn: 1 }),
      manager.get('/api/v1/camps/not-an-id'),
      manager.get('/api/v1/reports/stock-card'),
    ]);
    for (const answer of answers) {
      expect(PROBLEM_CODES).toContain(answer.body.code);
      for (const error of answer.body.errors ?? []) expect(PROBLEM_CODES).toContain(error.code);
    }
  });
});
