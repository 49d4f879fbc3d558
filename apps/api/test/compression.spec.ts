import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { EventStream, openEventStream } from './utils/event-stream';
import { clientFor, signIn } from './utils/session';
import { RunningApi, startApi } from './utils/start-api';
import { createTestDatabase, TestDatabase } from './utils/test-database';

const WEB_DIST = path.resolve(__dirname, '../../web/dist/browser');
const WEB_INDEX = path.join(WEB_DIST, 'index.html');

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The bytes as they came over the wire (still compressed). */
  wire: Buffer;
  /** The bytes after undoing the Content-Encoding. */
  body: Buffer;
}

/** A GET with exactly these headers, read whole, nothing decoded behind our back (as supertest would). */
function get(api: RunningApi, pathname: string, headers: Record<string, string>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    http
      .get(new URL(pathname, api.url), { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const wire = Buffer.concat(chunks);
          const encoding = res.headers['content-encoding'];
          const body = encoding === 'br' ? brotliDecompressSync(wire) : encoding === 'gzip' ? gunzipSync(wire) : wire;
          resolve({ status: res.statusCode ?? 0, headers: res.headers, wire, body });
        });
      })
      .on('error', reject);
  });
}

/**
 * Phones on a field network (400 kbps) pay for every byte: scripts, styles and API answers come
 * compressed when the client says it can take it; the event stream is never held back by it.
 */
describe('compression for field networks', () => {
  let db: TestDatabase;
  let api: RunningApi;
  let cookie: string;
  const streams: EventStream[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApi({ databaseUrl: db.url, env: { DEMO_DATA: 'true', WEB_DIST, LIVE_HEARTBEAT_SECONDS: '1' } });
    cookie = await signIn(api, 'coordinator@hro.example');
  });

  afterAll(async () => {
    for (const stream of streams) stream.close();
    await api?.stop();
    await db?.drop();
  });

  it('compresses an API list answer with brotli, or gzip when that is all the client takes', async () => {
    const br = await get(api, '/api/v1/camps', { cookie, 'accept-encoding': 'gzip, deflate, br' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    const camps = JSON.parse(br.body.toString('utf8'));
    expect(camps.items.length).toBeGreaterThan(0);
    expect(br.wire.length).toBeLessThan(br.body.length / 2);

    const gzip = await get(api, '/api/v1/camps', { cookie, 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gzip.body.toString('utf8'))).toEqual(camps);

    const plain = await get(api, '/api/v1/camps', { cookie });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(plain.body.toString('utf8'))).toEqual(camps);
  });

  it('sends small answers as they are', async () => {
    const health = await get(api, '/api/health', { 'accept-encoding': 'br, gzip' });
    expect(health.status).toBe(200);
    expect(health.headers['content-encoding']).toBeUndefined();
  });

  it('compresses a problem answer too, and a CSV report download', async () => {
    const csv = await get(api, '/api/v1/reports/convoy-log?format=csv&from=2019-12-01&to=2019-12-31', { cookie, 'accept-encoding': 'br' });
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    if (csv.body.length > 1024) expect(csv.headers['content-encoding']).toBe('br');
    expect(csv.body.toString('utf8')).toContain(',');
  });

  it('delivers live events one by one on a stream opened by a client that accepts compression', async () => {
    const stream = await openEventStream(api, cookie, undefined, { 'accept-encoding': 'gzip, deflate, br' });
    streams.push(stream);
    expect(stream.status).toBe(200);
    expect(stream.headers['content-encoding']).toBeUndefined();
    const writer = clientFor(api, cookie);
    const [route] = (await writer.get('/api/v1/routes').expect(200)).body;
    const convoy = (
      await writer
        .post('/api/v1/convoys')
        .send({ name: 'Compression test convoy', purpose: 'supply', routeId: route.id, plannedDepartureAt: new Date().toISOString(), expectedDurationMinutes: 60, vehicleCount: 1 })
        .expect(201)
    ).body;
    await writer.post(`/api/v1/convoys/${convoy.id}/status`).send({ status: 'departed', version: convoy.version }).expect(200);
    // Each event must arrive on its own, before the next is written: a compressor buffering the
    // stream would hold the first back until far more bytes had come.
    for (const place of ['first checkpoint', 'second checkpoint']) {
      await writer.post(`/api/v1/convoys/${convoy.id}/check-ins`).send({ clientId: randomUUID(), place }).expect(201);
      await stream.waitFor((e) => e.data.type === 'convoy.check_in' && e.data.event.place === place, 5_000);
    }
  });

  (existsSync(WEB_INDEX) ? describe : describe.skip)('the built web app', () => {
    const mainScript = () => /src="(main-[A-Z0-9]+\.js)"/.exec(readFileSync(WEB_INDEX, 'utf8'))![1];

    it('serves the main script precompressed with brotli, gzip for older clients, plain otherwise', async () => {
      const original = readFileSync(path.join(WEB_DIST, mainScript()));
      const br = await get(api, `/${mainScript()}`, { 'accept-encoding': 'gzip, deflate, br' });
      expect(br.status).toBe(200);
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers.vary).toMatch(/accept-encoding/i);
      expect(br.headers['content-type']).toMatch(/javascript/);
      expect(br.headers['cache-control']).toContain('immutable');
      expect(br.body.equals(original)).toBe(true);
      // The build's own copy, at the highest setting, not one made per request.
      expect(br.wire.equals(readFileSync(path.join(WEB_DIST, `${mainScript()}.br`)))).toBe(true);

      const gzip = await get(api, `/${mainScript()}`, { 'accept-encoding': 'gzip' });
      expect(gzip.headers['content-encoding']).toBe('gzip');
      expect(gzip.body.equals(original)).toBe(true);

      const plain = await get(api, `/${mainScript()}`, {});
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body.equals(original)).toBe(true);
    });

    // The build's merged chunks are named in mixed case, with - and _ (chunk-B1NKlkf-.js): immutable all the same.
    it('serves every lazy chunk as immutable', async () => {
      const chunks = readdirSync(WEB_DIST).filter((file) => /^chunk-.*\.js$/.test(file));
      expect(chunks.length).toBeGreaterThan(5);
      for (const chunk of chunks.slice(0, 30)) {
        const res = await get(api, `/${chunk}`, { 'accept-encoding': 'br' });
        expect([chunk, res.status, res.headers['cache-control']]).toEqual([chunk, 200, 'public, max-age=31536000, immutable']);
      }
    });

    it('serves the style sheet compressed', async () => {
      const styles = /href="(styles-[A-Z0-9]+\.css)"/.exec(readFileSync(WEB_INDEX, 'utf8'))![1];
      const res = await get(api, `/${styles}`, { 'accept-encoding': 'br' });
      expect(res.headers['content-encoding']).toBe('br');
      expect(res.body.equals(readFileSync(path.join(WEB_DIST, styles)))).toBe(true);
    });

    // The service worker compares each file's bytes with ngsw.json's hashes, and must see a new release
    // at once: its own files and the manifests are never cached as immutable, and decode to the files built.
    it('serves the service worker, its manifest and the web app manifest fresh, compressed or not', async () => {
      for (const [file, type] of [
        ['ngsw-worker.js', /javascript/],
        ['ngsw.json', /json/],
        ['manifest.webmanifest', /manifest\+json/],
      ] as const) {
        const res = await get(api, `/${file}`, { 'accept-encoding': 'br, gzip' });
        expect(res.status).toBe(200);
        expect(res.headers['cache-control']).toBe('no-cache');
        expect(res.headers['content-type']).toMatch(type);
        expect(res.body.equals(readFileSync(path.join(WEB_DIST, file)))).toBe(true);
      }
    });

    // About 800 bytes of headers that only a document acts on, left off the 50-odd files of a cold start.
    it('sends the document security headers with pages and the service worker, not with each script, style sheet or translation', async () => {
      const translation = readdirSync(path.join(WEB_DIST, 'i18n/common')).find((file) => file.endsWith('.json'));
      for (const file of [mainScript(), `i18n/common/${translation}`]) {
        const res = await get(api, `/${file}`, { 'accept-encoding': 'br' });
        expect(res.status).toBe(200);
        expect(res.headers['content-security-policy']).toBeUndefined();
        expect(res.headers['strict-transport-security']).toBeUndefined();
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
        // Nor counted against the phone's request budget, nor carrying its headers.
        expect(res.headers['x-ratelimit-limit']).toBeUndefined();
      }
      expect((await get(api, '/api/health', {})).headers['x-ratelimit-limit']).toBeDefined();
      for (const file of ['', 'convoys', 'index.html', 'ngsw-worker.js', 'favicon.svg']) {
        const res = await get(api, `/${file}`, { 'accept-encoding': 'br' });
        expect(res.status).toBe(200);
        expect(res.headers['content-security-policy']).toContain("default-src 'self'");
        expect(res.headers['x-frame-options']).toBeDefined();
      }
    });

    it('serves a deep link (the app page) compressed when it is worth it, and always fresh', async () => {
      const res = await get(api, '/convoys', { 'accept-encoding': 'br, gzip' });
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body.toString('utf8')).toContain('<title>Relief Ledger</title>');
      if (res.body.length > 1024) expect(res.headers['content-encoding']).toMatch(/^(br|gzip)$/);
    });
  });
});
