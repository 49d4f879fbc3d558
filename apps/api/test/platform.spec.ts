import { existsSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { RunningApi, startApi } from './utils/start-api';
import { createTestDatabase, TestDatabase } from './utils/test-database';

const WEB_INDEX = path.resolve(__dirname, '../../web/dist/browser/index.html');

describe('health, docs, logs and the web app', () => {
  let db: TestDatabase;
  let api: RunningApi;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApi({ databaseUrl: db.url, env: { WEB_DIST: path.dirname(WEB_INDEX) } });
  });

  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  it('reports health with the database checked', async () => {
    const res = await request(api.url).get('/api/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', database: 'ok' });
  });

  it('serves the OpenAPI document with every route of the API', async () => {
    const res = await request(api.url).get('/api/docs.json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/v1/auth/sign-in', '/api/v1/camps', '/api/v1/camps/{id}', '/api/v1/camps/{id}/close', '/api/v1/locations/{id}']),
    );
    expect(res.body.components.schemas.CreateCampDto.required).toEqual(
      expect.arrayContaining(['locationId', 'nameEn', 'nameAr', 'population', 'households', 'capacity']),
    );
  });

  it('serves the API docs page', async () => {
    const res = await request(api.url).get('/api/docs').expect(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
  });

  it('logs each request as one JSON line without credentials', async () => {
    await request(api.url).get('/api/health').set('Authorization', 'Bearer very-secret-token').set('Cookie', 'session=very-secret-cookie').expect(200);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const lines = api.output().split('\n').filter((line) => line.startsWith('{'));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    expect(lines.some((line) => JSON.parse(line).req?.url === '/api/health')).toBe(true);
    expect(api.output()).not.toContain('very-secret');
  });

  it('does not log the database password', async () => {
    const password = new URL(db.url).password;
    if (password) expect(api.output()).not.toContain(password);
  });

  (existsSync(WEB_INDEX) ? describe : describe.skip)('web app (built)', () => {
    it('serves the web app at /', async () => {
      const res = await request(api.url).get('/').expect(200);
      expect(res.text).toContain('<title>Relief Ledger</title>');
    });

    it('answers a deep link of the web app with the app, so reloads work', async () => {
      const res = await request(api.url).get('/camps/6f1c2f8e-93a4-4b8e-9d0a-3b1f5a0c2d7e').expect(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.text).toContain('<title>Relief Ledger</title>');
    });

    it('keeps problem+json 404s under /api', async () => {
      const res = await request(api.url).get('/api/v1/nothing-here').expect(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    });
  });
});
