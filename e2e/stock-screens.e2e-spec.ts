import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { SCREENSHOTS, useBrowserHarness } from './harness';
import { signIn } from './sign-in';

/** Coordinators are the role that moves stock and makes stock points. */
const COORDINATOR = 'coordinator@hro.example';

/** How an instant reads on the wall clock in Damascus: the date and time a coordinator there types. */
function damascusWallClock(at: Date): { date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Damascus', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

const text = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();

describe('stock screens in the browser', () => {
  const harness = useBrowserHarness();

  async function openPage(width: number, height: number): Promise<Page> {
    const page = await harness.openPage(width, height);
    await signIn(page, COORDINATOR);
    return page;
  }

  /** A Material select: open it by its label, then choose the option. */
  async function pick(page: Page, label: string, option: RegExp): Promise<void> {
    await page.getByLabel(label, { exact: true }).click();
    await page.getByRole('option', { name: option }).first().click();
  }

  async function ids(): Promise<{ warehouse: string; parcel: string }> {
    const [{ id: warehouse }] = await harness.db.query<{ id: string }>(`SELECT id FROM stock_points WHERE name = 'Sarmada warehouse'`);
    const [{ id: parcel }] = await harness.db.query<{ id: string }>(`SELECT id FROM items WHERE code = 'FOOD-PARCEL'`);
    return { warehouse, parcel };
  }

  async function parcelsHeld(warehouse: string, parcel: string): Promise<number> {
    const [{ quantity }] = await harness.db.query<{ quantity: string }>(`SELECT quantity FROM stock_levels WHERE stock_point_id = $1 AND item_id = $2`, [warehouse, parcel]);
    return Number(quantity);
  }

  /** The level of the parcels as the page shows it, in its "In stock" table. */
  async function shownLevel(page: Page): Promise<string> {
    return text(page.getByRole('table', { name: 'In stock' }).getByRole('row').filter({ hasText: 'Family food parcel' }).locator('td'));
  }

  const firstLedgerRow = (page: Page) => page.getByRole('table', { name: /^Ledger of/ }).locator('tr.mat-mdc-row').first();

  it('records a loss (the server refusing more than is held), a stock count with its difference shown first, and reverses a receipt', async () => {
    const { warehouse, parcel } = await ids();
    const page = await openPage(1280, 900);
    await page.goto(`/stock/${warehouse}?itemId=${parcel}`);
    await page.getByRole('heading', { name: 'Sarmada warehouse' }).waitFor();
    const before = await parcelsHeld(warehouse, parcel);
    expect(await shownLevel(page)).toContain(before.toLocaleString('en-GB'));

    // A loss: more than is held first, which the server refuses in words under the field.
    await page.getByRole('button', { name: 'Record a loss' }).click();
    await pick(page, 'Item', /^Family food parcel$/);
    await page.getByLabel('Quantity', { exact: true }).fill(String(before + 1));
    await pick(page, 'Cause', /^Looted$/);
    await page.getByLabel('Reason', { exact: true }).fill('Taken at the Dana checkpoint');
    await page.getByRole('button', { name: 'Record loss' }).click();
    await page.getByText(`only ${before.toLocaleString('en-GB')} available`).first().waitFor();
    await page.getByLabel('Quantity', { exact: true }).fill('25');
    await page.getByRole('button', { name: 'Record loss' }).click();
    await page.waitForFunction(() => document.querySelector('table[aria-label^="Ledger of"] tr.mat-mdc-row')?.textContent?.includes('Dana checkpoint'));
    await page.waitForFunction(
      (level) => document.querySelector('table.levels')?.textContent?.includes(level),
      (before - 25).toLocaleString('en-GB'),
    );
    expect(await text(firstLedgerRow(page))).toContain('Lost Looted — Taken at the Dana checkpoint');
    expect(await text(firstLedgerRow(page))).toContain('\u221225');
    expect(await parcelsHeld(warehouse, parcel)).toBe(before - 25);

    // A count 20 short: the difference is said before anything is saved.
    await page.getByRole('button', { name: 'Count stock' }).click();
    await page.getByLabel('Counted quantity', { exact: true }).fill(String(before - 45));
    await page.getByText('20 family food parcels fewer than the ledger holds: it will record an adjustment of \u2066\u221220\u2069').waitFor();
    await page.getByLabel('Reason', { exact: true }).fill('Monthly count');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'stock-count-form.png'), fullPage: true });
    await page.getByRole('button', { name: 'Record count' }).click();
    await page.waitForFunction(() => document.querySelector('table[aria-label^="Ledger of"] tr.mat-mdc-row')?.textContent?.includes('Stock count'));
    expect(await text(firstLedgerRow(page))).toContain('Monthly count');
    expect(await text(firstLedgerRow(page))).toContain('\u221220');
    expect(await parcelsHeld(warehouse, parcel)).toBe(before - 45);

    // A receipt entered by mistake, then reversed from the ledger after a reason and a confirmation.
    await page.getByRole('button', { name: 'Receive', exact: true }).click();
    await pick(page, 'Item', /^Family food parcel$/);
    await page.getByLabel('Quantity', { exact: true }).fill('100');
    await page.getByLabel('Reference', { exact: true }).fill('waybill entered twice');
    await page.getByRole('button', { name: 'Receive stock' }).click();
    await page.waitForFunction(() => document.querySelector('table[aria-label^="Ledger of"] tr.mat-mdc-row')?.textContent?.includes('waybill entered twice'));
    // A convoy's leg and a distribution offer no reversal; the receipt does.
    const receipt = firstLedgerRow(page);
    await receipt.getByRole('button', { name: /^Reverse: Received/ }).click();
    await page.getByLabel('Reason', { exact: true }).fill('Entered twice');
    await page.getByRole('button', { name: 'Reverse movement' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reverse this movement?' });
    await dialog.getByText(/the level will become/).waitFor();
    expect(await text(dialog)).toContain(`the level will become ${(before - 45).toLocaleString('en-GB')}`);
    await dialog.getByRole('button', { name: 'Reverse', exact: true }).click();
    await page.waitForFunction(() => document.querySelector('table[aria-label^="Ledger of"] tr.mat-mdc-row')?.textContent?.includes('Reversal'));
    expect(await text(firstLedgerRow(page))).toContain('Entered twice');
    expect(await text(firstLedgerRow(page))).toContain('\u2212100');
    expect(await parcelsHeld(warehouse, parcel)).toBe(before - 45);
    // Neither the reversed receipt nor the reversal offers a second reversal.
    expect(await firstLedgerRow(page).getByRole('button').count()).toBe(0);
    const reversedRow = page.getByRole('table', { name: /^Ledger of/ }).locator('tr.mat-mdc-row').filter({ hasText: 'waybill entered twice' });
    expect(await reversedRow.getByRole('button').count()).toBe(0);

    // When each movement happened is on the site clock, with its date; when recorded only on demand.
    expect(await text(firstLedgerRow(page).locator('td').first())).toMatch(/^\d{2}:\d{2} Damascus, \w{3}, \d{1,2} \w{3} \d{4}$/);
    expect(await page.locator('.recorded').count()).toBe(0);
    await page.getByLabel('Also show when each movement was recorded').check();
    await page.locator('.recorded').first().waitFor();
    expect(await text(page.locator('.recorded').first())).toMatch(/^Recorded \d{2}:\d{2} Damascus, /);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'stock-ledger-reversed.png'), fullPage: true });
    await page.context().close();
  }, 120_000);

  it('creates the stock point a supply convoy to Idlib city lacks from the convoy form, and plans the convoy to it', async () => {
    const page = await openPage(1280, 900);
    await page.goto('/convoys/new');
    await page.getByRole('heading', { name: 'Plan a convoy' }).waitFor();
    await page.getByRole('option', { name: /Sarmada to Idlib city/ }).waitFor({ state: 'attached' });

    await page.getByLabel('Name', { exact: true }).fill('Parcels to Idlib city');
    await page.getByLabel('Purpose', { exact: true }).selectOption({ label: 'Supply' });
    await page.getByLabel('Route', { exact: true }).selectOption({ label: 'Sarmada to Idlib city' });
    const later = damascusWallClock(new Date(Date.now() + 2 * 3_600_000));
    await page.getByLabel('Departure date', { exact: true }).fill(later.date);
    await page.getByLabel('Departure time', { exact: true }).fill(later.time);
    await page.getByLabel('Expected duration (minutes)', { exact: true }).fill('60');
    await page.getByLabel('Vehicles', { exact: true }).fill('2');
    await page.getByRole('button', { name: 'Add a cargo line' }).click();
    await page.getByLabel('From stock point', { exact: true }).selectOption({ label: 'Sarmada warehouse' });
    await page.getByLabel('Item', { exact: true }).selectOption({ label: 'Family food parcel' });
    await page.getByLabel('Quantity', { exact: true }).fill('40');

    await page.getByText('Your organisation has no stock point at Idlib city, where this route ends.').waitFor();
    await page.getByRole('button', { name: 'Create a stock point here' }).click();
    await page.getByRole('group', { name: 'New stock point' }).waitFor();
    // The place comes filled in: the route's last stop.
    expect(await page.getByLabel('Where', { exact: true }).inputValue()).toBe('Idlib city (SY07000001)');
    await page.getByLabel('Name', { exact: true }).last().fill('Idlib city warehouse');
    await page.getByRole('button', { name: 'Create stock point' }).click();
    await page.getByRole('group', { name: 'New stock point' }).waitFor({ state: 'detached' });
    await page.waitForFunction(
      () => (document.querySelector('.destination select') as HTMLSelectElement | null)?.selectedOptions[0]?.textContent?.trim() === 'Idlib city warehouse',
    );
    await page.screenshot({ path: path.join(SCREENSHOTS, 'convoy-form-new-destination.png'), fullPage: true });
    await page.getByRole('button', { name: 'Plan convoy' }).click();

    await page.waitForURL(/\/convoys\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'Parcels to Idlib city' }).waitFor();
    const [convoy] = await harness.db.query<{ point: string; kind: string }>(
      `SELECT p.name AS point, p.kind FROM convoys c JOIN stock_points p ON p.id = c.destination_stock_point_id WHERE c.name = 'Parcels to Idlib city'`,
    );
    expect(convoy).toEqual({ point: 'Idlib city warehouse', kind: 'warehouse' });
    await page.context().close();
  }, 120_000);

  it('creates a stock point from the stock screen on a phone, then renames it', async () => {
    const page = await openPage(360, 780);
    await page.goto('/stock');
    await page.getByRole('heading', { name: 'Stock', exact: true }).waitFor();
    await page.getByRole('button', { name: 'New stock point' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Ariha store');
    await page.getByLabel('Where', { exact: true }).fill('Ariha');
    await page.getByRole('option', { name: /^Ariha/ }).first().click();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.getByRole('button', { name: 'Create stock point' }).click();

    await page.waitForURL(/\/stock\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'Ariha store' }).waitFor();
    await page.getByRole('button', { name: 'Rename' }).click();
    await page.getByLabel('New name', { exact: true }).fill('Ariha warehouse');
    await page.getByRole('button', { name: 'Save name' }).click();
    await page.getByRole('heading', { name: 'Ariha warehouse' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'stock-point-renamed-phone.png'), fullPage: true });

    // A second rename from the same page sends the version it now holds, not the first one.
    await page.getByRole('button', { name: 'Rename' }).click();
    await page.getByLabel('New name', { exact: true }).fill('Ariha central warehouse');
    await page.getByRole('button', { name: 'Save name' }).click();
    await page.getByRole('heading', { name: 'Ariha central warehouse' }).waitFor();
    const [row] = await harness.db.query<{ version: number }>(`SELECT version FROM stock_points WHERE name = 'Ariha central warehouse'`);
    expect(row.version).toBe(3);
    await page.context().close();
  }, 90_000);
});
