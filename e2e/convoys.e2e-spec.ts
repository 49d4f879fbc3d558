import path from 'node:path';
import type { APIRequestContext, APIResponse, Page } from 'playwright-core';
import { SCREENSHOTS, useBrowserHarness } from './harness';
import { DEMO_PASSWORD, signIn } from './sign-in';

const COORDINATOR = 'coordinator@hro.example';
const FIELD = 'field@hro.example';

/** How an instant reads on the wall clock in Damascus: the date and time a coordinator there types. */
function damascusWallClock(at: Date): { date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Damascus', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

interface Created {
  id: string;
  version: number;
}

describe('convoys in the browser', () => {
  const harness = useBrowserHarness();

  /** Answers of the API that must have succeeded, as JSON. */
  async function ok<T>(answer: Promise<APIResponse>): Promise<T> {
    const response = await answer;
    if (!response.ok()) throw new Error(`${response.url()} answered ${response.status()}: ${await response.text()}`);
    return (await response.json()) as T;
  }

  async function communityNamed(api: APIRequestContext, name: string): Promise<string> {
    const page = await ok<{ items: { id: string; level: string }[] }>(api.get('/api/v1/locations', { params: { name } }));
    const community = page.items.find((location) => location.level === 'community');
    if (!community) throw new Error(`no community named ${name}`);
    return community.id;
  }

  /**
   * A convoy of HRO on the road since now, on a route of its own, made through the API by the
   * coordinator whose browser context `api` belongs to: the test depends on no demo convoy.
   */
  async function convoyOnTheRoad(api: APIRequestContext, name: string): Promise<string> {
    await ok(api.post('/api/v1/auth/sign-in', { data: { email: COORDINATOR, password: DEMO_PASSWORD } }));
    const locationIds = [await communityNamed(api, 'Sarmada'), await communityNamed(api, 'Atmeh')];
    const route = await ok<{ id: string }>(api.post('/api/v1/routes', { data: { name: `${name} road`, locationIds } }));
    const convoy = await ok<Created>(
      api.post('/api/v1/convoys', {
        data: {
          name,
          purpose: 'supply',
          routeId: route.id,
          plannedDepartureAt: new Date().toISOString(),
          expectedDurationMinutes: 90,
          vehicleCount: 3,
          checkInIntervalMinutes: 30,
        },
      }),
    );
    await ok(api.post(`/api/v1/convoys/${convoy.id}/status`, { data: { status: 'departed', version: convoy.version } }));
    return convoy.id;
  }

  async function waitUntilLive(page: Page): Promise<void> {
    await page.getByRole('status').filter({ hasText: /^\s*Live\s*$/ }).waitFor();
  }

  it('shows a check-in made on a phone on the board open in another browser, without a reload', async () => {
    const name = `Tents to Atmeh ${Date.now()}`;
    const board = await harness.openPage(1280, 900);
    const convoyId = await convoyOnTheRoad(board.context().request, name);

    await board.goto('/convoys');
    const row = board.getByRole('row').filter({ hasText: name });
    await row.waitFor();
    expect((await row.textContent())?.replace(/\s+/g, ' ')).toContain('On the road');
    expect((await row.textContent())?.replace(/\s+/g, ' ')).toContain('Sarmada → Atmeh');
    await waitUntilLive(board);
    // Set on this document only: a reload would lose it.
    await board.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

    const field = await harness.openPage(390, 844);
    await signIn(field, FIELD);
    await field.goto(`/convoys/${convoyId}`);
    await field.getByRole('heading', { name }).waitFor();
    await field.getByLabel('Place', { exact: true }).fill('Dana checkpoint');
    await field.getByLabel('Note', { exact: true }).fill('All well, 3 trucks');
    await field.getByRole('button', { name: 'Check in', exact: true }).click();
    await field.getByRole('status').filter({ hasText: 'Checked in at' }).waitFor();
    await field.getByRole('list', { name: 'Timeline, newest first' }).getByText('Dana checkpoint').waitFor();
    expect(await field.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await field.screenshot({ path: path.join(SCREENSHOTS, 'convoy-check-in-phone.png'), fullPage: true });

    // The board follows the stream: the place of the check-in appears in the convoy's row.
    await row.filter({ hasText: 'Dana checkpoint' }).waitFor({ timeout: 15_000 });
    expect(await board.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    await board.screenshot({ path: path.join(SCREENSHOTS, 'convoy-board-live.png'), fullPage: true });

    const [event] = await harness.db.query<{ place: string; kind: string }>(`SELECT place, kind FROM convoy_events WHERE convoy_id = $1 AND kind = 'check_in'`, [
      convoyId,
    ]);
    expect(event).toEqual({ place: 'Dana checkpoint', kind: 'check_in' });
    await field.context().close();
    await board.context().close();
  }, 90_000);

  it('lets a coordinator plan a convoy on the Damascus clock, then shows its go/no-go checklist', async () => {
    const page = await harness.openPage(1280, 900);
    await signIn(page, COORDINATOR);
    await page.goto('/convoys');
    await page.getByRole('link', { name: 'Plan a convoy' }).click();
    await page.getByRole('heading', { name: 'Plan a convoy' }).waitFor();
    await page.getByRole('option', { name: /Sarmada to Atmeh border/ }).waitFor({ state: 'attached' });

    await page.getByLabel('Name', { exact: true }).fill('Parcels to Atmeh, second run');
    await page.getByLabel('Purpose', { exact: true }).selectOption({ label: 'Supply' });
    await page.getByLabel('Route', { exact: true }).selectOption({ label: 'Sarmada to Atmeh border' });
    // Two hours from now, as the wall clock in Damascus reads it.
    const later = damascusWallClock(new Date(Date.now() + 2 * 3_600_000));
    await page.getByLabel('Departure date', { exact: true }).fill(later.date);
    await page.getByLabel('Departure time', { exact: true }).fill(later.time);
    await page.getByText(/^\s*That is \d{2}:\d{2} UTC/).waitFor();
    await page.getByLabel('Expected duration (minutes)', { exact: true }).fill('60');
    await page.getByLabel('Vehicles', { exact: true }).fill('2');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'convoy-plan-form.png'), fullPage: true });
    await page.getByRole('button', { name: 'Plan convoy' }).click();

    await page.waitForURL(/\/convoys\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'Parcels to Atmeh, second run' }).waitFor();
    await page.getByRole('heading', { name: /Before departure: (Go|No go)/ }).waitFor();
    expect(await page.getByRole('button', { name: 'Departed', exact: true }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Arrived', exact: true }).count()).toBe(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'convoy-page-planned.png'), fullPage: true });
    await page.context().close();
  }, 60_000);

  it('lets a coordinator make a route on a phone from the convoy form, then plan a convoy on it with a plate', async () => {
    const routeName = `Atmeh to Sarmada ${Date.now()}`;
    const page = await harness.openPage(390, 844);
    await signIn(page, COORDINATOR);
    await page.goto('/convoys/new');
    await page.getByRole('heading', { name: 'Plan a convoy' }).waitFor();
    await page.getByRole('link', { name: 'New route' }).click();
    await page.getByRole('heading', { name: 'New route' }).waitFor();

    await page.getByLabel('Name', { exact: true }).fill(routeName);
    // Added out of order, then put right: Sarmada first.
    await page.getByLabel('First stop', { exact: true }).fill('Atmeh');
    await page.getByRole('option', { name: /^Atmeh/ }).first().click();
    await page.getByLabel('Next stop', { exact: true }).fill('Sarmada');
    await page.getByRole('option', { name: /^Sarmada/ }).first().click();
    await page.getByRole('button', { name: 'Move Sarmada up' }).click();
    await page.getByText(/^\s*Sarmada → Atmeh \(near the Turkish border\)\s*$/).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'route-form-phone.png'), fullPage: true });
    await page.getByRole('button', { name: 'Create route' }).click();

    // Back on the convoy form, with the new route chosen.
    await page.waitForURL(/\/convoys\/new\?routeId=[0-9a-f-]{36}$/);
    const route = page.getByLabel('Route', { exact: true });
    await route.locator('option', { hasText: routeName }).waitFor({ state: 'attached' });
    await page.waitForFunction(
      (name) => (document.querySelector('select[formcontrolname="routeId"]') as HTMLSelectElement | null)?.selectedOptions[0]?.textContent?.trim() === name,
      routeName,
    );
    await page.getByLabel('Name', { exact: true }).fill('Tents to Atmeh, first run');
    const later = damascusWallClock(new Date(Date.now() + 2 * 3_600_000));
    await page.getByLabel('Departure date', { exact: true }).fill(later.date);
    await page.getByLabel('Departure time', { exact: true }).fill(later.time);
    await page.getByLabel('Expected duration (minutes)', { exact: true }).fill('45');
    await page.getByLabel('Vehicles', { exact: true }).fill('1');
    await page.getByRole('button', { name: 'Add a vehicle' }).click();
    await page.getByLabel('Plate', { exact: true }).fill('Idlib 4471');
    await page.getByLabel('Driver', { exact: true }).fill('Abu Khaled');
    expect(await page.getByRole('button', { name: 'Add a vehicle' }).isDisabled()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.getByRole('button', { name: 'Plan convoy' }).click();

    await page.waitForURL(/\/convoys\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'Tents to Atmeh, first run' }).waitFor();
    await page.getByRole('list', { name: 'Plates and drivers' }).getByText('Idlib 4471 · Abu Khaled').waitFor();
    expect(await page.getByText(/Sarmada → Atmeh/).first().isVisible()).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'convoy-page-vehicles-phone.png'), fullPage: true });

    await page.goto('/routes');
    await page.getByRole('list', { name: 'Routes' }).getByRole('heading', { name: routeName }).waitFor();
    await page.context().close();
  }, 90_000);

  it('shows the pause windows and incidents shared by every organisation, on a phone', async () => {
    const page = await harness.openPage(390, 844);
    await signIn(page, 'field@kidsparadise.example');
    await page.goto('/pause-windows');
    await page.getByRole('heading', { name: 'Pause windows' }).waitFor();
    await page.getByRole('list', { name: 'Pause windows' }).getByRole('listitem').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'pause-windows-phone.png'), fullPage: true });

    await page.goto('/incidents/new');
    await page.getByRole('radio', { name: 'Blocked road' }).click();
    await page.getByLabel('Place', { exact: true }).fill('Bab al-Hawa road, near the crossing');
    await page.getByLabel('Description', { exact: true }).fill('Road blocked by a queue of trucks; convoys wait');
    await page.getByRole('button', { name: 'Report incident' }).click();
    await page.getByRole('status').filter({ hasText: 'Reported: blocked road' }).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'incident-reported-phone.png'), fullPage: true });

    await page.goto('/incidents');
    await page.getByRole('list', { name: 'Incidents' }).getByText('Bab al-Hawa road, near the crossing').waitFor();
    await page.context().close();
  }, 60_000);
});
