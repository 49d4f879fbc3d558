import type { BrowserContext, Page } from 'playwright-core';

import { useBrowserHarness } from './harness';
import { DEMO_PASSWORD, signIn } from './sign-in';

/**
 * What axe-core cannot see (issue 14): the keyboard's way through a page and where focus goes
 * after a send. The skip link is the first Tab and leads into the page; a refused send puts
 * focus on what was refused, a successful one on the confirmation; the chosen incident kind is
 * marked by more than a colour.
 */
describe('keyboard and focus (e2e)', () => {
  const harness = useBrowserHarness();
  let context: BrowserContext | undefined;
  afterEach(async () => context?.close());

  async function openDesktop(): Promise<Page> {
    context = await harness.browser.newContext({ viewport: { width: 1280, height: 800 }, baseURL: harness.api.url });
    return context.newPage();
  }

  const focused = (page: Page) =>
    page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      return { tag: element?.tagName.toLowerCase(), id: element?.id, text: element?.textContent?.trim() ?? '', classes: element?.className ?? '' };
    });

  it('offers a skip link as the first Tab, which leads past the toolbar and navigation into the page', async () => {
    const page = await openDesktop();
    await signIn(page, 'coordinator@hro.example');
    await page.goto('/distributions');
    await page.getByRole('heading', { level: 1 }).waitFor();

    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('Skip to main content');
    // Visible once focused (WCAG 2.4.7): inside the viewport.
    const box = await page.getByRole('link', { name: 'Skip to main content' }).boundingBox();
    expect(box && box.y >= 0 && box.y < 100).toBe(true);

    await page.keyboard.press('Enter');
    expect((await focused(page)).id).toBe('main-content');
    await page.keyboard.press('Tab');
    const inside = await page.evaluate(() => document.getElementById('main-content')?.contains(document.activeElement) ?? false);
    expect(inside).toBe(true);
  }, 90_000);

  it('moves focus to the refused field after a refused send, and to the confirmation after a success', async () => {
    const page = await openDesktop();
    await signIn(page, 'field@hro.example');
    await page.goto('/account/password');
    await page.getByRole('heading', { level: 1 }).waitFor();

    await page.getByLabel('Current password', { exact: true }).fill('not-the-password-2019');
    await page.getByLabel('New password', { exact: true }).fill('a-longer-password-2026');
    await page.getByRole('button', { name: 'Change password', exact: true }).click();
    await page.waitForFunction(() => document.activeElement?.getAttribute('autocomplete') === 'current-password');

    await page.getByLabel('Current password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Change password', exact: true }).click();
    await page.waitForFunction(() => document.activeElement?.classList.contains('changed') ?? false);
    expect((await focused(page)).text).toContain('Your password has been changed');
  }, 90_000);

  it('marks the chosen incident kind with a check mark and a border, not only a fill', async () => {
    const page = await openDesktop();
    // Not the field user: the test above changed their password.
    await signIn(page, 'coordinator@hro.example');
    await page.goto('/incidents/new');
    await page.getByRole('heading', { level: 1 }).waitFor();

    const airstrike = page.locator('mat-button-toggle', { hasText: 'Airstrike' });
    await airstrike.locator('button').click();
    await page.waitForFunction(() => document.querySelector('mat-button-toggle.mat-button-toggle-checked') !== null);
    // A single-choice group is a radio group to assistive technology.
    expect(await airstrike.locator('button').getAttribute('aria-checked')).toBe('true');
    expect(await airstrike.locator('.mat-pseudo-checkbox').isVisible()).toBe(true);
    const [chosen, other] = await Promise.all([
      airstrike.evaluate((element) => getComputedStyle(element).borderTopWidth),
      page.locator('mat-button-toggle', { hasText: 'Shelling' }).evaluate((element) => getComputedStyle(element).borderTopWidth),
    ]);
    expect(parseFloat(chosen)).toBeGreaterThan(parseFloat(other));
  }, 90_000);
});
