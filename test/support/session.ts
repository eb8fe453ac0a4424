import type { BrowserContext, Page } from 'playwright-core';

/** Signs in through the form and waits for the overview, the first page after sign-in. */
export async function signInAs(page: Page, url: string, email: string, password = 'assay-demo'): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: /Overview of/ }).waitFor();
}

/**
 * Records every request the browser makes to a host other than the app's, so a test can assert
 * that the dashboard works offline (no CDN, no fonts or scripts from elsewhere).
 */
export function watchForeignRequests(context: BrowserContext, appUrl: string): string[] {
  const appHost = new URL(appUrl).host;
  const foreign: string[] = [];
  context.on('request', (request) => {
    const requested = new URL(request.url());
    if (requested.protocol === 'data:' || requested.protocol === 'blob:') return;
    if (requested.host !== appHost) foreign.push(request.url());
  });
  return foreign;
}
