import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApp, removeTempFolders, startApp, tempFolder } from '../support/app.js';
import { seriousAxeViolations } from '../support/axe.js';
import { browserMissing, launchBrowser } from '../support/browser.js';
import { signInAs, watchForeignRequests } from '../support/session.js';

const missing = browserMissing();
const ARTIFACTS = join(import.meta.dirname, '..', 'artifacts');

describe.skipIf(missing !== null)('GraphQL explorer in Chromium', () => {
  let app: RunningApp;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  let foreign: string[];

  beforeAll(async () => {
    app = await startApp({ DATABASE_URL: `sqlite:${join(tempFolder('e2e-explorer'), 'assay.sqlite')}` });
    browser = await launchBrowser();
    foreign = watchForeignRequests(browser.context, app.url);
    page = await browser.context.newPage();
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    removeTempFolders();
  });

  it('opens /explorer from its address and runs the starting query with the session token', async () => {
    await signInAs(page, app.url, 'analyst@assay.local');
    // Straight from the address bar: the API answers /explorer with the app (SPA fallback).
    await page.goto(`${app.url}/explorer`);
    await page.locator('.graphiql-container').waitFor();
    expect(await page.getByRole('navigation', { name: 'Pages' }).locator('[aria-current="page"]').textContent()).toBe('GraphQL explorer');
    const response = page.locator('.graphiql-response');
    // GraphiQL ignores Execute while it still loads the schema (its introspection query): press
    // it again until the answer shows.
    await expect
      .poll(
        async () => {
          await page.getByRole('button', { name: /Execute query/ }).click();
          await page.waitForTimeout(500);
          return response.textContent();
        },
        { timeout: 20_000 },
      )
      .toContain('"totalCount"');
    // 41 seeded risks: only an authenticated request can see them.
    expect(await response.textContent()).toContain('"totalCount": 41');
  });

  it('runs a query typed into the editor', async () => {
    await page.locator('.graphiql-query-editor .CodeMirror').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.type('query WhoAmI { me { role organisation { name } } }');
    // GraphiQL reads the operation name from the editor a moment after typing; the tab shows it.
    await page.locator('.graphiql-tab-button', { hasText: 'WhoAmI' }).waitFor();
    await page.keyboard.press('Control+Enter');
    const response = page.locator('.graphiql-response');
    await expect.poll(() => response.textContent(), { timeout: 15_000 }).toContain('"role": "ANALYST"');
    expect(await response.textContent()).toContain('Northwind Lending');
    await page.mouse.move(0, 0);
    await page.screenshot({ path: join(ARTIFACTS, 'explorer.png') });
  });

  it('has no serious or critical accessibility violation in the page around GraphiQL', async () => {
    const violations = await seriousAxeViolations(page);
    expect(violations).toEqual([]);
  });

  it('fetched nothing from any host but the app (GraphiQL and its fonts are bundled)', () => {
    expect(foreign).toEqual([]);
  });
});
