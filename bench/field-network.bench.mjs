// Issue 13, "fast on a bad network": the built app on demo data, driven by Chromium through the DevTools
// protocol with a field network emulated (400 kbps down and up, 400 ms round trip, browser cache off):
// bytes and time to a usable sign-in form, time from pressing Sign in to the landing page, a cold open of
// the convoy board (signed in, empty cache), and a warm reload of it (cache and service worker on).
//   npm run bench            (builds nothing: run `npm run build` first)
// Goals: sign-in usable within 5 s on at most 120 KB; convoy board within 8 s on at most 250 KB.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startEmbeddedPostgres } from '../apps/api/dist/apps/api/src/database/embedded-postgres.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FIELD_NETWORK = { offline: false, latency: 400, downloadThroughput: 400_000 / 8, uploadThroughput: 400_000 / 8 };
const FIELD_USER = 'field@hro.example';
const PASSWORD = 'demo-password-2019';

const freePort = () =>
  new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;
const transferred = (counter, before = { bytes: 0, body: 0 }) => `${kb(counter.bytes - before.bytes)} (bodies ${kb(counter.body - before.body)})`;

// Chromium offers brotli only over HTTPS; the bench talks plain HTTP to 127.0.0.1, so it asks for brotli
// itself, as the phone does from the deployed site (BENCH_GZIP_ONLY=1 measures what plain HTTP gets).
const ACCEPT_ENCODING = process.env.BENCH_GZIP_ONLY ? undefined : 'br, gzip';

/** A page on the emulated field network, counting every byte that crosses it (headers included). */
async function fieldPage(context, { cacheDisabled }) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', FIELD_NETWORK);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled });
  if (ACCEPT_ENCODING) await cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': ACCEPT_ENCODING } });
  // `bytes` is what crossed the wire over HTTP/1.1, headers included (about 0.5 KB a response here);
  // `body` leaves them out, closer to HTTP/2, where repeated headers shrink to a few bytes. Counted as
  // they arrive rather than at the end of each request: the app's HTTP client cancels its request once
  // it has read the answer, which Chromium may report as aborted rather than finished.
  const counter = { bytes: 0, body: 0, requests: 0, encodings: new Map() };
  const started = Date.now();
  const urls = new Map();
  cdp.on('Network.responseReceived', (event) => {
    urls.set(event.requestId, event.response.url);
    counter.requests++;
    counter.bytes += event.response.encodedDataLength;
    if (!/\.(js|css)$/.test(event.response.url)) return;
    const encoding = event.response.headers['content-encoding'] ?? event.response.headers['Content-Encoding'] ?? 'none';
    counter.encodings.set(encoding, (counter.encodings.get(encoding) ?? 0) + 1);
  });
  cdp.on('Network.dataReceived', (event) => {
    counter.body += event.encodedDataLength;
    counter.bytes += event.encodedDataLength;
  });
  const done = (what) => (event) => {
    if (process.env.BENCH_VERBOSE) console.log(`  ${((Date.now() - started) / 1000).toFixed(2)} s\t${what}\t${urls.get(event.requestId)}`);
  };
  cdp.on('Network.loadingFinished', done('finished'));
  cdp.on('Network.loadingFailed', done('cancelled'));
  return { page, counter };
}

async function main() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'relief-bench-'));
  const database = await startEmbeddedPostgres({ dir, port: await freePort(), database: 'relief_bench', log: () => undefined, ephemeral: true });
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const app = spawn(process.execPath, [path.join(ROOT, 'apps/api/dist/apps/api/src/main.js')], {
    env: { PATH: process.env.PATH, DATABASE_URL: database.url, PORT: String(port), DEMO_DATA: 'true', LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '1000000' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    await waitFor(`${baseURL}/api/health`);
    const rows = [];

    // 1 and 2: a new user on a phone, nothing cached, signing in. The service worker is kept out here: once
    // it controls a page, the page's requests go through it and their bytes are counted on its side only.
    {
      const context = await browser.newContext({ baseURL, viewport: { width: 360, height: 740 }, serviceWorkers: 'block' });
      const { page, counter } = await fieldPage(context, { cacheDisabled: true });
      const started = Date.now();
      await page.goto('/sign-in', { waitUntil: 'commit' });
      await page.getByLabel('Email', { exact: true }).waitFor();
      await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
      const usable = Date.now() - started;
      rows.push(['sign-in form usable (cold)', seconds(usable), transferred(counter), counter.requests, '≤ 5 s, ≤ 120 KB']);
      console.log(`scripts and styles by Content-Encoding: ${JSON.stringify(Object.fromEntries(counter.encodings))}`);

      await page.getByLabel('Email', { exact: true }).fill(FIELD_USER);
      await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
      const before = { ...counter };
      const pressed = Date.now();
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.waitForURL(/\/overview$/, { timeout: 120_000 });
      await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor({ timeout: 120_000 });
      rows.push(['Sign in pressed → overview shown', seconds(Date.now() - pressed), transferred(counter, before), counter.requests - before.requests, '']);
      await context.close();
    }

    // 3 and 4: signed in already (the cookie of an earlier visit), cache empty, straight to the convoy board.
    {
      const context = await browser.newContext({ baseURL, viewport: { width: 360, height: 740 } });
      const signedIn = await context.request.post('/api/v1/auth/sign-in', { data: { email: FIELD_USER, password: PASSWORD } });
      if (!signedIn.ok()) throw new Error(`sign-in failed: ${signedIn.status()}`);
      const { page, counter } = await fieldPage(context, { cacheDisabled: true });
      const started = Date.now();
      await page.goto('/convoys', { waitUntil: 'commit' });
      await page.getByRole('heading', { level: 1, name: 'Convoys' }).waitFor({ timeout: 120_000 });
      await page.locator('a[href^="/convoys/"]').first().waitFor({ timeout: 120_000 });
      rows.push(['convoy board, cold (signed in)', seconds(Date.now() - started), transferred(counter), counter.requests, '≤ 8 s, ≤ 250 KB']);

      // Warm: the browser cache on, and the service worker if it has installed meanwhile.
      await page.evaluate(() => globalThis.navigator.serviceWorker?.ready.then(() => undefined));
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
      await new Promise((resolve) => setTimeout(resolve, 2000));
      const warmBefore = { ...counter };
      const reloaded = Date.now();
      await page.reload({ waitUntil: 'commit' });
      await page.getByRole('heading', { level: 1, name: 'Convoys' }).waitFor({ timeout: 120_000 });
      await page.locator('a[href^="/convoys/"]').first().waitFor({ timeout: 120_000 });
      rows.push(['convoy board, warm reload', seconds(Date.now() - reloaded), transferred(counter, warmBefore), counter.requests - warmBefore.requests, '']);
      await context.close();
    }

    console.log(`field network: ${FIELD_NETWORK.downloadThroughput * 8 / 1000} kbps down and up, ${FIELD_NETWORK.latency} ms round trip`);
    console.log('| step | time | transferred | requests | goal |');
    console.log('| --- | --- | --- | --- | --- |');
    for (const row of rows) console.log(`| ${row.join(' | ')} |`);
  } finally {
    await browser.close();
    app.kill('SIGTERM');
    await new Promise((resolve) => app.once('exit', resolve));
    await database.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

async function waitFor(url) {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not come up`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
