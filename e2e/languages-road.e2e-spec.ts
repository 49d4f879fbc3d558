import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { APIRequestContext, APIResponse, BrowserContext, Page } from 'playwright-core';

import { SCREENSHOTS, useBrowserHarness } from './harness';
import { settledSidewaysOverflow } from './layout';
import { DEMO_PASSWORD } from './sign-in';

const COORDINATOR = 'coordinator@hro.example';
const FIELD = 'field@hro.example';

/**
 * Arabic, right to left, on a phone at 360 px, on the road: field staff whose browser is set to
 * ar-SY post a check-in for their convoy and report an incident. Each page is right to left, none
 * scrolls sideways, and each confirmation is in Arabic. Screenshots stay in `test-results/`.
 */
describe('Arabic on the road (e2e)', () => {
  const harness = useBrowserHarness();
  let context: BrowserContext | undefined;

  beforeAll(() => mkdirSync(SCREENSHOTS, { recursive: true }));
  afterEach(async () => context?.close());

  async function openPhone(locale: string): Promise<Page> {
    context = await harness.browser.newContext({ viewport: { width: 360, height: 760 }, locale, baseURL: harness.api.url });
    return context.newPage();
  }

  /**
   * The whole page, top to bottom: the shell scrolls inside its content box, which a full-page
   * screenshot alone would cut at the bottom of the screen, so the box grows to its content first.
   */
  async function screenshot(page: Page, name: string): Promise<void> {
    await page.addStyleTag({
      content: 'rl-root, mat-sidenav-container, mat-sidenav-content { display: block !important; height: auto !important; overflow: visible !important; }',
    });
    await page.screenshot({ path: path.join(SCREENSHOTS, name), fullPage: true });
  }

  /** Answers of the API that must have succeeded, as JSON. */
  async function ok<T>(answer: Promise<APIResponse>): Promise<T> {
    const response = await answer;
    if (!response.ok()) throw new Error(`${response.url()} answered ${response.status()}: ${await response.text()}`);
    return (await response.json()) as T;
  }

  async function communityNamed(api: APIRequestContext, name: string): Promise<string> {
    const page = await ok<{ items: { id: string; level: string }[] }>(api.get('/api/v1/locations', { params: { name } }));
    const community = page.items.find((location) => location.level === 'community');
    if (!community) throw new Error(`no community named ${name}`);
    return community.id;
  }

  /** A convoy of HRO on the road since now, on a route of its own, made through the API by its coordinator. */
  async function convoyOnTheRoad(name: string): Promise<string> {
    const api = (await harness.browser.newContext({ baseURL: harness.api.url })).request;
    try {
      await ok(api.post('/api/v1/auth/sign-in', { data: { email: COORDINATOR, password: DEMO_PASSWORD } }));
      const locationIds = [await communityNamed(api, 'Sarmada'), await communityNamed(api, 'Atmeh')];
      const route = await ok<{ id: string }>(api.post('/api/v1/routes', { data: { name: `${name} road`, locationIds } }));
      const convoy = await ok<{ id: string; version: number }>(
        api.post('/api/v1/convoys', {
          data: {
            name,
            purpose: 'supply',
            routeId: route.id,
            plannedDepartureAt: new Date().toISOString(),
            expectedDurationMinutes: 90,
            vehicleCount: 2,
            checkInIntervalMinutes: 30,
          },
        }),
      );
      await ok(api.post(`/api/v1/convoys/${convoy.id}/status`, { data: { status: 'departed', version: convoy.version } }));
      return convoy.id;
    } finally {
      await api.dispose();
    }
  }

  /** Signs in on the Arabic sign-in page, as a browser set to ar-SY shows it. */
  async function signInInArabic(page: Page, email: string): Promise<void> {
    await page.goto('/sign-in');
    await page.getByRole('heading', { name: 'تسجيل الدخول إلى Relief Ledger' }).waitFor();
    await page.getByLabel('البريد الإلكتروني', { exact: true }).fill(email);
    await page.getByLabel('كلمة المرور', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'تسجيل الدخول', exact: true }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  }

  it('posts a check-in in Arabic, right to left, and confirms it in Arabic', async () => {
    const name = `قافلة خيام إلى أطمة ${Date.now()}`;
    const convoyId = await convoyOnTheRoad(name);
    const page = await openPhone('ar-SY');
    await signInInArabic(page, FIELD);

    await page.goto(`/convoys/${convoyId}`);
    await page.getByRole('heading', { name, level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'الإبلاغ عن الموقع', level: 2 }).waitFor();
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await page.getAttribute('html', 'lang')).toBe('ar');
    await page.getByLabel('المكان', { exact: true }).fill('حاجز الدانا');
    await page.getByLabel('ملاحظة', { exact: true }).fill('كل شيء على ما يرام، 2 شاحنة');
    await page.getByRole('button', { name: 'أبلغ عن الموقع', exact: true }).click();

    const confirmation = page.getByRole('status').filter({ hasText: 'أُبلغ عن الموقع الساعة' });
    await confirmation.waitFor();
    expect(await confirmation.textContent()).toMatch(/^\s*أُبلغ عن الموقع الساعة \d{2}:\d{2} بتوقيت دمشق، حاجز الدانا\.\s*$/);
    await page.getByRole('list', { name: 'السجل الزمني، الأحدث أولًا' }).getByText('حاجز الدانا').waitFor();
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await settledSidewaysOverflow(page)).toEqual([]);
    await screenshot(page, 'languages-check-in-ar-360.png');

    const [event] = await harness.db.query<{ place: string }>(`SELECT place FROM convoy_events WHERE convoy_id = $1 AND kind = 'check_in'`, [convoyId]);
    expect(event).toEqual({ place: 'حاجز الدانا' });

    // The board, too, right to left without sideways scrolling on the phone.
    await page.goto('/convoys');
    await page.getByRole('heading', { name: 'القوافل', level: 1 }).waitFor();
    await page.getByRole('list', { name: 'القوافل' }).getByText(name).waitFor();
    expect(await settledSidewaysOverflow(page)).toEqual([]);
    await screenshot(page, 'languages-convoy-board-ar-360.png');
  }, 90_000);

  it('reports an incident in Arabic, right to left, confirms it in Arabic, and says it again in Turkish after a switch without a reload', async () => {
    const page = await openPhone('ar-SY');
    await signInInArabic(page, FIELD);

    await page.goto('/incidents');
    await page.getByRole('heading', { name: 'الحوادث', level: 1 }).waitFor();
    await page.getByRole('list', { name: 'الحوادث' }).getByRole('listitem').first().waitFor();
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await settledSidewaysOverflow(page)).toEqual([]);
    await screenshot(page, 'languages-incidents-ar-360.png');

    await page.getByRole('link', { name: 'الإبلاغ عن حادثة' }).click();
    await page.getByRole('heading', { name: 'الإبلاغ عن حادثة', level: 1 }).waitFor();
    await page.getByRole('radio', { name: 'طريق مغلق' }).click();
    await page.getByLabel('المكان', { exact: true }).fill('طريق باب الهوى، قرب المعبر');
    await page.getByLabel('الوصف', { exact: true }).fill('الطريق مغلق بطابور من الشاحنات؛ القوافل تنتظر');
    await page.getByLabel('جرحى', { exact: true }).fill('٢');
    await page.getByRole('button', { name: 'أرسل البلاغ', exact: true }).click();

    const confirmation = page.getByRole('status').filter({ hasText: 'تم الإبلاغ' });
    await confirmation.waitFor();
    expect((await confirmation.textContent())?.trim()).toBe('تم الإبلاغ: طريق مغلق، وشوركت الحادثة مع جميع المنظمات.');
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await settledSidewaysOverflow(page)).toEqual([]);
    await screenshot(page, 'languages-incident-reported-ar-360.png');

    // "٢" typed with Arabic-Indic digits is stored as 2.
    const [incident] = await harness.db.query<{ injured: number; kind: string }>(`SELECT injured, kind FROM incidents WHERE place = $1`, ['طريق باب الهوى، قرب المعبر']);
    expect(incident).toEqual({ injured: 2, kind: 'blocked_road' });

    // Turkish from the menu: the same confirmation, now in Turkish, left to right, on the same document.
    await page.evaluate(() => ((window as unknown as Record<string, unknown>)['notReloaded'] = true));
    await page.getByRole('button', { name: 'القائمة' }).click();
    await page.getByRole('button', { name: 'Türkçe' }).click();
    await page.getByRole('heading', { name: 'Olay bildir', level: 1 }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Bildirildi: kapalı yol; tüm kuruluşlarla paylaşıldı.' }).waitFor();
    expect(await page.getAttribute('html', 'dir')).toBe('ltr');
    expect(await page.evaluate(() => (window as unknown as Record<string, unknown>)['notReloaded'])).toBe(true);
    // The menu closes from its button, now in Turkish.
    await page.getByRole('button', { name: 'Menü' }).click();
    await page.locator('mat-sidenav').waitFor({ state: 'hidden' });
    expect(await settledSidewaysOverflow(page)).toEqual([]);
    await screenshot(page, 'languages-incident-reported-tr-360.png');
  }, 90_000);
});
