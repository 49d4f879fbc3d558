import { AxeBuilder } from '@axe-core/playwright';
import { can, Permission, Role } from '@relief-ledger/domain';
import type { BrowserContext, Page } from 'playwright-core';

import { useBrowserHarness } from './harness';
import { DEMO_PASSWORD } from './sign-in';

/**
 * WCAG 2.2 AA, checked by axe-core on every page of the app: each role, at 1280 and 360 px, in
 * English and in Arabic (right to left). Any violation of impact serious or critical fails the
 * test, with the page, the rule and the elements; the test prints the pages it visited.
 *
 * Pages are found the way a person finds them: the list pages of the navigation, and the first
 * record of each list (a camp, a convoy, a stock point, a report) through the API.
 */

const ROLES: readonly Role[] = ['coordinator', 'field', 'manager', 'admin'];
const WIDTHS = [1280, 360] as const;
const LANGUAGES = ['en', 'ar'] as const;
/** What axe checks: WCAG 2.0, 2.1 and 2.2 at levels A and AA. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface PageToVisit {
  path: string;
  /** Visited by roles with any of these. */
  permissions: readonly Permission[];
}

interface Found {
  page: string;
  rule: string;
  impact: string;
  targets: string[];
  summary: string;
}

describe('accessibility (e2e, axe-core)', () => {
  const harness = useBrowserHarness();
  let context: BrowserContext | undefined;
  afterEach(async () => context?.close());

  /** The records the detail pages show: the first of each list, as the coordinator sees them. */
  async function detailPages(page: Page): Promise<PageToVisit[]> {
    const first = async (url: string): Promise<string | undefined> => {
      const response = await page.request.get(url);
      if (!response.ok()) return undefined;
      const body = (await response.json()) as { items?: { id: string }[] } | { id: string }[];
      const items = Array.isArray(body) ? body : body.items ?? [];
      return items[0]?.id;
    };
    const camp = await first('/api/v1/camps');
    const convoy = await first('/api/v1/convoys');
    const stockPoint = await first('/api/v1/stock-points');
    const pages: PageToVisit[] = [];
    if (camp) {
      pages.push({ path: `/camps/${camp}`, permissions: ['camps.read'] });
      pages.push({ path: `/camps/${camp}/edit`, permissions: ['camps.write'] });
    }
    if (convoy) pages.push({ path: `/convoys/${convoy}`, permissions: ['convoys.read'] });
    if (stockPoint) pages.push({ path: `/stock/${stockPoint}`, permissions: ['stock.read'] });
    return pages;
  }

  const LIST_PAGES: readonly PageToVisit[] = [
    { path: '/overview', permissions: ['overview.read'] },
    { path: '/camps', permissions: ['camps.read'] },
    { path: '/camps/new', permissions: ['camps.write'] },
    { path: '/distributions', permissions: ['distributions.read'] },
    { path: '/distributions/new', permissions: ['distributions.write'] },
    { path: '/distributions/import', permissions: ['distributions.write'] },
    { path: '/stock', permissions: ['stock.read'] },
    { path: '/convoys', permissions: ['convoys.read'] },
    { path: '/convoys/new', permissions: ['convoys.write'] },
    { path: '/routes', permissions: ['convoys.read'] },
    { path: '/routes/new', permissions: ['convoys.write'] },
    { path: '/pause-windows', permissions: ['windows.read'] },
    { path: '/pause-windows/new', permissions: ['windows.write'] },
    { path: '/incidents', permissions: ['incidents.read'] },
    { path: '/incidents/new', permissions: ['incidents.write'] },
    { path: '/reports', permissions: ['reports.export'] },
    { path: '/reports/4w', permissions: ['reports.export'] },
    { path: '/admin/users', permissions: ['users.manage'] },
    { path: '/admin/api-tokens', permissions: ['tokens.manage'] },
    { path: '/admin/audit', permissions: ['audit.read'] },
    { path: '/account/password', permissions: ['account.self'] },
    { path: '/account/api-tokens', permissions: ['tokens.self'] },
  ];

  async function signIn(page: Page, role: Role, language: (typeof LANGUAGES)[number]): Promise<void> {
    const signedIn = await page.request.post('/api/v1/auth/sign-in', { data: { email: `${role}@hro.example`, password: DEMO_PASSWORD } });
    expect(signedIn.status()).toBe(200);
    const chosen = await page.request.put('/api/v1/auth/preferences', { data: { language, digits: 'latn' } });
    expect(chosen.status()).toBe(200);
  }

  /** Opens a page and waits until it has drawn its heading and finished loading what it shows. */
  async function open(page: Page, path: string): Promise<boolean> {
    await page.goto(path);
    await page.locator('h1').first().waitFor({ timeout: 15_000 });
    if (page.url().includes('/forbidden') || page.url().includes('/sign-in')) return false;
    await page.waitForFunction(() => document.querySelectorAll('mat-progress-bar, mat-spinner, mat-progress-spinner').length === 0, undefined, { timeout: 15_000 });
    // Material's entering animations (150 ms) would otherwise be measured half-faded.
    await page.waitForTimeout(250);
    return true;
  }

  async function check(page: Page, label: string): Promise<Found[]> {
    const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    return results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => ({
        page: label,
        rule: violation.id,
        impact: violation.impact ?? '',
        targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
        summary: violation.nodes[0]?.failureSummary?.split('\n').slice(0, 3).join(' ') ?? violation.help,
      }));
  }

  for (const language of LANGUAGES) {
    for (const width of WIDTHS) {
      it(`finds no serious or critical violation on any page, for every role, in ${language} at ${width} px`, async () => {
        const found: Found[] = [];
        const visited: string[] = [];

        // The sign-in page, before anyone has signed in.
        context = await harness.browser.newContext({ viewport: { width, height: 800 }, baseURL: harness.api.url, locale: language === 'ar' ? 'ar-SY' : 'en-GB' });
        let page = await context.newPage();
        await page.goto('/sign-in');
        await page.locator('h1').first().waitFor();
        expect(await page.getAttribute('html', 'lang')).toBe(language);
        found.push(...(await check(page, `/sign-in (signed out, ${language}, ${width})`)));
        visited.push('/sign-in (signed out)');
        await context.close();

        for (const role of ROLES) {
          context = await harness.browser.newContext({ viewport: { width, height: 800 }, baseURL: harness.api.url });
          page = await context.newPage();
          await signIn(page, role, language);
          const pages = [...LIST_PAGES, ...(await detailPages(page))].filter((candidate) =>
            candidate.permissions.some((permission) => can({ role, permission })),
          );
          for (const candidate of pages) {
            if (!(await open(page, candidate.path))) continue;
            expect(await page.getAttribute('html', 'dir')).toBe(language === 'ar' ? 'rtl' : 'ltr');
            found.push(...(await check(page, `${candidate.path} (${role}, ${language}, ${width})`)));
            visited.push(`${candidate.path} (${role})`);
          }
          await context.close();
        }

        console.log(`axe-core, ${language} at ${width} px: ${visited.length} pages visited:\n  ${visited.join('\n  ')}`);
        expect(found).toEqual([]);
      }, 300_000);
    }
  }
});
