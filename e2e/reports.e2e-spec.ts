import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { FOUR_W_COLUMNS } from '@relief-ledger/domain';
import { SCREENSHOTS, useBrowserHarness } from './harness';
import { pdfPages } from './pdf-text';
import { signIn } from './sign-in';

const MANAGER = 'manager@hro.example';
const ORGANISATION = 'Humanitarian Relief Organization';
/** A camp named in Arabic only, which the 4W must carry as it was typed. */
const ARABIC_CAMP = 'مخيم الأمل';

describe('the overview and reports in the browser', () => {
  const harness = useBrowserHarness();

  async function openPage(email: string, width: number, height: number): Promise<Page> {
    const page = await harness.openPage(width, height);
    await signIn(page, email);
    return page;
  }

  function noSidewaysScroll(page: Page): Promise<number> {
    return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  }

  /**
   * A screenshot of the whole page: the app scrolls inside its content pane, not the document,
   * so the window is made as tall as the content first (and put back after).
   */
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

  /** The cells of the preview's totals row, by column header. */
  async function previewTotals(page: Page): Promise<Record<string, string>> {
    const table = page.locator('rl-report-table table');
    const headers = (await table.locator('thead th').allTextContents()).map((text) => text.trim());
    const totals = (await table.locator('tr.totals').locator('th, td').allTextContents()).map((text) => text.trim());
    return Object.fromEntries(headers.map((header, index) => [header, totals[index]]));
  }

  it('lands a manager on the overview, which answers "what needs me now?" on a laptop and on a phone', async () => {
    const page = await openPage(MANAGER, 1280, 900);
    await page.waitForURL((url) => url.pathname === '/overview');

    for (const heading of ['Pause windows in force', 'Our convoys on the road and leaving today', 'Incidents in the last 72 hours', 'Stock alerts', 'Camps, worst first', 'People reached']) {
      await page.getByRole('heading', { name: heading, level: 2 }).waitFor();
    }
    // The demo's window in force until 18:00 local, counting down on the announced clock.
    const windows = page.getByRole('list', { name: 'Pause windows in force' });
    await windows.getByText(/ends in \d/).first().waitFor();
    expect(await windows.textContent()).toContain('18:00 Damascus');
    // HRO's supply convoy on the road, linked to its page; Kids Paradise's counted, never named.
    const convoys = page.getByRole('list', { name: 'Our convoys' });
    expect(await convoys.getByRole('link').count()).toBeGreaterThan(0);
    expect(await convoys.getByRole('link').first().getAttribute('href')).toMatch(/^\/convoys\/[0-9a-f-]{36}$/);
    expect(await page.getByRole('list', { name: "Other organisations' convoys" }).textContent()).not.toContain('Kids Paradise');
    // Camps worst first, beside the Sphere references.
    const camps = page.getByRole('table', { name: 'Camps, worst first' });
    await camps.getByRole('link', { name: 'Atmeh border camp (new)' }).waitFor();
    expect(await camps.locator('thead').textContent()).toContain('Sphere: one tent for 5 people');
    expect(await camps.locator('thead').textContent()).toContain('2,100 kcal');
    // People reached, this week and last, with the chart drawn once Chart.js has loaded.
    const reached = page.getByRole('region', { name: 'People reached' });
    await reached.locator('canvas').waitFor();
    await page.waitForFunction(() => (document.querySelector('rl-bar-chart canvas') as HTMLCanvasElement | null)?.width !== 300);
    expect(await reached.locator('figcaption').textContent()).toMatch(/^This week so far [\d,]+ (person|people) reached; last week [\d,]+ (person|people)/);
    expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0);
    await screenshotWhole(page, 'overview-laptop.png');

    await page.context().close();

    const phone = await openPage(MANAGER, 360, 740);
    await phone.waitForURL((url) => url.pathname === '/overview');
    await phone.getByRole('list', { name: 'Camps' }).getByRole('link', { name: 'Atmeh border camp (new)' }).waitFor();
    await phone.getByRole('region', { name: 'People reached' }).locator('canvas').waitFor();
    expect(await noSidewaysScroll(phone)).toBeLessThanOrEqual(0);
    await screenshotWhole(phone, 'overview-phone.png');
    await phone.context().close();
  }, 90_000);

  it('downloads the 4W as CSV with its HXL row and Arabic names, and as a workbook whose totals match the preview', async () => {
    // A camp named only in Arabic, and a distribution there, through the API as a coordinator would.
    const [atmeh] = await harness.db.query<{ location_id: string }>(`SELECT location_id FROM camps WHERE name_en = 'Atmeh border camp (new)'`);
    const [warehouse] = await harness.db.query<{ id: string }>(`SELECT id FROM stock_points WHERE name = 'Sarmada warehouse'`);
    const [parcel] = await harness.db.query<{ id: string }>(`SELECT id FROM items WHERE code = 'FOOD-PARCEL'`);
    const coordinator = await openPage('coordinator@hro.example', 1280, 800);
    const camp = await coordinator.request.post('/api/v1/camps', {
      data: { locationId: atmeh.location_id, nameEn: ARABIC_CAMP, nameAr: ARABIC_CAMP, population: 50, households: 10, capacity: 60 },
    });
    expect(camp.status()).toBe(201);
    const distribution = await coordinator.request.post('/api/v1/distributions', {
      data: { clientId: randomUUID(), campId: (await camp.json()).id, itemId: parcel.id, stockPointId: warehouse.id, quantity: 10, households: 10, people: 50 },
    });
    expect(distribution.status()).toBe(201);
    await coordinator.context().close();

    const page = await openPage(MANAGER, 1280, 900);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
    await page.waitForURL((url) => url.pathname === '/reports');
    await page.getByRole('link', { name: /4W of distributions/ }).click();
    await page.getByRole('heading', { name: '4W of distributions', level: 1 }).waitFor();
    await page.getByRole('combobox', { name: 'Aggregated by' }).click();
    await page.getByRole('option', { name: 'Camp', exact: true }).click();
    await page.getByRole('button', { name: 'Show report' }).click();
    await page.waitForURL((url) => url.searchParams.get('level') === 'camp');
    await page.locator('rl-report-table tr.totals').waitFor();
    const totals = await previewTotals(page);
    const people = Number(totals['People reached'].replace(/,/g, ''));
    expect(people).toBeGreaterThan(0);
    await screenshotWhole(page, 'report-4w-preview.png');

    const csvDownload = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download CSV' }).click();
    const csv = await readFile((await (await csvDownload).path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split(/\r?\n/);
    expect(lines[0].split(',')[0]).toBe('Organisation');
    expect(lines[1]).toBe(FOUR_W_COLUMNS.map((column) => column.hxl).join(','));
    expect(csv).toContain(ARABIC_CAMP);

    const xlsxDownload = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download Excel (XLSX)' }).click();
    const xlsx = await xlsxDownload;
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await xlsx.path())!);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(2).getCell(1).value).toBe('#org+impl+name');
    const peopleColumn = FOUR_W_COLUMNS.findIndex((column) => column.key === 'people') + 1;
    let sum = 0;
    sheet.eachRow((row, number) => {
      if (number > 2) sum += Number(row.getCell(peopleColumn).value ?? 0);
    });
    expect(sum).toBe(people);
    await page.context().close();
  }, 90_000);

  it('prints the stock movement summary to an A4 PDF with the title and the organisation', async () => {
    const page = await openPage(MANAGER, 1280, 900);
    await page.goto('/reports');
    await page.getByRole('link', { name: /Stock movement summary/ }).click();
    await page.getByRole('heading', { name: 'Stock movement summary', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Print / Save as PDF' }).click();
    await page.waitForURL((url) => url.pathname === '/reports/stock-movements/print');
    await page.locator('rl-report-table tbody tr').first().waitFor();
    // The print view is the report alone: no toolbar, no navigation.
    expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
    expect(await page.locator('mat-toolbar').count()).toBe(0);
    // The room the navigation took closes as it slides away.
    await page.waitForFunction(() => getComputedStyle(document.querySelector('mat-sidenav-content')!).marginInlineStart === '0px');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'report-print-view.png'), fullPage: true });

    const pages = pdfPages(await page.pdf({ format: 'A4', path: path.join(SCREENSHOTS, 'report-stock-movements.pdf') }));
    expect(pages.length).toBeGreaterThanOrEqual(1);
    const text = pages.join('\n');
    expect(text).toContain('Stock movement summary');
    expect(text).toContain(ORGANISATION);
    expect(pages[0]).toMatch(/Page 1 of \d+/);
    await page.context().close();
  }, 90_000);

  it('prints the distributions page without the navigation', async () => {
    const page = await openPage(MANAGER, 1280, 900);
    await page.goto('/distributions');
    await page.getByRole('heading', { name: 'Distributions', level: 1 }).waitFor();
    await page.locator('table tbody tr, .rl-card').first().waitFor();

    const text = pdfPages(await page.pdf({ format: 'A4', path: path.join(SCREENSHOTS, 'distributions-print.pdf') })).join('\n');
    expect(text).toContain('Distributions');
    expect(text).not.toContain('Pause windows');
    expect(text).not.toContain('Sign out');
    await page.context().close();
  }, 60_000);
});
