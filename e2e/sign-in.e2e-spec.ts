import path from 'node:path';
import type { Page } from 'playwright-core';
import { SCREENSHOTS, useBrowserHarness } from './harness';
import { signIn } from './sign-in';

describe('signing in and roles in the browser', () => {
  const harness = useBrowserHarness();
  const openPage = (width: number, height: number) => harness.openPage(width, height);

  function mainNavigation(page: Page) {
    return page.getByRole('navigation', { name: 'Main' });
  }

  it('lands field staff on the overview, shows them the camps read-only, no admin page, and signs them out', async () => {
    const page = await openPage(1280, 800);
    await signIn(page, 'field@hro.example');

    await page.waitForURL(/\/overview$/);
    await page.getByText('Atmeh border camp (new)').first().waitFor();
    await mainNavigation(page).getByRole('link', { name: 'Camps' }).click();
    await page.waitForURL(/\/camps$/);
    await page.getByText('Atmeh border camp (new)').first().waitFor();
    expect(await mainNavigation(page).getByRole('link', { name: 'Admin' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'New camp' }).count()).toBe(0);

    await page.goto('/admin');
    await page.getByRole('heading', { name: 'No access to this page' }).waitFor();
    expect(await page.getByRole('button', { name: 'Add user' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/sign-in');
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    expect(await mainNavigation(page).count()).toBe(0);

    await page.goto('/camps');
    await page.waitForURL((url) => url.pathname === '/sign-in' && url.searchParams.get('returnUrl') === '/camps');
    await page.getByLabel('Email', { exact: true }).waitFor();
    await page.context().close();
  }, 60_000);

  it('says when the password is wrong, then returns to the page asked for', async () => {
    const page = await openPage(1280, 800);
    await page.goto('/camps?name=Atmeh');
    await page.waitForURL((url) => url.pathname === '/sign-in');

    await page.getByLabel('Email', { exact: true }).fill('coordinator@hro.example');
    await page.getByLabel('Password', { exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'Wrong email or password' }).waitFor();

    await page.getByLabel('Password', { exact: true }).fill('demo-password-2019');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/camps' && url.searchParams.get('name') === 'Atmeh');
    await page.getByText('Atmeh border camp (new)').first().waitFor();
    await page.context().close();
  }, 60_000);

  it('fits the sign-in page and the signed-in drawer on a 360-pixel phone', async () => {
    const page = await openPage(360, 740);
    await page.goto('/sign-in');
    await page.getByLabel('Email', { exact: true }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'sign-in-phone.png'), fullPage: true });

    await signIn(page, 'manager@kidsparadise.example');
    await page.getByText('Sarmada north camp').first().waitFor();
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByText('Kids Paradise (KP)').first().waitFor();
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/sign-in');
    await page.context().close();
  }, 60_000);

  it('lets a manager read the audit trail, and nothing else of the admin area', async () => {
    const page = await openPage(1280, 800);
    await signIn(page, 'manager@hro.example');

    await mainNavigation(page).getByRole('link', { name: 'Admin' }).click();
    await page.waitForURL(/\/admin\/audit$/);
    await page.getByRole('heading', { name: 'Audit trail' }).waitFor();
    expect((await page.getByRole('tab').allTextContents()).map((tab) => tab.trim())).toEqual(['Audit trail']);

    await page.goto('/admin/users');
    await page.getByRole('heading', { name: 'No access to this page' }).waitFor();
    expect(await page.getByRole('button', { name: 'Add user' }).count()).toBe(0);
    await page.context().close();
  }, 60_000);

  it('lets a user change their password, ending their other sessions but not this one', async () => {
    const email = 'field@kidsparadise.example';
    const otherDevice = await openPage(1280, 800);
    await signIn(otherDevice, email);
    const page = await openPage(1280, 800);
    await signIn(page, email);

    await page.getByRole('link', { name: 'Change password' }).click();
    await page.waitForURL((url) => url.pathname === '/account/password');
    await page.getByLabel('Current password', { exact: true }).fill('not-the-password');
    await page.getByLabel('New password', { exact: true }).fill('only-i-know-this-one');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Current password is wrong').waitFor();
    // A wrong current password is not a lost session: still signed in, still on this page.
    expect(new URL(page.url()).pathname).toBe('/account/password');

    await page.getByLabel('Current password', { exact: true }).fill('demo-password-2019');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByRole('status').filter({ hasText: 'Your password has been changed' }).waitFor();

    await mainNavigation(page).getByRole('link', { name: 'Camps' }).click();
    await page.getByText('Sarmada north camp').first().waitFor();
    await otherDevice.goto('/camps');
    await otherDevice.waitForURL((url) => url.pathname === '/sign-in');

    await signIn(otherDevice, email, 'only-i-know-this-one');
    await otherDevice.waitForURL(/\/overview$/);
    await otherDevice.context().close();
    await page.context().close();
  }, 60_000);

  it('lets an administrator manage users and create an API token shown once', async () => {
    const page = await openPage(1280, 800);
    await signIn(page, 'admin@hro.example');

    await mainNavigation(page).getByRole('link', { name: 'Admin' }).click();
    await page.waitForURL(/\/admin\/users$/);
    await page.getByText('coordinator@hro.example').first().waitFor();
    // Users of the admin's organisation only.
    expect(await page.getByText('@kidsparadise.example').count()).toBe(0);

    await page.getByRole('button', { name: 'Add user' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Samir Darwish');
    await page.getByLabel('Email', { exact: true }).fill('samir.darwish@hro.example');
    await page.getByLabel('Password', { exact: true }).fill('olive-grove-2019');
    await page.getByRole('button', { name: 'Create user' }).click();
    await page.getByText('samir.darwish@hro.example').first().waitFor();

    await page.getByRole('button', { name: 'Disable Samir Darwish' }).click();
    await page.getByRole('dialog').getByText('sessions end at once').waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Disable' }).click();
    await page.getByRole('button', { name: 'Enable Samir Darwish' }).waitFor();
    const [samir] = await harness.db.query<{ active: boolean }>(`SELECT active FROM users WHERE email = 'samir.darwish@hro.example'`);
    expect(samir).toEqual({ active: false });

    await page.getByRole('tab', { name: 'API tokens' }).click();
    await page.getByRole('button', { name: 'New token' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Stock export script');
    await page.getByRole('button', { name: 'Create token' }).click();
    await page.getByText('it will not be shown again').waitFor();
    const token = (await page.locator('code.token').textContent())?.trim() ?? '';
    expect(token.length).toBeGreaterThan(20);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'admin-token-created.png'), fullPage: true });

    await page.getByRole('button', { name: 'I have copied it' }).click();
    await page.locator('code.token').waitFor({ state: 'detached' });
    expect(await page.getByText(token).count()).toBe(0);
    await page.getByRole('button', { name: 'Revoke Stock export script' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
    await page.getByText(/^Revoked /).first().waitFor();
    await page.context().close();
  }, 60_000);
});
