import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { SCREENSHOTS, useBrowserHarness } from './harness';
import { signIn } from './sign-in';

/** The demo's new camp near the border, and its store holding 500 family tents. */
const CAMP = 'Atmeh border camp (new)';
const STORE = 'Atmeh camp store';

describe('distributions and stock in the browser', () => {
  const harness = useBrowserHarness();

  async function openPage(email: string, width: number, height: number): Promise<Page> {
    const page = await harness.openPage(width, height);
    await signIn(page, email);
    return page;
  }

  async function choose(page: Page, label: string, option: string): Promise<void> {
    await page.getByLabel(label, { exact: true }).selectOption({ label: option });
  }

  it('lets field staff log 20 family tents on a phone, then shows the coordinator 480 left at the store', async () => {
    const field = await openPage('field@hro.example', 360, 740);
    await field.goto('/distributions/new');
    await field.getByRole('heading', { name: 'Log a distribution' }).waitFor();
    // The selects fill once camps, items and stock points have arrived.
    await field.getByRole('option', { name: CAMP }).waitFor({ state: 'attached' });

    await choose(field, 'Camp', CAMP);
    await choose(field, 'Stock point', STORE);
    // Listed with what the store holds: "Family tent (500 held)".
    await choose(field, 'Item', 'Family tent (500 held)');
    await field.getByLabel('Quantity', { exact: true }).fill('20');
    await field.getByLabel('Households', { exact: true }).fill('20');
    // Five people per household until someone types the real number.
    await expect(field.getByLabel('People', { exact: true }).inputValue()).resolves.toBe('100');
    await field.getByRole('button', { name: 'Log distribution' }).click();

    const confirmation = field.getByRole('status').filter({ hasText: 'Logged:' });
    await confirmation.waitFor();
    expect(await confirmation.textContent()).toContain(`Logged: 20 family tents at ${CAMP}. 480 left at ${STORE}.`);
    // Ready for the next entry: figures cleared, the camp, item and stock point kept.
    await expect(field.getByLabel('Quantity', { exact: true }).inputValue()).resolves.toBe('');
    expect(await field.getByLabel('Camp', { exact: true }).locator('option:checked').textContent()).toBe(CAMP);
    expect(await field.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await field.screenshot({ path: path.join(SCREENSHOTS, 'distribution-logged-phone.png'), fullPage: true });

    const [row] = await harness.db.query<{ quantity: number; households: number; people: number; stock_left: string }>(
      `SELECT quantity, households, people, stock_left FROM distributions WHERE client_key NOT LIKE 'demo-%'`,
    );
    expect(row).toEqual({ quantity: 20, households: 20, people: 100, stock_left: '480' });
    await field.context().close();

    const coordinator = await openPage('coordinator@hro.example', 1280, 800);
    await coordinator.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Stock' }).click();
    await coordinator.waitForURL((url) => url.pathname === '/stock');
    const store = coordinator.getByRole('listitem').filter({ has: coordinator.getByRole('heading', { name: STORE }) });
    const tents = store.getByRole('row', { name: /Family tent/ });
    await tents.waitFor();
    expect((await tents.textContent())?.replace(/\s+/g, ' ')).toContain('480 tent');

    await store.getByRole('link', { name: 'Family tent' }).click();
    await coordinator.getByRole('heading', { name: 'Ledger: Family tent' }).waitFor();
    const ledger = coordinator.getByRole('table', { name: 'Ledger of Family tent' });
    await ledger.getByRole('row').nth(1).waitFor();
    const newest = (await ledger.getByRole('row').nth(1).textContent())?.replace(/\s+/g, ' ');
    expect(newest).toContain('Distributed');
    expect(newest).toContain('\u221220');
    expect(newest).toContain('480');
    await coordinator.screenshot({ path: path.join(SCREENSHOTS, 'stock-point-ledger.png'), fullPage: true });
    await coordinator.context().close();
  }, 90_000);

  it('says how much is available when a transfer asks for more than the store holds', async () => {
    const page = await openPage('coordinator@hro.example', 1280, 800);
    await page.goto('/stock');
    await page.getByRole('link', { name: STORE }).click();
    await page.getByRole('heading', { name: STORE }).waitFor();

    await page.getByRole('button', { name: 'Transfer', exact: true }).click();
    await page.getByLabel('Item', { exact: true }).click();
    await page.getByRole('option', { name: 'Family tent' }).click();
    await page.getByLabel('To stock point', { exact: true }).click();
    await page.getByRole('option', { name: 'Sarmada warehouse' }).click();
    await page.getByLabel('Quantity', { exact: true }).fill('100000');
    await page.getByRole('button', { name: 'Transfer stock' }).click();

    await page.getByRole('alert').filter({ hasText: /Only [\d,]+ available at this stock point; 100,?000 requested/ }).waitFor();
    await page.context().close();
  }, 60_000);

  it('imports a CSV file: lists the bad cells, then records the corrected file', async () => {
    const [camp] = await harness.db.query<{ id: string }>(`SELECT id FROM camps WHERE name_en = 'Sarmada olive grove camp'`);
    const [warehouse] = await harness.db.query<{ id: string }>(`SELECT id FROM stock_points WHERE name = 'Sarmada warehouse'`);
    const header = 'client_id,camp_id,item_code,stock_point_id,quantity,households,people,distributed_at,notes';
    const rows = (secondQuantity: string) =>
      [
        header,
        [randomUUID(), camp.id, 'FOOD-PARCEL', warehouse.id, '12', '12', '60', '2019-12-26T09:00:00+02:00', ''].join(','),
        [randomUUID(), camp.id, 'FOOD-PARCEL', warehouse.id, secondQuantity, '8', '40', '2019-12-26T10:00:00+02:00', '"North gate, second round"'].join(','),
      ].join('\r\n') + '\r\n';
    const before = Number((await harness.db.query<{ count: string }>(`SELECT count(*) FROM distributions`))[0].count);

    const page = await openPage('coordinator@hro.example', 1280, 800);
    await page.goto('/distributions/import');
    await page.getByRole('heading', { name: 'Import distributions' }).waitFor();

    await page.getByLabel('CSV file').setInputFiles({ name: 'day-26.csv', mimeType: 'text/csv', buffer: Buffer.from(rows('eight')) });
    // Sent by XMLHttpRequest, the one browser API that reports upload progress (fetch does not).
    const sent = page.waitForRequest((request) => request.url().endsWith('/api/v1/distributions/import'));
    await page.getByRole('button', { name: 'Upload' }).click();
    expect((await sent).resourceType()).toBe('xhr');
    const problems = page.getByRole('table', { name: 'Problems in the file' });
    await problems.waitFor();
    const cells = (await problems.getByRole('row').nth(1).getByRole('cell').allTextContents()).map((cell) => cell.trim());
    expect(cells.slice(0, 2)).toEqual(['3', 'quantity']);
    await page.getByRole('alert').filter({ hasText: 'Nothing was recorded' }).waitFor();
    expect(Number((await harness.db.query<{ count: string }>(`SELECT count(*) FROM distributions`))[0].count)).toBe(before);

    await page.getByLabel('CSV file').setInputFiles({ name: 'day-26-fixed.csv', mimeType: 'text/csv', buffer: Buffer.from(rows('8')) });
    await page.getByRole('button', { name: 'Upload' }).click();
    await page.getByRole('status').filter({ hasText: 'Imported 2 distributions.' }).waitFor();
    expect(Number((await harness.db.query<{ count: string }>(`SELECT count(*) FROM distributions`))[0].count)).toBe(before + 2);
    await page.context().close();
  }, 60_000);

  it('shows the coverage of a camp beside the Sphere references', async () => {
    const page = await openPage('manager@hro.example', 1280, 900);
    await page.goto('/camps?name=Atmeh');
    await page.getByRole('link', { name: CAMP }).first().click();
    const coverage = page.getByRole('region', { name: 'Coverage' });
    await coverage.getByText(/tents on site for/).waitFor();
    // The store's tents and those already handed out at the camp are both on site.
    const [camp] = await harness.db.query<{ households: number }>(`SELECT households FROM camps WHERE name_en = $1`, [CAMP]);
    expect((await coverage.getByRole('article', { name: 'Shelter' }).textContent())?.replace(/\s+/g, ' ')).toContain(
      `500 tents on site for ${camp.households.toLocaleString('en')} households`,
    );
    await coverage.getByText('Sphere: 2,100 kcal per person per day.').waitFor();
    await coverage.getByText('Sphere: 15 litres of water per person per day.').waitFor();
    await coverage.getByText(/3\.5 m² covered space per person/).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'camp-coverage.png'), fullPage: true });
    await page.context().close();
  }, 60_000);
});
