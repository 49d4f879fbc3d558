import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { APIRequestContext, APIResponse, Page } from 'playwright-core';
import { SCREENSHOTS, useBrowserHarness } from './harness';
import { DEMO_PASSWORD, signIn } from './sign-in';

const COORDINATOR = 'coordinator@hro.example';

/** A date on the wall clock in Damascus, `days` from today. */
function damascusDate(days: number): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Damascus', year: 'numeric', month: '2-digit', day: '2-digit' })
      .formatToParts(new Date(Date.now() + days * 86_400_000))
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}`;
}

describe('pause windows ended early and corrected, pages for a window and an incident, not found', () => {
  const harness = useBrowserHarness();

  async function ok<T>(answer: Promise<APIResponse>): Promise<T> {
    const response = await answer;
    if (!response.ok()) throw new Error(`${response.url()} answered ${response.status()}: ${await response.text()}`);
    return (await response.json()) as T;
  }

  async function communityNamed(api: APIRequestContext, name: string): Promise<string> {
    const page = await ok<{ items: { id: string; level: string }[] }>(api.get('/api/v1/locations', { params: { name } }));
    return page.items.find((location) => location.level === 'community')!.id;
  }

  /**
   * On a route of its own: a window in force from yesterday 08:00 to tomorrow 18:00 in Damascus,
   * and a convoy on the road under it since 30 minutes ago for 2 hours, covered end to end.
   */
  async function coveredConvoy(api: APIRequestContext, name: string): Promise<{ windowId: string; convoyId: string }> {
    await ok(api.post('/api/v1/auth/sign-in', { data: { email: COORDINATOR, password: DEMO_PASSWORD } }));
    const locationIds = [await communityNamed(api, 'Sarmada'), await communityNamed(api, 'Atmeh')];
    const route = await ok<{ id: string }>(api.post('/api/v1/routes', { data: { name: `${name} road`, locationIds } }));
    const window = await ok<{ id: string }>(
      api.post('/api/v1/pause-windows', {
        data: {
          announcedBy: `Announcement for ${name}`,
          sourceText: 'A pause on the Sarmada road until 6 p.m. tomorrow local time',
          zone: 'Asia/Damascus',
          start: { date: damascusDate(-1), time: '08:00' },
          end: { date: damascusDate(1), time: '18:00' },
          routeIds: [route.id],
          areaIds: [],
        },
      }),
    );
    const convoy = await ok<{ id: string; version: number }>(
      api.post('/api/v1/convoys', {
        data: { name, purpose: 'evacuation', routeId: route.id, plannedDepartureAt: new Date(Date.now() + 60_000).toISOString(), expectedDurationMinutes: 120, safetyMarginMinutes: 0, vehicleCount: 2 },
      }),
    );
    await ok(api.post(`/api/v1/convoys/${convoy.id}/status`, { data: { status: 'departed', version: convoy.version, occurredAt: new Date(Date.now() - 30 * 60_000).toISOString() } }));
    return { windowId: window.id, convoyId: convoy.id };
  }

  async function waitUntilLive(page: Page): Promise<void> {
    await page.getByRole('status').filter({ hasText: /^\s*Live\s*$/ }).waitFor();
  }

  it('ends a window early on a phone, and the covered convoy turns partly covered on the board of another browser, live', async () => {
    const name = `Families to Atmeh ${Date.now()}`;
    const board = await harness.openPage(1280, 900);
    const { windowId } = await coveredConvoy(board.context().request, name);
    await board.goto('/convoys');
    const row = board.getByRole('row').filter({ hasText: name });
    // Case matters: "Partly covered" must not pass for "Covered".
    await row.filter({ hasText: /Covered/ }).waitFor();
    await waitUntilLive(board);
    await board.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

    const phone = await harness.openPage(390, 844);
    await signIn(phone, COORDINATOR);
    await phone.goto(`/pause-windows/${windowId}`);
    await phone.getByRole('heading', { name: `Announcement for ${name}` }).waitFor();
    await phone.getByRole('button', { name: 'End early' }).click();
    const dialog = phone.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'End this window early' }).waitFor();
    // Without the source: refused on the field, nothing sent.
    await dialog.getByRole('button', { name: 'Continue' }).click();
    await dialog.getByText('Required').waitFor();
    await dialog.getByLabel('Source of the news').fill('OCHA flash update: shelling resumed on the Sarmada road');
    await dialog.getByRole('button', { name: 'Continue' }).click();
    await dialog.getByText('End the window?').first().waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await phone.screenshot({ path: path.join(SCREENSHOTS, 'window-end-confirm-phone.png'), fullPage: true });
    await dialog.getByRole('button', { name: 'End window' }).click();

    const confirmation = phone.getByRole('status').filter({ hasText: 'The window is ended' });
    await confirmation.waitFor();
    expect(await confirmation.evaluate((element) => element === document.activeElement)).toBe(true);
    const history = phone.getByRole('list').filter({ hasText: 'Ended early' });
    await history.getByText('OCHA flash update: shelling resumed on the Sarmada road').waitFor();
    await history.getByText(/by .+, Humanitarian Relief Organization/).first().waitFor();

    await row.filter({ hasText: /Partly covered/ }).waitFor({ timeout: 15_000 });
    expect(await board.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    await board.screenshot({ path: path.join(SCREENSHOTS, 'window-ended-board-live.png'), fullPage: true });
    const events = await harness.db.query<{ kind: string }>(`SELECT kind FROM pause_window_events WHERE window_id = $1 ORDER BY version`, [windowId]);
    expect(events.map((event) => event.kind)).toEqual(['entered', 'ended']);
    await phone.context().close();
    await board.context().close();
  }, 120_000);

  it('corrects a window and shows what changed, who and why in its history', async () => {
    const name = `Blankets to Atmeh ${Date.now()}`;
    const page = await harness.openPage(1280, 900);
    const { windowId } = await coveredConvoy(page.context().request, name);
    await page.goto(`/pause-windows/${windowId}`);
    await page.getByRole('link', { name: 'Correct' }).click();
    await page.getByRole('heading', { name: 'Correct a pause window' }).waitFor();
    const announcedBy = page.getByLabel('Announced by');
    await page.waitForFunction((expected) => (document.querySelector('input[formcontrolname="announcedBy"]') as HTMLInputElement | null)?.value === expected, `Announcement for ${name}`);
    // Without a reason: refused on the field.
    await announcedBy.fill(`The UN, for ${name}`);
    await page.getByRole('button', { name: 'Save correction' }).click();
    await page.getByLabel('Reason for the correction').fill('The announcement came from the UN, not the parties');
    await page.getByRole('button', { name: 'Save correction' }).click();

    await page.waitForURL(new RegExp(`/pause-windows/${windowId}$`));
    await page.getByRole('heading', { name: `The UN, for ${name}` }).waitFor();
    const history = page.getByRole('list').filter({ hasText: 'Corrected' });
    await history.getByText(`Announced by: Announcement for ${name} → The UN, for ${name}`).waitFor();
    await history.getByText('The announcement came from the UN, not the parties').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'window-corrected-history.png'), fullPage: true });
    await page.context().close();
  }, 90_000);

  it('opens a window page and an incident page from their lists, and the window an incident broke', async () => {
    const page = await harness.openPage(390, 844);
    await signIn(page, 'field@kidsparadise.example');
    await page.goto('/incidents');
    await page.getByRole('heading', { name: 'Incidents' }).waitFor();
    await page.getByRole('link', { name: 'Airstrike' }).first().click();
    await page.waitForURL(/\/incidents\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'Airstrike', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Pause windows it broke' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'incident-page-phone.png'), fullPage: true });
    await page.getByRole('link', { name: 'Open broken window 1' }).click();
    await page.waitForURL(/\/pause-windows\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'Violations' }).waitFor();
    await page.getByRole('heading', { name: 'History' }).waitFor();

    await page.goto('/pause-windows');
    const first = page.getByRole('list', { name: 'Pause windows' }).getByRole('listitem').first();
    const title = (await first.locator('.announced-by a').textContent())!.trim();
    await first.locator('.announced-by a').click();
    await page.waitForURL(/\/pause-windows\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'History' }).waitFor();
    // Field staff read windows; only coordinators end or correct them.
    expect(await page.getByRole('button', { name: 'End early' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Correct' }).count()).toBe(0);
    await page.context().close();
  }, 90_000);

  it('says "not found" in words with a way back for an id that is no id, and for an unknown one', async () => {
    const page = await harness.openPage(1280, 900);
    await signIn(page, COORDINATOR);
    await page.goto('/camps/not-a-uuid');
    const notFound = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'Not found' }) });
    await notFound.waitFor();
    expect(await notFound.textContent()).not.toContain('UUID');
    await notFound.getByRole('link', { name: 'Camps' }).click();
    await page.waitForURL(/\/camps$/);

    await page.goto(`/convoys/${randomUUID()}`);
    await notFound.waitFor();
    await notFound.getByText('This convoy does not exist').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'convoy-not-found.png'), fullPage: true });
    await notFound.getByRole('link', { name: 'Convoys' }).click();
    await page.waitForURL(/\/convoys$/);

    for (const address of ['/pause-windows/not-a-uuid', `/incidents/${randomUUID()}`]) {
      await page.goto(address);
      await notFound.waitFor();
    }
    await page.context().close();
  }, 90_000);
});
