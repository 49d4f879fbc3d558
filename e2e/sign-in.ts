import type { Page } from 'playwright-core';

/** Every demo user has this password (see apps/api/src/demo). */
export const DEMO_PASSWORD = 'demo-password-2019';

/**
 * Signs in through the sign-in page, as a person would, and waits until the app has moved on from
 * it. The session cookie then stays in the page's browser context for the rest of the test.
 */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}
