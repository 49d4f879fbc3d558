import { AxeBuilder } from '@axe-core/playwright';
import { can, Permission, Role } from '@relief-ledger/domain';
import type { Browser, Page } from 'playwright-core';

import { DEMO_PASSWORD } from './sign-in';

/**
 * The axe-core sweep of issue 14 (WCAG 2.2 AA): every page of the app, in one language at one
 * width, as each role. The coordinator, who sees the most, visits every page; the other roles
 * visit their landing page and the pages that differ for them (their own screens, the buttons
 * of their role), since a page that only loses buttons for a role has nothing new to check.
 * `A11Y_EVERY_ROLE_PAGE=1` makes every role visit every page it may open (the long sweep).
 */

export type SweepLanguage = 'en' | 'ar';
const ROLES: readonly Role[] = ['coordinator', 'field', 'manager', 'admin'];
/** What axe checks: WCAG 2.0, 2.1 and 2.2 at levels A and AA. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface PageToVisit {
  path: string;
  /** Visited by roles with any of these. */
  permissions: readonly Permission[];
}

/** Every page of the app that needs no record id, with the permissions that open it. */
export const APP_PAGES: readonly PageToVisit[] = [
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
  { path: '/outbox', permissions: ['account.self'] },
  // A bad id in an address: "Not found" in words with a way back.
  { path: '/camps/not-a-uuid', permissions: ['camps.read'] },
];

/** What each role other than the coordinator sees differently (when the long sweep is off). */
const ROLE_PAGES: Readonly<Record<Role, readonly string[] | 'all'>> = {
  coordinator: 'all',
  field: ['/overview', '/convoys/:convoy', '/distributions/new', '/incidents/new', '/outbox', '/account/password'],
  manager: ['/overview', '/reports', '/account/api-tokens', '/admin/audit'],
  admin: ['/overview', '/admin/users', '/admin/api-tokens', '/admin/audit', '/account/password'],
};

export interface Violation {
  page: string;
  rule: string;
  impact: string;
  targets: string[];
  summary: string;
}

export interface SweepResult {
  visited: string[];
  violations: Violation[];
}

async function check(page: Page, label: string): Promise<Violation[]> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).options({ resultTypes: ['violations'] }).analyze();
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

/** The detail pages: the first record of each list, as this role sees them. */
async function detailPages(page: Page): Promise<PageToVisit[]> {
  const first = async (url: string): Promise<string | undefined> => {
    const response = await page.request.get(url);
    if (!response.ok()) return undefined;
    const body = (await response.json()) as { items?: { id: string }[] } | { id: string }[];
    return (Array.isArray(body) ? body : (body.items ?? []))[0]?.id;
  };
  const pages: PageToVisit[] = [];
  const camp = await first('/api/v1/camps');
  if (camp) pages.push({ path: `/camps/${camp}`, permissions: ['camps.read'] }, { path: `/camps/${camp}/edit`, permissions: ['camps.write'] });
  const convoy = await first('/api/v1/convoys');
  if (convoy) pages.push({ path: `/convoys/${convoy}`, permissions: ['convoys.read'] });
  const stockPoint = await first('/api/v1/stock-points');
  if (stockPoint) pages.push({ path: `/stock/${stockPoint}`, permissions: ['stock.read'] });
  const window = await first('/api/v1/pause-windows');
  if (window) pages.push({ path: `/pause-windows/${window}`, permissions: ['windows.read'] }, { path: `/pause-windows/${window}/correct`, permissions: ['windows.write'] });
  const incident = await first('/api/v1/incidents');
  if (incident) pages.push({ path: `/incidents/${incident}`, permissions: ['incidents.read'] });
  return pages;
}

const PATTERN_NAMES: Readonly<Record<string, string>> = { camps: 'camp', convoys: 'convoy', stock: 'stockPoint', 'pause-windows': 'window', incidents: 'incident' };

/** A detail page's path with its record named by kind (`/convoys/:convoy`), for the role lists above. */
function pattern(path: string): string {
  return path.replace(/^\/(camps|convoys|stock|pause-windows|incidents)\/[0-9a-f-]{36}/, (_match, kind: string) => `/${kind}/:${PATTERN_NAMES[kind]}`);
}

/** Waits until the page has drawn its heading and finished loading what it shows. */
async function settled(page: Page, path: string): Promise<void> {
  await page.locator('main h1').first().waitFor({ timeout: 15_000 });
  // A page may keep a progress bar for long (a slow list on a busy machine): checked as it is then.
  await page
    // Only what says "loading": a determinate bar is a meter (a camp's tent coverage), there for good.
    .waitForFunction(() => document.querySelectorAll('main mat-progress-bar:not([mode="determinate"]), main mat-spinner, main mat-progress-spinner').length === 0, undefined, {
      timeout: 8_000,
    })
    .catch(() => console.warn(`${path}: still loading after 8 s, checked as it was`));
  // Material's entering animations (150 ms) would otherwise be measured half-faded.
  await page.waitForTimeout(200);
}

export async function sweep({ browser, baseURL, language, width }: { browser: Browser; baseURL: string; language: SweepLanguage; width: number }): Promise<SweepResult> {
  const visited: string[] = [];
  const violations: Violation[] = [];
  const everyPage = process.env['A11Y_EVERY_ROLE_PAGE'] === '1';

  // The sign-in page, before anyone has signed in, in a browser set to the language.
  let context = await browser.newContext({ viewport: { width, height: 800 }, baseURL, locale: language === 'ar' ? 'ar-SY' : 'en-GB' });
  let page = await context.newPage();
  await page.goto('/sign-in');
  await page.locator('h1').first().waitFor();
  if ((await page.getAttribute('html', 'lang')) !== language) throw new Error(`the sign-in page did not open in ${language}`);
  violations.push(...(await check(page, `/sign-in (signed out, ${language}, ${width} px)`)));
  visited.push('/sign-in (signed out)');
  await context.close();

  for (const role of ROLES) {
    context = await browser.newContext({ viewport: { width, height: 800 }, baseURL });
    page = await context.newPage();
    const signedIn = await page.request.post('/api/v1/auth/sign-in', { data: { email: `${role}@hro.example`, password: DEMO_PASSWORD } });
    if (signedIn.status() !== 200) throw new Error(`${role} could not sign in: ${signedIn.status()}`);
    const chosen = await page.request.put('/api/v1/auth/preferences', { data: { language, digits: 'latn' } });
    if (chosen.status() !== 200) throw new Error(`${role}'s language could not be set: ${chosen.status()}`);

    const wanted = ROLE_PAGES[role];
    const pages = [...APP_PAGES, ...(await detailPages(page))].filter(
      (candidate) =>
        candidate.permissions.some((permission) => can({ role, permission })) && (everyPage || wanted === 'all' || wanted.includes(pattern(candidate.path))),
    );
    for (const candidate of pages) {
      await page.goto(candidate.path);
      await settled(page, candidate.path);
      const dir = await page.getAttribute('html', 'dir');
      if (dir !== (language === 'ar' ? 'rtl' : 'ltr')) throw new Error(`${candidate.path} as ${role} is not ${language === 'ar' ? 'rtl' : 'ltr'}`);
      violations.push(...(await check(page, `${candidate.path} (${role}, ${language}, ${width} px)`)));
      visited.push(`${pattern(candidate.path)} (${role})`);
    }
    await context.close();
  }
  return { visited, violations };
}
