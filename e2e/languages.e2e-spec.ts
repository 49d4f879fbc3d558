import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';

import { SCREENSHOTS, useBrowserHarness } from './harness';
import { settledSidewaysOverflow } from './layout';
import { DEMO_PASSWORD } from './sign-in';

/**
 * Arabic, right to left, on a phone: a browser set to ar-SY gets the app in Arabic from the
 * sign-in page on; the choice of Turkish applies without a reload and follows the user to their
 * next session. The screens of features still being translated are checked by their own specs.
 */
describe('languages (e2e)', () => {
  const harness = useBrowserHarness();
  let context: BrowserContext | undefined;

  beforeAll(() => mkdirSync(SCREENSHOTS, { recursive: true }));
  afterEach(async () => context?.close());

  async function openPhone(locale: string): Promise<Page> {
    context = await harness.browser.newContext({ viewport: { width: 360, height: 760 }, locale, baseURL: harness.api.url });
    return context.newPage();
  }

  it('speaks Arabic right to left to a browser set to ar-SY, and switches to Turkish without a reload', async () => {
    const page = await openPhone('ar-SY');

    await page.goto('/sign-in');
    await page.getByRole('heading', { name: 'تسجيل الدخول إلى Relief Ledger' }).waitFor();
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await page.getAttribute('html', 'lang')).toBe('ar');
    expect(await settledSidewaysOverflow(page)).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'languages-sign-in-ar-360.png'), fullPage: true });

    await page.getByLabel('البريد الإلكتروني', { exact: true }).fill('field@hro.example');
    await page.getByLabel('كلمة المرور', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'تسجيل الدخول', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/overview');
    await page.getByRole('heading', { name: 'نظرة عامة', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'فترات التهدئة السارية' }).waitFor();
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await settledSidewaysOverflow(page)).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'languages-overview-ar-360.png'), fullPage: true });

    // The menu holds the language switch on a phone; a reload would forget this mark.
    await page.evaluate(() => ((window as unknown as Record<string, unknown>)['notReloaded'] = true));
    await page.getByRole('button', { name: 'القائمة' }).click();
    await page.getByRole('button', { name: 'Türkçe' }).click();
    await page.getByRole('heading', { name: 'Genel bakış', level: 1 }).waitFor();
    expect(await page.getAttribute('html', 'dir')).toBe('ltr');
    expect(await page.evaluate(() => (window as unknown as Record<string, unknown>)['notReloaded'])).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'languages-overview-tr-360.png'), fullPage: true });
  });

  it('keeps the choice in the profile: another phone in English opens in Turkish after sign-in', async () => {
    const first = await openPhone('en-GB');
    await first.goto('/sign-in');
    await first.getByRole('button', { name: 'Türkçe' }).click();
    await first.getByLabel('E-posta', { exact: true }).fill('coordinator@hro.example');
    await first.getByLabel('Parola', { exact: true }).fill(DEMO_PASSWORD);
    // The sign-in page's choice reaches the profile once signed in.
    const saved = first.waitForResponse((response) => response.url().endsWith('/api/v1/auth/preferences'));
    await first.getByRole('button', { name: 'Oturum aç', exact: true }).click();
    await first.waitForURL((url) => url.pathname === '/overview');
    await first.getByRole('heading', { name: 'Genel bakış', level: 1 }).waitFor();
    expect((await saved).status()).toBe(200);
    await context!.close();

    const other = await openPhone('en-GB');
    await other.goto('/sign-in');
    await other.getByRole('heading', { name: 'Sign in to Relief Ledger' }).waitFor();
    await other.getByLabel('Email', { exact: true }).fill('coordinator@hro.example');
    await other.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await other.getByRole('button', { name: 'Sign in', exact: true }).click();
    await other.getByRole('heading', { name: 'Genel bakış', level: 1 }).waitFor();
  });
});
