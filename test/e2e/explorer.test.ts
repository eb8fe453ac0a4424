import { describe, expect, it } from 'vitest';
import { seriousAxeViolations } from '../support/axe.js';
import { browserMissing } from '../support/browser.js';
import { artifact, useDashboard } from '../support/dashboard.js';
import { signInAs } from '../support/session.js';

const missing = browserMissing();

describe.skipIf(missing !== null)('GraphQL explorer in Chromium', () => {
  const dashboard = useDashboard({ name: 'e2e-explorer' });

  it('opens /explorer from its address and runs the starting query with the session token', async () => {
    await signInAs(dashboard.page, dashboard.app.url, 'analyst@assay.local');
    // Straight from the address bar: the API answers /explorer with the app (SPA fallback).
    await dashboard.page.goto(`${dashboard.app.url}/explorer`);
    await dashboard.page.locator('.graphiql-container').waitFor();
    expect(await dashboard.page.getByRole('navigation', { name: 'Pages' }).locator('[aria-current="page"]').textContent()).toBe('GraphQL explorer');
    const response = dashboard.page.locator('.graphiql-response');
    // GraphiQL ignores Execute while it still loads the schema (its introspection query): press
    // it again until the answer shows.
    await expect
      .poll(
        async () => {
          await dashboard.page.getByRole('button', { name: /Execute query/ }).click();
          await dashboard.page.waitForTimeout(500);
          return response.textContent();
        },
        { timeout: 20_000 },
      )
      .toContain('"totalCount"');
    // 41 seeded risks: only an authenticated request can see them.
    expect(await response.textContent()).toContain('"totalCount": 41');
  });

  it('runs a query typed into the editor', async () => {
    await dashboard.page.locator('.graphiql-query-editor .CodeMirror').click();
    await dashboard.page.keyboard.press('Control+A');
    await dashboard.page.keyboard.press('Delete');
    await dashboard.page.keyboard.type('query WhoAmI { me { role organisation { name } } }');
    // GraphiQL reads the operation name from the editor a moment after typing; the tab shows it.
    await dashboard.page.locator('.graphiql-tab-button', { hasText: 'WhoAmI' }).waitFor();
    await dashboard.page.keyboard.press('Control+Enter');
    const response = dashboard.page.locator('.graphiql-response');
    await expect.poll(() => response.textContent(), { timeout: 15_000 }).toContain('"role": "ANALYST"');
    expect(await response.textContent()).toContain('Northwind Lending');
    await dashboard.page.mouse.move(0, 0);
    await dashboard.page.screenshot({ path: artifact('explorer.png') });
  });

  it('has no serious or critical accessibility violation in the page around GraphiQL', async () => {
    const violations = await seriousAxeViolations(dashboard.page);
    expect(violations).toEqual([]);
  });

  it('fetched nothing from any host but the app (GraphiQL and its fonts are bundled)', () => {
    expect(dashboard.foreign).toEqual([]);
  });
});
