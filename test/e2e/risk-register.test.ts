import { describe, expect, it } from 'vitest';
import { graphql } from '../support/app.js';
import { seriousAxeViolations } from '../support/axe.js';
import { browserMissing } from '../support/browser.js';
import { artifact, useDashboard } from '../support/dashboard.js';
import { signInAs } from '../support/session.js';

const missing = browserMissing();
/** The demo organisation's register holds 41 risks (apps/api/src/seed/demo-risks.ts). */
const SEEDED_RISKS = 41;
/** The register shows ten risks a page (REGISTER_PAGE_SIZE). */
const PAGE_SIZE = 10;
/** A seeded risk with four assessments, three linked controls and a residual rating 2 × 5. */
const CREDIT_RISK = 'Credit model under-approves applicants over 60';

describe.skipIf(missing !== null)('risk register in Chromium', () => {
  const dashboard = useDashboard({ name: 'e2e-risks' });

  const rows = () => dashboard.page.getByRole('table', { name: 'Risks' }).locator('tbody tr');
  const count = () => dashboard.page.getByTestId('register-count').textContent();
  const token = () => dashboard.page.evaluate(() => window.localStorage.getItem('assay.session') ?? '');

  async function expectNoSeriousViolations(): Promise<void> {
    expect(await seriousAxeViolations(dashboard.page)).toEqual([]);
  }

  it('lists the register ten at a time, with the total, and pages forward and back', async () => {
    await signInAs(dashboard.page, dashboard.app.url, 'demo@assay.local');
    await dashboard.page.getByRole('link', { name: 'Risk register' }).click();
    await dashboard.page.getByRole('heading', { level: 1, name: 'Risk register' }).waitFor();
    await expect.poll(() => rows().count(), { timeout: 15_000 }).toBe(PAGE_SIZE);
    expect(await count()).toBe(`1–10 of ${SEEDED_RISKS} risks`);
    // Highest score first: the 4 × 5 credit risk.
    expect(await rows().first().locator('th').textContent()).toBe(CREDIT_RISK);
    await expectNoSeriousViolations();
    await dashboard.screenshot('risk-register.png');

    await dashboard.page.getByRole('button', { name: 'Next page' }).click();
    await expect.poll(() => count()).toBe(`11–20 of ${SEEDED_RISKS} risks`);
    expect(await rows().count()).toBe(PAGE_SIZE);
    // On to the last page, which holds what is left and cannot go further.
    const lastStart = Math.floor((SEEDED_RISKS - 1) / PAGE_SIZE) * PAGE_SIZE + 1;
    for (let start = 21; start <= lastStart; start += PAGE_SIZE) {
      await dashboard.page.getByRole('button', { name: 'Next page' }).click();
      await expect.poll(() => count()).toBe(`${start}–${Math.min(start + PAGE_SIZE - 1, SEEDED_RISKS)} of ${SEEDED_RISKS} risks`);
    }
    expect(await rows().count()).toBe(SEEDED_RISKS - lastStart + 1);
    expect(await dashboard.page.getByRole('button', { name: 'Next page' }).isDisabled()).toBe(true);
    for (let start = lastStart - PAGE_SIZE; start >= 1; start -= PAGE_SIZE) {
      await dashboard.page.getByRole('button', { name: 'Previous page' }).click();
      await expect.poll(() => count()).toBe(`${start}–${start + PAGE_SIZE - 1} of ${SEEDED_RISKS} risks`);
    }
    expect(await dashboard.page.getByRole('button', { name: 'Previous page' }).isDisabled()).toBe(true);
    await expect.poll(() => rows().count()).toBe(PAGE_SIZE);
  });

  it('narrows the table with the level filter and the search box', async () => {
    const expected = await graphql<{ risks: { totalCount: number } }>(dashboard.app.url, '{ risks(filter: { level: ["High"] }) { totalCount } }', {}, await token());
    const highCount = expected.data?.risks.totalCount ?? -1;
    expect(highCount).toBeGreaterThan(0);
    expect(highCount).toBeLessThan(SEEDED_RISKS);

    await dashboard.page.getByLabel('Level').selectOption('High');
    await expect.poll(() => count(), { timeout: 15_000 }).toBe(`1–${Math.min(highCount, PAGE_SIZE)} of ${highCount} risks`);
    expect(await rows().count()).toBe(Math.min(highCount, PAGE_SIZE));
    for (const level of await rows().locator('td:nth-child(5)').allTextContents()) expect(level).toContain('High');

    // "supplier" is in a few titles and descriptions, fewer than a page.
    await dashboard.page.getByLabel('Level').selectOption('');
    await dashboard.page.getByLabel('Search').fill('supplier');
    await expect.poll(() => rows().count(), { timeout: 15_000 }).toBeLessThan(PAGE_SIZE);
    const searched = await graphql<{ risks: { totalCount: number } }>(dashboard.app.url, '{ risks(filter: { search: "supplier" }) { totalCount } }', {}, await token());
    expect(await rows().count()).toBe(searched.data?.risks.totalCount);

    await dashboard.page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => rows().count()).toBe(PAGE_SIZE);
  });

  it('keeps the view in the address: a reload keeps the rows, back restores the previous ones', async () => {
    const { page } = dashboard;
    const titles = () => rows().locator('th').allTextContents();
    const apiTitles = async (order: string) => {
      const answer = await graphql<{ risks: { totalCount: number; nodes: { title: string }[] } }>(dashboard.app.url, `{ risks(first: ${PAGE_SIZE}, filter: { level: ["High"] }, orderBy: ${order}) { totalCount nodes { title } } }`, {}, await token());
      return answer.data?.risks ?? { totalCount: -1, nodes: [] };
    };
    const byScore = await apiTitles('{ field: SCORE, direction: DESC }');
    const byTitle = await apiTitles('{ field: TITLE, direction: ASC }');
    expect(byScore.totalCount).toBeGreaterThan(1);
    const search = () => new URL(page.url()).search;

    await page.getByLabel('Level').selectOption('High');
    await expect.poll(search).toBe('?level=High');
    await expect.poll(titles, { timeout: 15_000 }).toEqual(byScore.nodes.map((risk) => risk.title));

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Risk register' }).waitFor();
    await expect.poll(titles, { timeout: 15_000 }).toEqual(byScore.nodes.map((risk) => risk.title));
    expect(await page.getByLabel('Level').inputValue()).toBe('High');
    expect(await count()).toBe(`1–${Math.min(byScore.totalCount, PAGE_SIZE)} of ${byScore.totalCount} risks`);

    await page.getByRole('columnheader', { name: /^Risk/ }).getByRole('button').click();
    await expect.poll(search).toBe('?level=High&sort=TITLE.asc');
    await expect.poll(titles, { timeout: 15_000 }).toEqual(byTitle.nodes.map((risk) => risk.title));

    await page.goBack();
    await expect.poll(search).toBe('?level=High');
    await expect.poll(titles, { timeout: 15_000 }).toEqual(byScore.nodes.map((risk) => risk.title));
    expect(await page.getByRole('columnheader', { name: /^Inherent/ }).getAttribute('aria-sort')).toBe('descending');
    await page.goBack();
    await expect.poll(search).toBe('');
    await expect.poll(() => count(), { timeout: 15_000 }).toBe(`1–10 of ${SEEDED_RISKS} risks`);
    expect(await page.getByLabel('Level').inputValue()).toBe('');
  });

  it('opens a shared address straight into the filtered table, dropping what it cannot read', async () => {
    const expected = await graphql<{ risks: { totalCount: number; nodes: { title: string }[] } }>(
      dashboard.app.url,
      `{ risks(first: ${PAGE_SIZE}, filter: { level: ["High", "Critical"] }, orderBy: { field: TITLE, direction: ASC }) { totalCount nodes { title } } }`,
      {},
      await token(),
    );
    const total = expected.data?.risks.totalCount ?? -1;
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThan(SEEDED_RISKS);
    // A second tab of the same browser, signed in through the shared session.
    const shared = await dashboard.page.context().newPage();
    try {
      await shared.goto(`${dashboard.app.url}/risks?level=high,CRITICAL,NOPE&status=NOPE&sort=title.asc`);
      const sharedRows = shared.getByRole('table', { name: 'Risks' }).locator('tbody tr');
      await expect.poll(() => sharedRows.locator('th').allTextContents(), { timeout: 15_000 }).toEqual(expected.data?.risks.nodes.map((risk) => risk.title));
      expect(await shared.getByTestId('register-count').textContent()).toBe(`1–${Math.min(total, PAGE_SIZE)} of ${total} risks`);
      expect(new URL(shared.url()).search).toBe('?level=High,Critical&sort=TITLE.asc');
      expect(await shared.getByLabel('Level').locator('option:checked').textContent()).toBe('High or Critical');
    } finally {
      await shared.close();
    }
  });

  it("links the overview's open high and critical tile to those risks in the register", async () => {
    const { page } = dashboard;
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Overview' }).click();
    const tile = page.getByRole('link', { name: /high and critical risks: list them/ });
    await tile.waitFor({ timeout: 15_000 });
    const value = (await tile.textContent()) ?? '';
    await tile.click();
    await page.getByRole('heading', { level: 1, name: 'Risk register' }).waitFor();
    expect(new URL(page.url()).search).toBe('?level=High,Critical&status=IDENTIFIED,ASSESSED,TREATING,MONITORING');
    await expect.poll(() => count(), { timeout: 15_000 }).toMatch(new RegExp(` of ${value} risks$`));
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Risk register' }).click();
    await expect.poll(() => count(), { timeout: 15_000 }).toBe(`1–10 of ${SEEDED_RISKS} risks`);
  });

  it('sorts by a column header, both ways, and says so to assistive technology', async () => {
    const header = dashboard.page.getByRole('columnheader', { name: /^Risk/ });
    const titles = () => rows().locator('th').allTextContents();
    // The database collates titles its own way (SQLite: by code unit, so "CV" before "Chat"): the
    // table must show the API's order for the same sort, which is at least alphabetical by first letter.
    const apiOrder = async (direction: 'ASC' | 'DESC') => {
      const answer = await graphql<{ risks: { nodes: { title: string }[] } }>(dashboard.app.url, `{ risks(first: ${PAGE_SIZE}, orderBy: { field: TITLE, direction: ${direction} }) { nodes { title } } }`, {}, await token());
      return answer.data?.risks.nodes.map((risk) => risk.title) ?? [];
    };
    const initials = (list: string[]) => list.map((title) => title.charAt(0).toUpperCase()).join('');
    await header.getByRole('button').click();
    expect(await header.getAttribute('aria-sort')).toBe('ascending');
    const ascending = await apiOrder('ASC');
    expect(initials(ascending)).toBe([...initials(ascending)].sort().join(''));
    await expect.poll(titles, { timeout: 15_000 }).toEqual(ascending);
    await header.getByRole('button').click();
    expect(await header.getAttribute('aria-sort')).toBe('descending');
    const descending = await apiOrder('DESC');
    expect(initials(descending)).toBe([...initials(descending)].sort().reverse().join(''));
    await expect.poll(titles, { timeout: 15_000 }).toEqual(descending);
  });

  it("shows a risk's ratings, score history and linked controls", async () => {
    await dashboard.page.getByRole('columnheader', { name: /^Inherent/ }).getByRole('button').click();
    await dashboard.page.getByRole('link', { name: CREDIT_RISK }).click();
    await dashboard.page.getByRole('heading', { level: 1, name: CREDIT_RISK }).waitFor();
    const chart = dashboard.page.getByRole('img', { name: /Step chart of the inherent and residual score over 4 assessments/ });
    await chart.waitFor();
    const curves = chart.locator('.recharts-line-curve');
    expect(await curves.count()).toBe(2);
    for (const curve of await curves.all()) {
      const length = await curve.evaluate((path) => (path as SVGPathElement).getTotalLength());
      expect(length).toBeGreaterThan(100);
    }
    // Four inherent points; a residual rating came with the third and the fourth assessment (the seed's history).
    expect(await chart.locator('.assay-chart__point').count()).toBe(6);
    const controls = dashboard.page.getByRole('table').filter({ has: dashboard.page.getByRole('columnheader', { name: 'Implementation' }) }).locator('tbody tr');
    expect(await controls.locator('th').allTextContents()).toEqual(['A.5.4', 'A.7.4', 'A.6.2.6']);
    expect(await dashboard.page.getByText(/Inherent score: likelihood 4 × impact 5/).count()).toBe(1);
    expect(await dashboard.page.getByText(/Residual score: likelihood 2 × impact 5/).count()).toBe(1);
    await expectNoSeriousViolations();
    await dashboard.screenshot('risk-detail.png');
  });

  it("shows the API's validation message next to the field it names", async () => {
    await dashboard.page.getByRole('link', { name: 'Edit risk' }).click();
    await dashboard.page.getByRole('heading', { level: 1, name: 'Edit risk' }).waitFor();
    // The residual likelihood may not exceed the inherent 4.
    await dashboard.page.getByLabel('Residual likelihood').selectOption('5');
    await dashboard.page.getByRole('button', { name: 'Save changes' }).click();
    const message = dashboard.page.locator('#residualLikelihood-error');
    await message.waitFor();
    expect(await message.textContent()).toBe('Residual likelihood must not exceed the inherent likelihood 4, got 5');
    expect(await dashboard.page.getByLabel('Residual likelihood').getAttribute('aria-invalid')).toBe('true');
    // Focus moved to the field at fault, for keyboard users.
    expect(await dashboard.page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('residualLikelihood');
    await expectNoSeriousViolations();
    await dashboard.page.screenshot({ path: artifact('risk-form-error.png'), fullPage: true });
  });

  it('saves an edit that is still there after a reload', async () => {
    await dashboard.page.getByLabel('Residual likelihood').selectOption('2');
    await dashboard.page.getByLabel('Owner', { exact: true }).fill('Chief Risk Officer');
    await dashboard.page.getByRole('button', { name: 'Save changes' }).click();
    await dashboard.page.getByRole('heading', { level: 1, name: CREDIT_RISK }).waitFor();
    await dashboard.page.getByText('Chief Risk Officer').waitFor();
    await dashboard.page.reload();
    await dashboard.page.getByRole('heading', { level: 1, name: CREDIT_RISK }).waitFor();
    expect(await dashboard.page.getByText('Chief Risk Officer').count()).toBe(1);
  });

  it('explains an edit conflict and loads the latest version on request', async () => {
    const riskId = decodeURIComponent(new URL(dashboard.page.url()).pathname.split('/')[2] ?? '');
    await dashboard.page.getByRole('link', { name: 'Edit risk' }).click();
    await dashboard.page.getByRole('heading', { level: 1, name: 'Edit risk' }).waitFor();
    // Someone else changes the risk while the form is open.
    const current = await graphql<{ risk: { version: number } }>(dashboard.app.url, 'query ($id: ID!) { risk(id: $id) { version } }', { id: riskId }, await token());
    const other = await graphql(dashboard.app.url, 'mutation ($id: ID!, $v: Int!) { updateRisk(id: $id, input: { expectedVersion: $v, owner: "Head of Model Risk" }) { version } }', { id: riskId, v: current.data?.risk.version }, await token());
    expect(other.errors).toBeUndefined();

    await dashboard.page.getByLabel('Description').fill('My edit, made on a stale copy.');
    await dashboard.page.getByRole('button', { name: 'Save changes' }).click();
    const alert = dashboard.page.getByRole('alert').filter({ hasText: 'Someone else changed this risk' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Your changes were not saved');
    await expectNoSeriousViolations();
    await dashboard.page.screenshot({ path: artifact('risk-conflict.png'), fullPage: true });

    await alert.getByRole('button', { name: /Load the latest version/ }).click();
    await expect.poll(() => dashboard.page.getByLabel('Owner', { exact: true }).inputValue(), { timeout: 15_000 }).toBe('Head of Model Risk');
    expect(await dashboard.page.getByRole('status').filter({ hasText: 'latest version' }).count()).toBe(1);
    // Saving again, on the latest version, works.
    await dashboard.page.getByLabel('Description').fill('My edit, made again on the latest version.');
    await dashboard.page.getByRole('button', { name: 'Save changes' }).click();
    await dashboard.page.getByText('My edit, made again on the latest version.').waitFor();
  });

  it('hides the edit controls from the executive', async () => {
    await dashboard.page.getByRole('button', { name: 'Sign out' }).click();
    await dashboard.page.getByRole('button', { name: 'Sign in' }).waitFor();
    await signInAs(dashboard.page, dashboard.app.url, 'exec@assay.local');
    await dashboard.page.getByRole('link', { name: 'Risk register' }).click();
    await expect.poll(() => rows().count(), { timeout: 15_000 }).toBe(PAGE_SIZE);
    expect(await dashboard.page.getByRole('link', { name: 'New risk' }).count()).toBe(0);
    await dashboard.page.getByRole('link', { name: CREDIT_RISK }).click();
    await dashboard.page.getByRole('heading', { level: 1, name: CREDIT_RISK }).waitFor();
    await dashboard.page.getByRole('img', { name: /Step chart/ }).waitFor();
    expect(await dashboard.page.getByRole('link', { name: 'Edit risk' }).count()).toBe(0);
    expect(await dashboard.page.getByRole('button', { name: /Edit|Save/ }).count()).toBe(0);
    await expectNoSeriousViolations();
  });

  // Every demo account: its role in the header, the overview drawn, and the register's edit
  // controls exactly for the roles the API lets change risks.
  it.each([
    ['demo@assay.local', 'Administrator', true],
    ['risk@assay.local', 'Risk manager', true],
    ['analyst@assay.local', 'Analyst', false],
    ['auditor@assay.local', 'Auditor', false],
    ['exec@assay.local', 'Executive (read only)', false],
  ])('signs in as %s (%s), drawing the overview, with edit controls: %s', async (email, role, edits) => {
    await dashboard.page.getByRole('button', { name: 'Sign out' }).click();
    await dashboard.page.getByRole('button', { name: 'Sign in' }).waitFor();
    await signInAs(dashboard.page, dashboard.app.url, email);
    expect(await dashboard.page.getByTestId('role').textContent()).toBe(role);
    await expect.poll(() => dashboard.page.locator('.assay-heatmap__cell').count(), { timeout: 15_000 }).toBe(25);
    await dashboard.page.getByRole('link', { name: 'Risk register' }).click();
    await expect.poll(() => rows().count(), { timeout: 15_000 }).toBe(PAGE_SIZE);
    expect(await dashboard.page.getByRole('link', { name: 'New risk' }).count()).toBe(edits ? 1 : 0);
    await dashboard.page.getByRole('link', { name: CREDIT_RISK }).click();
    await dashboard.page.getByRole('heading', { level: 1, name: CREDIT_RISK }).waitFor();
    expect(await dashboard.page.getByRole('link', { name: 'Edit risk' }).count()).toBe(edits ? 1 : 0);
  });

  it('fetched nothing from any host but the app', () => {
    expect(dashboard.foreign).toEqual([]);
  });
});
