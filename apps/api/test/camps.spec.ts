import type { CampResponse, Page } from '@relief-ledger/domain';
import { createCamp, DemoRefs, demoRefs, newCamp } from './utils/fixtures';
import { Client, signedIn } from './utils/session';
import { RunningApi, startApi } from './utils/start-api';
import { createTestDatabase, TestDatabase } from './utils/test-database';

describe('camps API', () => {
  let db: TestDatabase;
  let api: RunningApi;
  let http: Client;
  let refs: DemoRefs;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApi({ databaseUrl: db.url, env: { DEMO_DATA: 'true' } });
    http = await signedIn(api, 'coordinator@hro.example');
    refs = await demoRefs(http);
  });

  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  describe('create', () => {
    it('creates a camp and answers 201 with it, its ETag and Location', async () => {
      const res = await http.post('/api/v1/camps').send(newCamp(refs, { nameEn: 'Create test camp' })).expect(201);
      const camp: CampResponse = res.body;
      expect(camp).toMatchObject({
        nameEn: 'Create test camp',
        nameAr: 'توسعة غرب سرمدا',
        organisationName: 'Humanitarian Relief Organization',
        locationName: 'Sarmada',
        status: 'open',
        population: 1200,
        households: 240,
        capacity: 1500,
        openedOn: '2019-12-24',
        closedOn: null,
        version: 1,
      });
      expect(res.headers.etag).toBe('"1"');
      expect(res.headers.location).toBe(`/api/v1/camps/${camp.id}`);
      const [row] = await db.query<{ name_en: string; population: number }>('SELECT name_en, population FROM camps WHERE id = $1', [camp.id]);
      expect(row).toEqual({ name_en: 'Create test camp', population: 1200 });
    });

    it('defaults the status to open and the opening date to none', async () => {
      const { status, openedOn, ...rest } = newCamp(refs, { nameEn: 'Defaults camp' });
      void status;
      void openedOn;
      const camp = await createCamp(http, rest);
      expect(camp.status).toBe('open');
      expect(camp.openedOn).toBeNull();
    });

    it('refuses a second camp of the same name in one organisation (a retried create) with 409', async () => {
      await createCamp(http, newCamp(refs, { nameEn: 'Retry camp' }));
      const before = await db.count('camps');
      const res = await http.post('/api/v1/camps').send(newCamp(refs, { nameEn: 'retry CAMP' })).expect(409);
      expect(res.body).toMatchObject({ code: 'camp.duplicate_name', errors: [{ field: 'nameEn' }] });
      expect(await db.count('camps')).toBe(before);
    });

    it('allows the same name in another organisation, and keeps each to its own', async () => {
      const ours = await createCamp(http, newCamp(refs, { nameEn: 'Shared name camp' }));
      const kidsParadise = await signedIn(api, 'coordinator@kidsparadise.example');
      const theirs = await createCamp(kidsParadise, newCamp(refs, { nameEn: 'Shared name camp' }));
      expect(ours.organisationName).toBe('Humanitarian Relief Organization');
      expect(theirs.organisationName).toBe('Kids Paradise');
    });

    it('refuses more households than people, naming the field', async () => {
      const res = await http.post('/api/v1/camps').send(newCamp(refs, { nameEn: 'Bad figures', population: 10, households: 11 })).expect(400);
      expect(res.body.errors).toMatchObject([{ field: 'households', reason: expect.stringContaining('cannot exceed population (10)') }]);
    });

    it('refuses an unknown location with 422 on the field', async () => {
      const res = await http.post('/api/v1/camps').send(newCamp(refs, { locationId: '00000000-0000-4000-8000-000000000001' })).expect(422);
      expect(res.body.errors).toMatchObject([{ field: 'locationId', reason: 'no location with this id' }]);
    });

    it('refuses an organisation in the body: a camp belongs to the signed-in organisation', async () => {
      const res = await http.post('/api/v1/camps').send({ ...newCamp(refs), organisationId: refs.kidsParadise.id }).expect(400);
      expect(res.body.errors).toMatchObject([{ field: 'organisationId', reason: 'is not a field of this request' }]);
    });
  });

  describe('get', () => {
    it('answers one camp with its ETag', async () => {
      const created = await createCamp(http, newCamp(refs, { nameEn: 'Get test camp' }));
      const res = await http.get(`/api/v1/camps/${created.id}`).expect(200);
      expect(res.body).toEqual(created);
      expect(res.headers.etag).toBe('"1"');
    });

    it('answers 404 problem for an id that does not exist', async () => {
      const res = await http.get('/api/v1/camps/6f1c2f8e-93a4-4b8e-9d0a-3b1f5a0c2d7e').expect(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 404, code: 'camp.not_found', title: 'Camp not found' });
    });
  });

  describe('list', () => {
    it("lists my organisation's camps by name, with the page figures, and no other's", async () => {
      const res = await http.get('/api/v1/camps?name=sarmada').expect(200);
      const page: Page<CampResponse> = res.body;
      // "Sarmada north camp" is Kids Paradise's.
      expect(page.items.map((c) => c.nameEn)).toEqual(['Sarmada olive grove camp']);
      expect(page).toMatchObject({ page: 1, pageSize: 20, total: 1 });
    });

    it('finds a camp by its Arabic name', async () => {
      const page: Page<CampResponse> = (await http.get(`/api/v1/camps?name=${encodeURIComponent('أطمة')}`).expect(200)).body;
      expect(page.items.map((c) => c.nameEn)).toEqual(['Atmeh border camp (new)']);
    });

    it('treats % and _ in the search as text', async () => {
      const page: Page<CampResponse> = (await http.get('/api/v1/camps?name=%25').expect(200)).body;
      expect(page.total).toBe(0);
    });

    it('pages through camps without gaps or repeats', async () => {
      for (let i = 0; i < 5; i++) await createCamp(http, newCamp(refs, { nameEn: `Paging camp ${i}` }));
      const first: Page<CampResponse> = (await http.get('/api/v1/camps?name=paging&pageSize=2&page=1').expect(200)).body;
      const second: Page<CampResponse> = (await http.get('/api/v1/camps?name=paging&pageSize=2&page=2').expect(200)).body;
      const third: Page<CampResponse> = (await http.get('/api/v1/camps?name=paging&pageSize=2&page=3').expect(200)).body;
      expect(first.total).toBe(5);
      expect([...first.items, ...second.items, ...third.items].map((c) => c.nameEn)).toEqual([0, 1, 2, 3, 4].map((i) => `Paging camp ${i}`));
    });

    it('filters by status and by location', async () => {
      const kidsParadise = await signedIn(api, 'field@kidsparadise.example');
      const full: Page<CampResponse> = (await kidsParadise.get('/api/v1/camps?status=full').expect(200)).body;
      expect(full.items.map((c) => c.nameEn)).toEqual(['Sarmada north camp']);
      const inIdlib: Page<CampResponse> = (await http.get(`/api/v1/camps?locationId=${refs.idlibCity.id}`).expect(200)).body;
      expect(inIdlib.items.map((c) => c.nameEn)).toEqual(['Idlib east reception centre']);
    });
  });

  describe('update', () => {
    it('applies a change at the current version and moves the version on', async () => {
      const camp = await createCamp(http, newCamp(refs, { nameEn: 'Update test camp' }));
      const res = await http.patch(`/api/v1/camps/${camp.id}`).send({ version: 1, population: 1500, households: 300 }).expect(200);
      expect(res.body).toMatchObject({ population: 1500, households: 300, version: 2 });
      expect(res.headers.etag).toBe('"2"');
    });

    it('refuses a stale version with 409 and keeps the other change', async () => {
      const camp = await createCamp(http, newCamp(refs, { nameEn: 'Stale test camp' }));
      await http.patch(`/api/v1/camps/${camp.id}`).send({ version: 1, population: 1300 }).expect(200);
      const res = await http.patch(`/api/v1/camps/${camp.id}`).send({ version: 1, population: 9 , households: 2 }).expect(409);
      expect(res.body).toMatchObject({ code: 'camp.stale_version', detail: expect.stringContaining('now at version 2') });
      const [row] = await db.query<{ population: number }>('SELECT population FROM camps WHERE id = $1', [camp.id]);
      expect(row.population).toBe(1300);
    });

    it('lets exactly one of two concurrent editors of one version win', async () => {
      const camp = await createCamp(http, newCamp(refs, { nameEn: 'Race test camp' }));
      const statuses = await Promise.all(
        [1300, 1400].map(async (population) => (await http.patch(`/api/v1/camps/${camp.id}`).send({ version: 1, population })).status),
      );
      expect(statuses.sort()).toEqual([200, 409]);
    });

    it('takes the version from If-Match', async () => {
      const camp = await createCamp(http, newCamp(refs, { nameEn: 'If-Match camp' }));
      await http.patch(`/api/v1/camps/${camp.id}`).set('If-Match', '"1"').send({ capacity: 2000 }).expect(200);
      await http.patch(`/api/v1/camps/${camp.id}`).set('If-Match', '"1"').send({ capacity: 2100 }).expect(409);
    });

    it('refuses an update without any version with 428', async () => {
      const camp = await createCamp(http, newCamp(refs, { nameEn: 'No version camp' }));
      const res = await http.patch(`/api/v1/camps/${camp.id}`).send({ capacity: 2000 }).expect(428);
      expect(res.body.errors).toMatchObject([{ field: 'version', reason: expect.any(String) }]);
    });

    it('checks figures against the stored ones when only one is sent', async () => {
      const camp = await createCamp(http, newCamp(refs, { nameEn: 'Partial figures camp', population: 100, households: 20 }));
      const res = await http.patch(`/api/v1/camps/${camp.id}`).send({ version: 1, households: 101 }).expect(400);
      expect(res.body.errors[0].field).toBe('households');
    });

    it('refuses an illegal status move', async () => {
      const camp = await createCamp(http, newCamp(refs, { nameEn: 'Status move camp' }));
      const res = await http.patch(`/api/v1/camps/${camp.id}`).send({ version: 1, status: 'planned' }).expect(422);
      expect(res.body).toMatchObject({ code: 'camp.illegal_status', errors: [{ field: 'status', reason: 'cannot change status from open to planned' }] });
    });

    it('refuses to set status closed through an update (closing has its own route)', async () => {
      const camp = await createCamp(http, newCamp(refs, { nameEn: 'Close by patch camp' }));
      const res = await http.patch(`/api/v1/camps/${camp.id}`).send({ version: 1, status: 'closed' }).expect(400);
      expect(res.body.errors[0]).toMatchObject({ field: 'status' });
    });

    it('refuses null for a name', async () => {
      const camp = await createCamp(http, newCamp(refs, { nameEn: 'Null name camp' }));
      const res = await http.patch(`/api/v1/camps/${camp.id}`).send({ version: 1, nameEn: null }).expect(400);
      expect(res.body.errors[0]).toMatchObject({ field: 'nameEn' });
    });

    it('refuses an update that changes nothing, keeping the version', async () => {
      const camp = await createCamp(http, newCamp(refs, { nameEn: 'Empty update camp' }));
      const res = await http.patch(`/api/v1/camps/${camp.id}`).set('If-Match', '"1"').send({}).expect(400);
      expect(res.body.code).toBe('camp.nothing_to_change');
      expect((await http.get(`/api/v1/camps/${camp.id}`)).body.version).toBe(1);
    });

    it('answers 404 for a camp that does not exist', async () => {
      await http.patch('/api/v1/camps/6f1c2f8e-93a4-4b8e-9d0a-3b1f5a0c2d7e').send({ version: 1, capacity: 5 }).expect(404);
    });
  });

  describe('close', () => {
    it('closes a camp, keeps it, and refuses further changes', async () => {
      const camp = await createCamp(http, newCamp(refs, { nameEn: 'Closing camp' }));
      const res = await http.post(`/api/v1/camps/${camp.id}/close`).send({ version: 1, closedOn: '2020-03-01' }).expect(200);
      expect(res.body).toMatchObject({ status: 'closed', closedOn: '2020-03-01', version: 2 });
      expect((await http.get(`/api/v1/camps/${camp.id}`).expect(200)).body.status).toBe('closed');
      const edit = await http.patch(`/api/v1/camps/${camp.id}`).send({ version: 2, capacity: 10 }).expect(422);
      expect(edit.body.code).toBe('camp.closed');
      await http.post(`/api/v1/camps/${camp.id}/close`).send({ version: 2 }).expect(422);
    });

    it('dates the closing today in the camp zone when no date is given', async () => {
      const camp = await createCamp(http, newCamp(refs, { nameEn: 'Closing today camp' }));
      const res = await http.post(`/api/v1/camps/${camp.id}/close`).send({ version: 1 }).expect(200);
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Damascus' }).format(new Date());
      expect(res.body.closedOn).toBe(today);
    });

    it('refuses a closing date before the opening', async () => {
      const camp = await createCamp(http, newCamp(refs, { nameEn: 'Closing early camp', openedOn: '2019-12-24' }));
      const res = await http.post(`/api/v1/camps/${camp.id}/close`).send({ version: 1, closedOn: '2019-12-01' }).expect(422);
      expect(res.body.errors).toMatchObject([{ field: 'closedOn', reason: 'must not be before the camp opened (2019-12-24)' }]);
    });

    it('refuses a closing date in the future', async () => {
      const camp = await createCamp(http, newCamp(refs, { nameEn: 'Closing later camp' }));
      // Tomorrow in UTC may still be today at the camp: only the far future is refused for sure.
      const res = await http.post(`/api/v1/camps/${camp.id}/close`).send({ version: 1, closedOn: '2099-01-01' }).expect(400);
      expect(res.body.errors).toMatchObject([{ field: 'closedOn', reason: 'must not be more than a day in the future' }]);
      expect((await http.get(`/api/v1/camps/${camp.id}`)).body.status).toBe('open');
    });

    it('refuses a stale version', async () => {
      const camp = await createCamp(http, newCamp(refs, { nameEn: 'Closing stale camp' }));
      await http.post(`/api/v1/camps/${camp.id}/close`).send({ version: 7 }).expect(409);
    });

    it('has no DELETE route', async () => {
      const camp = await createCamp(http, newCamp(refs, { nameEn: 'Undeletable camp' }));
      const res = await http.delete(`/api/v1/camps/${camp.id}`);
      expect(res.status).toBe(404);
      expect(await db.count('camps')).toBeGreaterThan(0);
    });
  });
});
