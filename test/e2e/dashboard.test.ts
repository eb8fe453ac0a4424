import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApp, removeTempFolders, startApp, tempFolder } from '../support/app.js';
import { browserMissing, launchBrowser } from '../support/browser.js';

const missing = browserMissing();
const ARTIFACTS = join(import.meta.dirname, '..', 'artifacts');
/** The demo organisation's register holds twelve risks (apps/api/src/seed/demo.ts). */
const SEEDED_RISKS = 13;

describe('prerequisites', () => {
  // Without CI a missing Chromium is a loud skip; with CI=true it fails here.
  it.skipIf(missing !== null && process.env.CI !== 'true')('Chromium is installed', () => {
    expect(missing).toBeNull();
  });
});

describe.skipIf(missing !== null)('dashboard in Chromium', () => {
  let app: RunningApp;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;

  beforeAll(async () => {
    app = await startApp({ DATABASE_URL: `sqlite:${join(tempFolder('e2e'), 'assay.sqlite')}` });
    browser = await launchBrowser();
    page = await browser.context.newPage();
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    removeTempFolders();
  });

  it('shows the sign-in form and explains a wrong password', async () => {
    await page.goto(app.url);
    await page.getByLabel('Email').fill('demo@assay.local');
    await page.getByLabel('Password').fill('wrong password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expectText(page.getByRole('alert'), 'Email or password is not correct');
  });

  it('signs in and draws a bar for every seeded risk', async () => {
    await page.getByLabel('Password').fill('assay-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: /Overview of Northwind Lending/ }).waitFor();
    expect(await page.getByTestId('role').textContent()).toBe('Administrator');

    const chart = page.getByRole('img', { name: /risk scores/i });
    await chart.waitFor();
    const bars = chart.locator('.recharts-bar-rectangle path');
    await expect.poll(() => bars.count(), { timeout: 15_000 }).toBe(SEEDED_RISKS);
    expect(await bars.count()).toBe(SEEDED_RISKS);
    // Every bar has a visible size: the chart really drew marks, not an empty svg.
    const sizes = await bars.evaluateAll((paths) => paths.map((path) => (path as SVGGraphicsElement).getBBox().width));
    expect(sizes.every((width) => width > 0)).toBe(true);
    // Longest bar first: the seeded 4 × 5 risk scores 20.
    const labels = await chart.locator('.recharts-label-list text').allTextContents();
    expect(labels[0]).toBe('20');
    expect(await page.getByText('Appetite 4').count()).toBeGreaterThan(0);

    // The Statement of Applicability chart draws one bar per Annex A objective (9).
    const controls = page.getByRole('img', { name: /share of controls implemented/i });
    await expect.poll(() => controls.locator('.recharts-bar-rectangle path').count(), { timeout: 15_000 }).toBe(9);
    const controlWidths = await controls.locator('.recharts-bar-rectangle path').evaluateAll((paths) => paths.map((path) => (path as SVGGraphicsElement).getBBox().width));
    expect(controlWidths.some((width) => width > 0)).toBe(true);

    // Move the pointer off the chart so no tooltip covers the bars in the screenshot.
    await page.mouse.move(0, 0);
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard.png'), fullPage: true });
  });

  it('offers the chart as a table', async () => {
    await page.getByRole('button', { name: 'Show table' }).first().click();
    const rows = page.getByRole('table', { name: 'Risk scores as a table' }).locator('tbody tr');
    expect(await rows.count()).toBe(SEEDED_RISKS);
    await page.getByRole('button', { name: 'Show chart' }).first().click();
  });

  it('keeps the session across a reload and ends it on sign-out', async () => {
    await page.reload();
    await page.getByRole('heading', { name: /Overview of/ }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
  });
});

async function expectText(locator: ReturnType<Page['getByRole']>, text: string): Promise<void> {
  await locator.waitFor();
  expect(await locator.textContent()).toContain(text);
}
