import path from 'node:path';
import type { Page } from 'playwright-core';
import { SCREENSHOTS, useBrowserHarness } from './harness';
import { signIn } from './sign-in';

/** Reads camps, the convoy board and the audit trail. */
const MANAGER = 'manager@hro.example';
const COORDINATOR = 'coordinator@hro.example';

/**
 * One time convention in every browser zone (README, "Times and dates"): a calendar date is the
 * same day everywhere, an instant is read on the site's clock with the zone named and its date.
 */
describe('dates and times in the browser', () => {
  const harness = useBrowserHarness();

  /** A browser whose clock is set to `timezoneId`, signed in. */
  async function openPage(timezoneId: string, email = MANAGER): Promise<Page> {
    const context = await harness.browser.newContext({ viewport: { width: 1280, height: 900 }, baseURL: harness.api.url, timezoneId, locale: 'en-GB' });
    const page = await context.newPage();
    await signIn(page, email);
    return page;
  }

  it.each(['UTC', 'Asia/Damascus', 'America/Los_Angeles'])('in a browser set to %s', async (timezoneId) => {
    // Someone else in the trail, to filter by.
    const coordinator = await openPage(timezoneId, COORDINATOR);
    await coordinator.context().close();
    const page = await openPage(timezoneId);
    expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(timezoneId);

    // The camp opened on 2019-12-22: a calendar date, never moved by the browser's zone.
    const [atmeh] = await harness.db.query<{ id: string }>(`SELECT id FROM camps WHERE name_en = 'Atmeh border camp (new)'`);
    await page.goto(`/camps/${atmeh.id}`);
    const opened = page.locator('dt', { hasText: 'Opened on' }).locator('xpath=following-sibling::dd[1]');
    await opened.waitFor();
    expect(await opened.innerText()).toBe('22 Dec 2019');
    // The last change, an instant: on the site's clock with the zone named, and its date.
    const changed = await page.locator('dt', { hasText: 'Last changed' }).locator('xpath=following-sibling::dd[1]').innerText();
    expect(changed).toMatch(/\d{2}:\d{2} Damascus/);
    expect(changed).not.toMatch(/AM|PM/);

    // Kids Paradise's convoy struck on 23 December 2019: the time of the strike, with its date.
    await page.goto('/convoys');
    await page.getByRole('button', { name: 'Show every ended convoy' }).click();
    const struck = page.getByRole('list', { name: "Other organisations' convoys" }).getByRole('listitem').filter({ hasText: 'Struck' });
    await struck.first().waitFor();
    expect(await struck.allInnerTexts()).toEqual([expect.stringMatching(/Kids Paradise\s+Struck\s+since 16:30 Damascus, Mon, 23 Dec 2019/)]);

    // The audit trail in words, filtered by a person.
    await page.goto('/admin/audit');
    const rows = page.locator('tr.mat-mdc-row');
    await rows.first().waitFor();
    // Today's entries show the time alone, labelled, and the viewer's own time where it differs.
    const signedIn = rows.filter({ hasText: 'Manager (HRO) signed in' }).first();
    await signedIn.waitFor();
    const when = await signedIn.locator('.when').innerText();
    expect(when).toMatch(/^\d{2}:\d{2} Damascus today/);
    if (timezoneId === 'Asia/Damascus') expect(when).not.toContain('your time');
    else expect(when).toMatch(/· \d{2}:\d{2}(, \w{3}, \d{1,2} \w{3} \d{4})? your time$/);
    await page.getByLabel('Person', { exact: true }).selectOption({ label: 'Coordinator (HRO)' });
    await page.waitForURL(/userId=/);
    await page.waitForFunction(() => {
      const cells = Array.from(document.querySelectorAll('tr.mat-mdc-row td.what')).map((cell) => cell.textContent ?? '');
      return cells.length > 0 && cells.every((cell) => cell.includes('Coordinator (HRO)'));
    });
    expect(await page.locator('tr.mat-mdc-row td.what').allInnerTexts()).toContain('Coordinator (HRO) signed in');
    await page.screenshot({ path: path.join(SCREENSHOTS, `dates-audit-${timezoneId.replace('/', '-')}.png`), fullPage: true });
    await page.context().close();
  }, 90_000);

  it('takes an incident\'s time on the Damascus clock from a phone set to Turkish time, an hour ahead in December 2019', async () => {
    const page = await openPage('Europe/Istanbul', COORDINATOR);
    const place = `Dates spec, 2 km north of Ariha ${Date.now()}`;
    await page.goto('/incidents/new');
    await page.getByRole('heading', { name: 'Report an incident', level: 1 }).waitFor();
    await page.getByRole('radio', { name: 'Shelling' }).click();
    const when = page.getByRole('group', { name: 'When, Damascus time (Asia/Damascus)' });
    await when.getByLabel('Date', { exact: true }).fill('2019-12-23');
    await when.getByLabel('Time', { exact: true }).fill('14:10');
    await page.getByLabel('Place', { exact: true }).fill(place);
    await page.getByLabel('Description', { exact: true }).fill('Shells landed near the road');
    await page.getByRole('button', { name: 'Report incident', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Reported: shelling' }).waitFor();

    const [incident] = await harness.db.query<{ id: string; occurred_at: Date }>(`SELECT id, occurred_at FROM incidents WHERE place = $1`, [place]);
    // 14:10 in Idlib was 12:10 UTC; read on the phone's clock it would have been 11:10 UTC.
    expect(incident.occurred_at.toISOString()).toBe('2019-12-23T12:10:00.000Z');
    await page.goto(`/incidents/${incident.id}`);
    await page.getByText(/14:10 Damascus/).first().waitFor();
    await page.context().close();
  }, 60_000);
});
