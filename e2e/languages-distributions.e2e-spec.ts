import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { DistributionResponse, Page as ResultPage } from '@relief-ledger/domain';

import { SCREENSHOTS, useBrowserHarness } from './harness';
import { pdfPages } from './pdf-text';
import { settledSidewaysOverflow } from './layout';
import { DEMO_PASSWORD } from './sign-in';

/** The demo's new camp near the border, its store and the tents it holds, as an Arabic reader sees them. */
const CAMP_AR = 'مخيم أطمة الحدودي (جديد)';
const TENT_AR = 'خيمة عائلية';
const STORE = 'Atmeh camp store';

/**
 * The camps, distributions, stock and reports screens in Arabic, right to left, on a phone: a
 * browser set to ar-SY signs in, logs a distribution typing Arabic-Indic digits, and gets the
 * confirmation in Arabic; the figures reach the server as ASCII numbers. The screenshots stay in
 * test-results/ for a reader of Arabic to look over.
 */
describe('camps, distributions, stock and reports in Arabic (e2e)', () => {
  const harness = useBrowserHarness();
  let context: BrowserContext | undefined;

  beforeAll(() => mkdirSync(SCREENSHOTS, { recursive: true }));
  afterEach(async () => context?.close());

  async function signInOnPhone(email: string): Promise<Page> {
    context = await harness.browser.newContext({ viewport: { width: 360, height: 760 }, locale: 'ar-SY', baseURL: harness.api.url });
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.getByLabel('البريد الإلكتروني', { exact: true }).fill(email);
    await page.getByLabel('كلمة المرور', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'تسجيل الدخول', exact: true }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    return page;
  }

  /** The whole page: the app scrolls inside its content pane, so the window grows to the content first. */
  async function screenshotWhole(page: Page, file: string): Promise<void> {
    const viewport = page.viewportSize()!;
    const height = await page.evaluate(() => {
      const pane = document.querySelector('mat-sidenav-content');
      return Math.ceil((pane?.scrollHeight ?? 0) + (pane?.getBoundingClientRect().top ?? 0));
    });
    await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, height) });
    await page.screenshot({ path: path.join(SCREENSHOTS, file), fullPage: true });
    await page.setViewportSize(viewport);
  }

  it('logs a distribution in Arabic at 360 px: "١٢٠" typed is stored as 120, and the confirmation is in Arabic', async () => {
    const page = await signInOnPhone('field@hro.example');
    await page.goto('/distributions/new');
    await page.getByRole('heading', { name: 'تسجيل توزيع', level: 1 }).waitFor();
    // The selects fill once camps, items and stock points have arrived, named in Arabic.
    await page.getByRole('option', { name: CAMP_AR }).waitFor({ state: 'attached' });
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await page.getAttribute('html', 'lang')).toBe('ar');

    await page.getByLabel('المخيم', { exact: true }).selectOption({ label: CAMP_AR });
    await page.getByLabel('نقطة المخزون', { exact: true }).selectOption({ label: STORE });
    // Listed with what the store holds, "خيمة عائلية (المتوفر: ٥٠٠)": chosen by its name.
    const tent = await page.getByLabel('المادة', { exact: true }).locator('option', { hasText: TENT_AR }).getAttribute('value');
    await page.getByLabel('المادة', { exact: true }).selectOption(tent!);
    await page.getByLabel('الكمية', { exact: true }).fill('١٢٠');
    await page.getByLabel('الأسر', { exact: true }).fill('٢٤');
    // Five people per household until someone types the real number.
    await expect(page.getByLabel('الأشخاص', { exact: true }).inputValue()).resolves.toBe('120');
    expect(await settledSidewaysOverflow(page)).toEqual([]);
    await screenshotWhole(page, 'languages-distribution-form-ar-360.png');

    const sent = page.waitForResponse((response) => response.url().endsWith('/api/v1/distributions') && response.request().method() === 'POST');
    await page.getByRole('button', { name: 'تسجيل التوزيع', exact: true }).click();
    expect((await sent).status()).toBe(201);

    const confirmation = page.getByRole('status').filter({ hasText: 'سُجّل التوزيع' });
    await confirmation.waitFor();
    const said = (await confirmation.textContent()) ?? '';
    expect(said).toContain(`سُجّل التوزيع (${TENT_AR}: 120) في ${CAMP_AR}.`);
    expect(said).toContain('المتبقي في');
    expect(said).toContain('380');
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await settledSidewaysOverflow(page)).toEqual([]);
    await screenshotWhole(page, 'languages-distribution-logged-ar-360.png');

    // The server has 120, 24 and 120 as numbers: through the API, as the list reads them.
    const answer = await page.request.get('/api/v1/distributions?pageSize=5');
    expect(answer.status()).toBe(200);
    const newest = ((await answer.json()) as ResultPage<DistributionResponse>).items[0];
    expect(newest).toMatchObject({ quantity: 120, households: 24, people: 120, stockLeft: 380 });

    await page.goto('/distributions');
    await page.getByRole('heading', { name: 'التوزيعات', level: 1 }).waitFor();
    await page.locator('.rl-card').first().waitFor();
    expect(await page.locator('.rl-card').first().textContent()).toContain(TENT_AR);
    expect(await settledSidewaysOverflow(page)).toEqual([]);
    await screenshotWhole(page, 'languages-distributions-ar-360.png');
  }, 90_000);

  it('shows the camps, stock and reports in Arabic at 360 px without scrolling sideways', async () => {
    const page = await signInOnPhone('manager@hro.example');

    const screens: { url: string; heading: string; ready: string; file: string }[] = [
      { url: '/camps', heading: 'المخيمات', ready: '.rl-card', file: 'languages-camps-ar-360.png' },
      { url: '/stock', heading: 'المخزون', ready: 'li.point', file: 'languages-stock-ar-360.png' },
      { url: '/reports', heading: 'التقارير', ready: '.rl-card', file: 'languages-reports-ar-360.png' },
      { url: '/reports/4w', heading: 'مصفوفة 4W للتوزيعات', ready: 'rl-report-table tbody tr', file: 'languages-report-4w-ar-360.png' },
    ];
    for (const screen of screens) {
      await page.goto(screen.url);
      await page.getByRole('heading', { name: screen.heading, level: 1 }).waitFor();
      await page.locator(screen.ready).first().waitFor();
      expect(await page.getAttribute('html', 'dir')).toBe('rtl');
      expect(await settledSidewaysOverflow(page)).toEqual([]);
      await screenshotWhole(page, screen.file);
    }

    // The preview's headers came in Arabic from the API; the CSV link asks for Arabic too.
    expect((await page.locator('rl-report-table thead th').first().textContent())?.trim()).toBe('المنظمة');
    expect(await page.getByRole('link', { name: 'تنزيل CSV' }).getAttribute('href')).toContain('lang=ar');

    await page.goto('/camps');
    await page.locator('.rl-card').first().click();
    await page.getByRole('heading', { name: 'التغطية', level: 2 }).waitFor();
    await page.locator('.measure.shelter .headline').waitFor();
    expect(await settledSidewaysOverflow(page)).toEqual([]);
    await screenshotWhole(page, 'languages-camp-ar-360.png');
  }, 90_000);

  it('prints a report with its header and page numbers in Arabic', async () => {
    const page = await signInOnPhone('manager@hro.example');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto('/reports/stock-movements/print');
    await page.getByRole('heading', { name: 'ملخص حركة المخزون', level: 1 }).waitFor();
    await page.locator('rl-report-table tbody tr').first().waitFor();

    const pages = pdfPages(await page.pdf({ format: 'A4', path: path.join(SCREENSHOTS, 'languages-report-print-ar.pdf') }));
    // pdf.js gives Arabic as drawn (shaped glyphs, right to left): compared letter for letter, unshaped.
    const letters = (text: string) => text.normalize('NFKC').replace(/\s+/g, '');
    const first = letters(pages[0]);
    const either = (word: string) => first.includes(word) || first.includes([...word].reverse().join(''));
    expect(either('صفحة')).toBe(true);
    expect(first).not.toContain('Page');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'languages-report-print-ar.png'), fullPage: true });
  }, 90_000);
});
