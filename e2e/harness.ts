import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { RunningApi, startApi } from '../apps/api/test/utils/start-api';
import { createTestDatabase, TestDatabase } from '../apps/api/test/utils/test-database';
import { launchChromium } from './browser';

/** Where the specs leave their screenshots. */
export const SCREENSHOTS = path.resolve(__dirname, '../test-results');

export interface BrowserHarness {
  /** The test database, once `beforeAll` has run. */
  readonly db: TestDatabase;
  /** The API serving the built web app, on demo data. */
  readonly api: RunningApi;
  readonly browser: Browser;
  /** A new browser context (its own cookies, so nobody is signed in yet) with one page of this size. */
  openPage(width: number, height: number): Promise<Page>;
}

/**
 * Registers the `beforeAll`/`afterAll` of a browser spec: a test database, the API with demo data
 * serving the built web app, and headless Chromium. Call it at the top of a `describe`.
 */
export function useBrowserHarness(): BrowserHarness {
  let db: TestDatabase | undefined;
  let api: RunningApi | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApi({ databaseUrl: db.url, env: { DEMO_DATA: 'true', WEB_DIST: path.resolve(__dirname, '../apps/web/dist/browser') } });
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
    await db?.drop();
  });

  function started<T>(value: T | undefined, name: string): T {
    if (value === undefined) throw new Error(`The browser harness has no ${name}: use it inside tests, after beforeAll.`);
    return value;
  }

  return {
    get db() {
      return started(db, 'database');
    },
    get api() {
      return started(api, 'API');
    },
    get browser() {
      return started(browser, 'browser');
    },
    async openPage(width, height) {
      const context = await started(browser, 'browser').newContext({ viewport: { width, height }, baseURL: started(api, 'API').url });
      return context.newPage();
    },
  };
}
