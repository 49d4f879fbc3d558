import path from 'node:path';
import type { Page } from 'playwright-core';
import { SCREENSHOTS, useBrowserHarness } from './harness';
import { waitForOfflineCopy } from './offline';
import { signIn } from './sign-in';

/**
 * Issue 13, "installable, works offline": after one visit the service worker holds the app shell, every
 * lazy chunk and the translations, so a phone that lost its connection reloads into the app (not the
 * browser's "No internet" page) and moves between the field screens.
 */
describe('the app offline on a phone', () => {
  const harness = useBrowserHarness();

  async function openFromMenu(page: Page, name: string): Promise<void> {
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
  }

  async function expectHeading(page: Page, name: string): Promise<void> {
    await page.getByRole('heading', { level: 1, name }).waitFor();
    expect(await page.getByText('This screen could not be loaded').count()).toBe(0);
  }

  it('opens and moves between the field screens with no connection after one visit', async () => {
    const page = await harness.openPage(360, 740);
    const context = page.context();

    // The browser side of compression: the main script arrives compressed.
    const mainScript = page.waitForResponse((response) => /\/main-[A-Z0-9]{8}\.js$/.test(response.url()));
    await page.goto('/sign-in');
    const encoding = (await mainScript).headers()['content-encoding'];
    expect(['br', 'gzip']).toContain(encoding);

    await signIn(page, 'field@hro.example');
    await page.waitForURL(/\/overview$/);
    await expectHeading(page, 'Overview');
    const convoys = (await (await page.request.get('/api/v1/convoys')).json()) as { items: { id: string }[] };
    const convoyId = convoys.items[0].id;
    for (const [url, heading] of [
      ['/convoys', 'Convoys'],
      ['/distributions/new', 'Log a distribution'],
      ['/incidents/new', 'Report an incident'],
    ] as const) {
      await page.goto(url);
      await expectHeading(page, heading);
    }
    await page.goto(`/convoys/${convoyId}`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await waitForOfflineCopy(page);

    await context.setOffline(true);
    await page.reload();
    // The app shell, from the service worker: the toolbar and the field worker's screens.
    await page.getByRole('button', { name: 'Menu' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Offline' }).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'offline-reload-phone.png'), fullPage: true });

    await openFromMenu(page, 'Convoys');
    await expectHeading(page, 'Convoys');
    await openFromMenu(page, 'Log distribution');
    await expectHeading(page, 'Log a distribution');
    await openFromMenu(page, 'Report incident');
    await expectHeading(page, 'Report an incident');
    await openFromMenu(page, 'Overview');
    await expectHeading(page, 'Overview');
    await page.goto(`/convoys/${convoyId}`);
    await page.getByRole('button', { name: 'Menu' }).waitFor();
    expect(await page.getByText('This screen could not be loaded').count()).toBe(0);
    expect(await page.getByRole('status').filter({ hasText: 'Offline' }).count()).toBe(1);

    await context.setOffline(false);
    await context.close();
  }, 180_000);
});
