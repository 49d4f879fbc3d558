import http from 'node:http';
import type { Test } from 'supertest';
import { DemoRefs, demoRefs, newCamp, createCamp } from './utils/fixtures';
import { Client, signedIn } from './utils/session';
import { RunningApi, startApi } from './utils/start-api';
import { createTestDatabase, TestDatabase } from './utils/test-database';

/**
 * Every kind of bad input answers a 4xx problem+json that names what is wrong, and writes
 * nothing: the camps table is counted before and after each request.
 */
describe('bad input', () => {
  let db: TestDatabase;
  let api: RunningApi;
  let http: Client;
  let refs: DemoRefs;
  let campId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApi({ databaseUrl: db.url, env: { DEMO_DATA: 'true' } });
    http = await signedIn(api, 'coordinator@hro.example');
    refs = await demoRefs(http);
    campId = (await createCamp(http, newCamp(refs, { nameEn: 'Existing camp' }))).id;
  });

  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  async function expectRefusedWithoutWrite(send: () => Test, status: number) {
    const campsBefore = await db.query('SELECT * FROM camps ORDER BY id');
    const res = await send();
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status, title: expect.any(String) });
    expect(await db.query('SELECT * FROM camps ORDER BY id')).toEqual(campsBefore);
    return res.body as { detail?: string; errors?: Array<{ field: string; reason: string }> };
  }

  const post = (body: unknown) => () => http.post('/api/v1/camps').send(body as object);

  it('refuses broken JSON', async () => {
    const body = await expectRefusedWithoutWrite(
      () => http.post('/api/v1/camps').set('content-type', 'application/json').send('{"nameEn": "x",'),
      400,
    );
    expect(body.detail).toMatch(/JSON/);
  });

  it('refuses an empty JSON body', async () => {
    await expectRefusedWithoutWrite(() => http.post('/api/v1/camps').set('content-type', 'application/json').send(''), 400);
  });

  it('refuses a body that is not JSON', async () => {
    await expectRefusedWithoutWrite(() => http.post('/api/v1/camps').set('content-type', 'text/plain').send('hello'), 415);
  });

  it('refuses a JSON array instead of an object', async () => {
    await expectRefusedWithoutWrite(post([newCamp(refs)]), 400);
  });

  it('refuses a JSON string instead of an object', async () => {
    await expectRefusedWithoutWrite(() => http.post('/api/v1/camps').set('content-type', 'application/json').send('"camp"'), 400);
  });

  it('refuses wrong types, field by field', async () => {
    const body = await expectRefusedWithoutWrite(post({ ...newCamp(refs), population: '1200', households: true, nameEn: 42 }), 400);
    expect(body.errors).toEqual(
      expect.arrayContaining([
        { field: 'nameEn', reason: 'must be text', code: 'field.text' },
        { field: 'population', reason: 'must be a whole number', code: 'field.whole_number' },
        { field: 'households', reason: 'must be a whole number', code: 'field.whole_number' },
      ]),
    );
  });

  it('refuses fractional people', async () => {
    const body = await expectRefusedWithoutWrite(post({ ...newCamp(refs), population: 12.5 }), 400);
    expect(body.errors).toMatchObject([{ field: 'population', reason: 'must be a whole number' }]);
  });

  it('refuses unknown fields instead of dropping them silently', async () => {
    const body = await expectRefusedWithoutWrite(post({ ...newCamp(refs), tents: 500 }), 400);
    expect(body.errors).toMatchObject([{ field: 'tents', reason: 'is not a field of this request' }]);
  });

  it('refuses an attempt to set the id or version', async () => {
    const body = await expectRefusedWithoutWrite(post({ ...newCamp(refs), id: campId, version: 9 }), 400);
    expect(body.errors?.map((e) => e.field).sort()).toEqual(['id', 'version']);
  });

  it('ignores nothing under __proto__: it is an unknown field too', async () => {
    const raw = JSON.stringify(newCamp(refs)).replace(/^\{/, '{"__proto__": {"isAdmin": true},');
    await expectRefusedWithoutWrite(() => http.post('/api/v1/camps').set('content-type', 'application/json').send(raw), 400);
  });

  it('refuses missing required fields, naming each', async () => {
    const body = await expectRefusedWithoutWrite(post({}), 400);
    expect(body.errors?.map((e) => e.field)).toEqual(['locationId', 'nameEn', 'nameAr', 'population', 'households', 'capacity']);
  });

  it('refuses null for a required field', async () => {
    const body = await expectRefusedWithoutWrite(post({ ...newCamp(refs), population: null }), 400);
    expect(body.errors?.[0].field).toBe('population');
  });

  it('refuses negative populations', async () => {
    const body = await expectRefusedWithoutWrite(post({ ...newCamp(refs), population: -5 }), 400);
    expect(body.errors).toMatchObject([{ field: 'population', reason: 'must not be negative' }]);
  });

  it('refuses absurdly large figures', async () => {
    const body = await expectRefusedWithoutWrite(post({ ...newCamp(refs), capacity: 1e12 }), 400);
    expect(body.errors?.[0]).toMatchObject({ field: 'capacity', reason: expect.stringContaining('at most') });
  });

  it('refuses a 100,000-character name', async () => {
    const body = await expectRefusedWithoutWrite(post({ ...newCamp(refs), nameEn: 'x'.repeat(100_000) }), 400);
    expect(body.errors).toMatchObject([{ field: 'nameEn', reason: 'must be at most 200 characters' }]);
  });

  it('refuses a NUL character in a name (PostgreSQL cannot store it)', async () => {
    const body = await expectRefusedWithoutWrite(post({ ...newCamp(refs), nameEn: 'Sarmada\u0000camp' }), 400);
    expect(body.errors).toMatchObject([{ field: 'nameEn', reason: 'must not contain control characters or broken Unicode' }]);
  });

  it('refuses a NUL character in a search', async () => {
    const body = await expectRefusedWithoutWrite(() => http.get('/api/v1/camps?name=a%00b'), 400);
    expect(body.errors?.[0].field).toBe('name');
  });

  it('refuses half of a surrogate pair instead of storing a replacement character', async () => {
    const raw = JSON.stringify(newCamp(refs)).replace('"Sarmada west extension"', '"lone \\ud800"');
    const body = await expectRefusedWithoutWrite(() => http.post('/api/v1/camps').set('content-type', 'application/json').send(raw), 400);
    expect(body.errors?.[0].field).toBe('nameEn');
  });

  it('refuses a name of invisible characters only', async () => {
    const body = await expectRefusedWithoutWrite(post({ ...newCamp(refs), nameEn: '\u200b\u200b' }), 400);
    expect(body.errors).toMatchObject([{ field: 'nameEn', reason: 'must not be empty' }]);
  });

  it('refuses deeply nested JSON without overflowing the stack', async () => {
    const deep = '['.repeat(5_000) + ']'.repeat(5_000);
    const raw = JSON.stringify(newCamp(refs)).replace('"Sarmada west extension"', deep);
    const body = await expectRefusedWithoutWrite(() => http.post('/api/v1/camps').set('content-type', 'application/json').send(raw), 400);
    expect(body.detail).toMatch(/nested deeper than 32/);
  });

  it('refuses a form-encoded body (no cross-site form can post here)', async () => {
    await expectRefusedWithoutWrite(() => http.post(`/api/v1/camps/${campId}/close`).type('form').send({ version: '1' }), 415);
  });

  it('refuses a name of spaces only', async () => {
    const body = await expectRefusedWithoutWrite(post({ ...newCamp(refs), nameEn: '   ' }), 400);
    expect(body.errors).toMatchObject([{ field: 'nameEn', reason: 'must not be empty' }]);
  });

  it('refuses a 10 MB body with 413 before reading it all', async () => {
    const huge = JSON.stringify({ ...newCamp(refs), nameAr: 'ب'.repeat(5 * 1024 * 1024) });
    const before = await db.count('camps');
    const res = await postOversized(`${api.url}/api/v1/camps`, huge);
    expect(res.status).toBe(413);
    expect(res.contentType).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(res.body)).toMatchObject({ status: 413, title: 'Request body too large' });
    expect(await db.count('camps')).toBe(before);
  });

  it('refuses a 10 MB body sent without a length (chunked) with 413', async () => {
    const huge = JSON.stringify({ ...newCamp(refs), nameAr: 'x'.repeat(10 * 1024 * 1024) });
    const res = await postOversized(`${api.url}/api/v1/camps`, huge, true);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ status: 413 });
  });

  it.each(['2019-02-30', '23/12/2019', '2019-12-23T10:00:00Z', 'yesterday'])('refuses the opening date %s', async (openedOn) => {
    const body = await expectRefusedWithoutWrite(post({ ...newCamp(refs), openedOn }), 400);
    expect(body.errors?.[0].field).toBe('openedOn');
  });

  it('refuses a status that does not exist', async () => {
    const body = await expectRefusedWithoutWrite(post({ ...newCamp(refs), status: 'overflowing' }), 400);
    expect(body.errors).toMatchObject([{ field: 'status', reason: 'must be one of: planned, open, full' }]);
  });

  it.each(['not-a-uuid', '1', "1' OR '1'='1", '6f1c2f8e-93a4-4b8e-9d0a-3b1f5a0c2d7'])('refuses the malformed id %s in the path', async (id) => {
    const body = await expectRefusedWithoutWrite(() => http.get(`/api/v1/camps/${encodeURIComponent(id)}`), 400);
    expect(body.errors).toMatchObject([{ field: 'id', reason: 'must be a UUID' }]);
  });

  it('refuses a malformed id in the body', async () => {
    const body = await expectRefusedWithoutWrite(post({ ...newCamp(refs), locationId: 'SY07' }), 400);
    expect(body.errors).toMatchObject([{ field: 'locationId', reason: 'must be a UUID' }]);
  });

  it('answers 404 for an update of a camp that does not exist, writing nothing', async () => {
    await expectRefusedWithoutWrite(() => http.patch('/api/v1/camps/00000000-0000-4000-8000-000000000000').send({ version: 1, capacity: 1 }), 404);
  });

  it('refuses a malformed If-Match', async () => {
    const body = await expectRefusedWithoutWrite(() => http.patch(`/api/v1/camps/${campId}`).set('If-Match', 'latest').send({ capacity: 1 }), 400);
    expect(body.errors?.[0].field).toBe('If-Match');
  });

  it.each([
    ['page=0', 'page'],
    ['page=abc', 'page'],
    ['pageSize=1000', 'pageSize'],
    ['status=lost', 'status'],
    ['locationId=SY07', 'locationId'],
    ['sort=name', 'sort'],
  ])('refuses the list query %s', async (query, field) => {
    const body = await expectRefusedWithoutWrite(() => http.get(`/api/v1/camps?${query}`), 400);
    expect(body.errors?.[0].field).toBe(field);
  });

  it('answers an unknown API route with a 404 problem', async () => {
    await expectRefusedWithoutWrite(() => http.get('/api/v1/tents'), 404);
  });
});

/**
 * Uploads `body` in 64 KiB pieces and stops as soon as the server answers, like a browser does.
 * The server answers 413 without reading the rest and closes the connection; writing on after
 * that would only reset the connection and lose the answer.
 */
async function postOversized(url: string, body: string, chunked = false): Promise<{ status: number; contentType: string; body: string }> {
  // Without a length the server can only answer after reading past the limit; on a loaded machine
  // the client may still be writing when the connection closes and lose the answer to a reset.
  // That is the client's race, not the server's: try again, up to three times.
  for (let attempt = 1; ; attempt++) {
    try {
      return await postOversizedOnce(url, body, chunked);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (attempt === 3 || (code !== 'EPIPE' && code !== 'ECONNRESET')) throw error;
    }
  }
}

function postOversizedOnce(url: string, body: string, chunked: boolean): Promise<{ status: number; contentType: string; body: string }> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const headers: Record<string, string | number> = { 'content-type': 'application/json' };
    if (!chunked) headers['content-length'] = Buffer.byteLength(body);
    const req = http.request(url, { method: 'POST', headers }, (res) => {
      answered = true;
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type']), body: text }));
    });
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    const bytes = Buffer.from(body);
    let offset = 0;
    const writeMore = () => {
      while (!answered && offset < bytes.length) {
        const piece = bytes.subarray(offset, offset + 65_536);
        offset += piece.length;
        if (!req.write(piece)) return void req.once('drain', writeMore);
      }
      if (!answered) req.end();
    };
    req.flushHeaders();
    setTimeout(writeMore, 50);
  });
}
