import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { SCREENSHOTS, useBrowserHarness } from './harness';
import { signIn } from './sign-in';

/** The demo's new camp near the border, and its own store holding 500 family tents. */
const CAMP = 'Atmeh border camp (new)';
const STORE = 'Atmeh camp store';
const WAREHOUSE = 'Sarmada warehouse';
const PHONE = { width: 360, height: 740 };

/**
 * Issue 13: the distribution form in the field, on a 360-px phone: one request for its lookups,
 * the camp's store chosen with the camp, what the store holds listed first, a time entered later
 * stored as the right instant, and the lookups still there offline with "as of"; the tables
 * field staff and coordinators read on a phone show every column without scrolling sideways.
 */
describe('the field data on a phone', () => {
  const harness = useBrowserHarness();

  async function onPhone(email: string): Promise<Page> {
    const page = await harness.openPage(PHONE.width, PHONE.height);
    await signIn(page, email);
    return page;
  }

  const select = (page: Page, label: string) => page.getByLabel(label, { exact: true });
  const chosen = async (page: Page, label: string) => (await select(page, label).locator('option:checked').textContent())?.trim();

  /** The item select's groups, in order, with their options. */
  const itemGroups = (page: Page) =>
    select(page, 'Item').evaluate((element) =>
      Array.from(element.querySelectorAll('optgroup')).map((group) => ({ label: group.label, items: Array.from(group.querySelectorAll('option')).map((option) => option.textContent?.trim()) })),
    );

  /** The page scrolls sideways, or a box inside it is wider than the phone. */
  const overflow = (page: Page) =>
    page.evaluate(() => {
      const width = window.innerWidth;
      const boxes = Array.from(document.querySelectorAll<HTMLElement>('.rl-table-wrap, table'))
        .filter((box) => box.scrollWidth > box.clientWidth + 1 || box.getBoundingClientRect().right > width + 1)
        .map((box) => `${box.tagName.toLowerCase()}.${box.className}: ${box.scrollWidth}/${box.clientWidth}`);
      return { page: document.scrollingElement!.scrollWidth, boxes };
    });

  it('logs a distribution at 360 px: the store comes with the camp, held items first, a later time stored as that instant; offline the lookups stay with "as of"', async () => {
    const page = await onPhone('field@hro.example');
    const lookups: string[] = [];
    page.on('request', (request) => {
      if (/\/api\/v1\/(field-kit|camps|items|stock-points)/.test(request.url())) lookups.push(new URL(request.url()).pathname);
    });
    await page.goto('/distributions/new');
    await page.getByRole('heading', { name: 'Log a distribution' }).waitFor();
    await page.getByRole('option', { name: CAMP }).waitFor({ state: 'attached' });
    // One request for everything the form picks from, not a waterfall of lookups.
    expect(lookups.filter((url) => !url.endsWith('/field-kit'))).toEqual([]);

    await select(page, 'Camp').selectOption({ label: CAMP });
    expect(await chosen(page, 'Stock point')).toBe(STORE);
    const atStore = await itemGroups(page);
    expect(atStore[0]).toEqual({ label: `Held at ${STORE}`, items: ['Family tent (500 held)'] });
    expect(atStore[1].label).toBe('Not held there');
    expect(atStore[1].items).toContain('Family food parcel');

    await select(page, 'Stock point').selectOption({ label: WAREHOUSE });
    const atWarehouse = await itemGroups(page);
    expect(atWarehouse[0].label).toBe(`Held at ${WAREHOUSE}`);
    expect(atWarehouse[0].items[0]).toMatch(/^Family food parcel \([\d,]+ held\)$/);

    // Entered later, on the camp's clock: 14:30 on 23 December 2019 in Damascus (UTC+02:00).
    await select(page, 'Stock point').selectOption({ label: STORE });
    await select(page, 'Item').selectOption({ label: 'Family tent (500 held)' });
    await page.getByLabel('Quantity', { exact: true }).fill('5');
    await page.getByLabel('Households', { exact: true }).fill('5');
    expect(await page.locator('fieldset.when legend').textContent()).toContain('Damascus time (Asia/Damascus)');
    await page.getByLabel('Date', { exact: true }).fill('2019-12-23');
    await page.getByLabel('Time', { exact: true }).fill('14:30');
    expect((await overflow(page)).page).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'field-distribution-form-360.png'), fullPage: true });
    await page.getByRole('button', { name: 'Log distribution' }).click();
    await page.getByRole('status').filter({ hasText: 'Logged:' }).waitFor();

    const listed = await page.request.get('/api/v1/distributions?pageSize=100');
    expect(listed.status()).toBe(200);
    const logged = ((await listed.json()) as { items: Array<{ quantity: number; distributedAt: string }> }).items.filter((d) => d.quantity === 5);
    expect(logged.map((d) => d.distributedAt)).toEqual(['2019-12-23T12:30:00.000Z']);

    // Offline after that one visit, without a reload: away from the form and back to it.
    await page.getByRole('link', { name: 'Recent distributions' }).click();
    await page.getByRole('heading', { name: 'Distributions', level: 1 }).waitFor();
    await page.context().setOffline(true);
    await page.goBack();
    await page.getByRole('heading', { name: 'Log a distribution' }).waitFor();
    const asOf = page.getByRole('status').filter({ hasText: 'Offline: showing what this phone kept, as of' });
    await asOf.waitFor();
    expect(await asOf.textContent()).toMatch(/as of \u2068\d{2}:\d{2} Damascus, \w{3}, \d{1,2} \w{3} \d{4}\u2069/);
    await select(page, 'Camp').selectOption({ label: CAMP });
    expect(await chosen(page, 'Stock point')).toBe(STORE);
    // As the phone kept it when the form last loaded online, before this entry: "as of" says when.
    expect((await itemGroups(page))[0].items).toEqual(['Family tent (500 held)']);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'field-distribution-form-offline-360.png'), fullPage: true });
    await page.context().close();
  }, 120_000);

  it('shows the distribution totals, the stock ledger, the audit trail and import errors at 360 px without sideways scrolling', async () => {
    const field = await onPhone('field@hro.example');
    await field.goto('/distributions');
    const totals = field.getByRole('table', { name: 'Totals' });
    await totals.getByRole('row').nth(1).waitFor();
    // Each row a card of "label: value" lines, the labels the column headers.
    expect(await totals.locator('td').first().evaluate((cell) => getComputedStyle(cell, '::before').content)).toBe('"Camp"');
    expect(await overflow(field)).toEqual({ page: PHONE.width, boxes: [] });
    await field.screenshot({ path: path.join(SCREENSHOTS, 'field-totals-360.png'), fullPage: true });
    await field.context().close();

    const coordinator = await onPhone('coordinator@hro.example');
    await coordinator.goto('/stock');
    await coordinator.getByRole('link', { name: STORE }).click();
    await coordinator.getByRole('heading', { name: STORE }).waitFor();
    await coordinator.getByRole('link', { name: 'Family tent' }).first().click();
    const ledger = coordinator.getByRole('table', { name: 'Ledger of Family tent' });
    await ledger.getByRole('row').nth(1).waitFor();
    expect(await overflow(coordinator)).toEqual({ page: PHONE.width, boxes: [] });
    await coordinator.screenshot({ path: path.join(SCREENSHOTS, 'field-ledger-360.png'), fullPage: true });

    const [camp] = await harness.db.query<{ id: string }>(`SELECT id FROM camps WHERE name_en = 'Sarmada olive grove camp'`);
    const [warehouse] = await harness.db.query<{ id: string }>(`SELECT id FROM stock_points WHERE name = $1`, [WAREHOUSE]);
    const csv = [
      'client_id,camp_id,item_code,stock_point_id,quantity,households,people,distributed_at,notes',
      [randomUUID(), camp.id, 'NO-SUCH-ITEM-WITH-A-VERY-LONG-CODE-THAT-MUST-WRAP', warehouse.id, 'twelve', '12', '60', 'yesterday', ''].join(','),
    ].join('\r\n');
    await coordinator.goto('/distributions/import');
    await coordinator.getByRole('heading', { name: 'Import distributions' }).waitFor();
    await coordinator.getByLabel('CSV file').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(`${csv}\r\n`) });
    await coordinator.getByRole('button', { name: 'Upload' }).click();
    await coordinator.getByRole('table', { name: 'Problems in the file' }).getByRole('row').nth(1).waitFor();
    expect(await overflow(coordinator)).toEqual({ page: PHONE.width, boxes: [] });
    await coordinator.screenshot({ path: path.join(SCREENSHOTS, 'field-import-errors-360.png'), fullPage: true });
    await coordinator.context().close();

    const admin = await onPhone('admin@hro.example');
    await admin.goto('/admin/audit');
    await admin.locator('table.rl-stacked').getByRole('row').nth(1).waitFor();
    expect(await overflow(admin)).toEqual({ page: PHONE.width, boxes: [] });
    await admin.screenshot({ path: path.join(SCREENSHOTS, 'field-audit-360.png'), fullPage: true });
    await admin.context().close();
  }, 120_000);
});
