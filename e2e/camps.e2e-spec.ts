import path from 'node:path';
import type { Page } from 'playwright-core';
import { SCREENSHOTS, useBrowserHarness } from './harness';
import { signIn } from './sign-in';

/** Coordinators are the role that may create, edit and close camps. */
const COORDINATOR = 'coordinator@hro.example';

describe('camps in the browser', () => {
  const harness = useBrowserHarness();

  /** A new browser context (its own cookies), signed in as the HRO coordinator. */
  async function openPage(width: number, height: number): Promise<Page> {
    const page = await harness.openPage(width, height);
    await signIn(page, COORDINATOR);
    return page;
  }

  async function pick(page: Page, label: string, option: RegExp) {
    await page.getByLabel(label, { exact: true }).click();
    await page.getByRole('option', { name: option }).first().click();
  }

  it('creates a camp through the form and finds it in the list', async () => {
    const page = await openPage(1280, 800);
    await page.goto('/camps');
    await page.getByText('Atmeh border camp (new)').first().waitFor();

    await page.getByRole('link', { name: 'New camp' }).or(page.getByRole('button', { name: 'New camp' })).first().click();
    await page.getByLabel('English name', { exact: true }).fill('Kafr Lusin reception camp');
    await page.getByLabel('Arabic name', { exact: true }).fill('مخيم استقبال كفرلوسين');
    // No organisation to choose: the camp belongs to the coordinator's own, shown as text.
    await page.getByText('Humanitarian Relief Organization (HRO)').first().waitFor();
    await pick(page, 'Location', /^Sarmada/);
    await page.getByLabel('Population', { exact: true }).fill('1800');
    await page.getByLabel('Households', { exact: true }).fill('360');
    await page.getByLabel('Capacity', { exact: true }).fill('2500');
    await page.getByRole('button', { name: 'Save camp' }).click();

    await page.waitForURL(/\/camps\/[0-9a-f-]{36}$/);
    await page.getByText('Kafr Lusin reception camp').first().waitFor();
    const [row] = await harness.db.query<{ population: number; households: number }>(`SELECT population, households FROM camps WHERE name_en = 'Kafr Lusin reception camp'`);
    expect(row).toEqual({ population: 1800, households: 360 });

    await page.goto('/camps');
    await page.getByLabel('Search camps').fill('Kafr Lusin');
    // The search is debounced: wait until the other camps have gone from the list.
    await page.waitForFunction(() => !document.body.innerText.includes('Atmeh border camp (new)'));
    await page.getByText('Kafr Lusin reception camp').first().waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'camps-desktop.png'), fullPage: true });
    await page.context().close();
  }, 60_000);

  it('shows the field message from the server and keeps what was typed', async () => {
    const page = await openPage(1280, 800);
    await page.goto('/camps/new');
    // An HRO camp already has this name; camp names are unique within an organisation.
    await page.getByLabel('English name', { exact: true }).fill('Sarmada olive grove camp');
    await page.getByLabel('Arabic name', { exact: true }).fill('مخيم');
    await pick(page, 'Location', /^Sarmada/);
    await page.getByLabel('Population', { exact: true }).fill('10');
    await page.getByLabel('Households', { exact: true }).fill('2');
    await page.getByLabel('Capacity', { exact: true }).fill('10');
    await page.getByRole('button', { name: 'Save camp' }).click();
    await page.getByText(/already exists/).first().waitFor();
    await expect(page.getByLabel('English name', { exact: true }).inputValue()).resolves.toBe('Sarmada olive grove camp');
    await page.context().close();
  }, 60_000);

  it('edits a camp, then closes it after confirming', async () => {
    const page = await openPage(1280, 800);
    await page.goto('/camps?name=Idlib%20east');
    await page.getByRole('link', { name: 'Idlib east reception centre' }).first().click();
    await page.getByRole('link', { name: 'Edit' }).click();
    await page.getByLabel('Population', { exact: true }).fill('1900');
    await page.getByRole('button', { name: 'Save camp' }).click();
    await page.waitForURL(/\/camps\/[0-9a-f-]{36}$/);
    await page.getByText('1,900').first().waitFor();

    await page.getByRole('button', { name: 'Close camp' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Close camp' }).click();
    await page.getByText('Closed', { exact: true }).first().waitFor();
    const [row] = await harness.db.query<{ status: string; population: number; version: number }>(
      `SELECT status, population, version FROM camps WHERE name_en = 'Idlib east reception centre'`,
    );
    expect(row).toEqual({ status: 'closed', population: 1900, version: 3 });
    await page.context().close();
  }, 60_000);

  it('fits a 360-pixel-wide phone without sideways scrolling', async () => {
    const page = await openPage(360, 740);
    await page.goto('/camps');
    await page.getByText('Atmeh border camp (new)').first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'camps-phone.png'), fullPage: true });
    await page.context().close();
  }, 60_000);
});
