import { describe, expect, it } from 'vitest';
import { graphql } from '../support/app.js';
import { browserMissing } from '../support/browser.js';
import { useDashboard } from '../support/dashboard.js';

const missing = browserMissing();

/** What the demo seed holds (apps/api/src/seed/demo.ts). */
const SEEDED_SYSTEMS = 6;
/** The CV screening model's risks in the demo register (apps/api/src/seed/demo-risks.ts). */
const CV_SCREENING_RISKS = 6;
const ANNEX_A_CONTROLS = 38;
const ANNEX_A_OBJECTIVES = 9;
const SEEDED_AUDIT_FINDINGS = 4;
const SEEDED_AUDIT_ACTIONS = 2;
const CERTIFICATION_STAGES = 7;

describe.skipIf(missing !== null)('register screens in Chromium', () => {
  const dashboard = useDashboard({ name: 'e2e-screens', signInAs: 'demo@assay.local' });

  it('lists the AI systems with their tier', async () => {
    await dashboard.page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'AI systems' }).click();
    const rows = dashboard.page.getByRole('table', { name: 'AI system inventory' }).locator('tbody tr');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(SEEDED_SYSTEMS);
    // The two high-risk systems come first, their tier in words.
    expect(await rows.nth(0).locator('[data-tier]').textContent()).toContain('High risk');
    expect(await rows.nth(1).locator('[data-tier]').textContent()).toContain('High risk');
    // Fraud detection, the income document reader and the marketing propensity model.
    expect(await dashboard.page.locator('[data-tier="MINIMAL"]').count()).toBe(3);
    await dashboard.screenshot('ai-systems.png');
  });

  it('shows a system with its risks, impact assessment, fairness report and trend', async () => {
    await dashboard.page.getByRole('link', { name: 'CV screening model' }).click();
    await dashboard.page.getByRole('heading', { level: 1, name: 'CV screening model' }).waitFor();
    expect(dashboard.page.url()).toMatch(/\/ai-systems\/[^/]+$/);
    expect(await dashboard.page.getByRole('table', { name: 'Risks of this AI system' }).locator('tbody tr').count()).toBe(CV_SCREENING_RISKS);
    expect(await dashboard.page.getByRole('table', { name: 'Impact assessments of this AI system' }).locator('tbody tr').count()).toBe(1);

    // The report by sex: all rows, F and M each with a point and an interval of visible width.
    const report = dashboard.page.getByRole('img', { name: /^Selection rate of 2 groups of sex for CV screening model/ });
    await report.waitFor({ timeout: 15_000 });
    expect(await report.locator('.assay-intervals__point').count()).toBe(3);
    const ranges = await report.locator('.assay-intervals__range').evaluateAll((spans) => spans.map((span) => span.getBoundingClientRect().width));
    expect(ranges).toHaveLength(3);
    expect(ranges.every((width) => width > 0)).toBe(true);
    // Women are selected at well under four fifths of the rate of men in the latest weeks.
    expect(await dashboard.page.getByText(/Four-fifths rule not met: F is selected at/).count()).toBe(1);

    // The trend: the overview's line chart with its band.
    const trend = dashboard.page.getByRole('img', { name: /^Line chart of disparate impact by sex/i });
    await expect.poll(() => trend.locator('.recharts-line-curve').count(), { timeout: 15_000 }).toBe(1);
    expect(await trend.locator('.recharts-area-area').count()).toBe(1);
    expect(await trend.locator('.recharts-line-curve').evaluate((path) => (path as SVGPathElement).getTotalLength())).toBeGreaterThan(100);
    await dashboard.screenshot('ai-system.png');
  });

  it('marks a group too small to report as suppressed once a prediction log arrives', async () => {
    // The income document reader has no monitoring in the demo: its page says so.
    await dashboard.page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'AI systems' }).click();
    await dashboard.page.getByRole('link', { name: 'Income document reader' }).click();
    await dashboard.page.getByText('No prediction log has been imported for Income document reader, so there is no fairness report.').waitFor({ timeout: 15_000 });
    const systemId = decodeURIComponent(new URL(dashboard.page.url()).pathname.split('/').at(-1) ?? '');

    // A log of two weeks: two groups of 120 and 100 decisions, and one of 12, under the default minimum of 30.
    const token = await signInToken(dashboard.app.url);
    const response = await fetch(`${dashboard.app.url}/api/ai-systems/${encodeURIComponent(systemId)}/predictions?outcome=verified&prediction=accepted&attributes=age_band&timestamp=decided_on&window=week`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
      body: predictionLog({ 'under 40': 120, '40 to 59': 100, '60 and over': 12 }),
    });
    expect(response.status, await response.clone().text()).toBe(200);

    await dashboard.page.reload();
    const report = dashboard.page.getByRole('img', { name: /^Selection rate of 3 groups of age_band for Income document reader/ });
    await report.waitFor({ timeout: 15_000 });
    // All rows and the two large groups are drawn; the small one is marked, with no point or interval.
    expect(await report.locator('.assay-intervals__point').count()).toBe(3);
    const small = report.locator('[data-group="60 and over"]');
    expect(await small.locator('.assay-intervals__point').count()).toBe(0);
    expect(await small.locator('.assay-intervals__suppressed').textContent()).toBe('Suppressed: fewer than 30 rows');
    expect(await dashboard.page.getByText('No fairness threshold is set for Income document reader, so no metric is followed over time.').count()).toBe(1);
    await dashboard.screenshot('ai-system-suppressed-group.png');
  });

  it('lays out the Statement of Applicability by objective and filters it', async () => {
    await dashboard.page.getByRole('link', { name: 'Statement of Applicability' }).click();
    const rows = dashboard.page.locator('tr[data-control]');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(ANNEX_A_CONTROLS);
    expect(await dashboard.page.getByRole('heading', { level: 2, name: /^A\.\d+ / }).count()).toBe(ANNEX_A_OBJECTIVES);
    // The AI policy control carries its evidence and its links to the other frameworks with an Annex A counterpart.
    const policy = dashboard.page.locator('tr[data-control="A.2.2"]');
    expect(await policy.textContent()).toContain('AI policy, version 2, approved by the board');
    for (const framework of ['ISO/IEC 27001', 'EU AI Act', 'NIST AI RMF']) expect(await policy.textContent()).toContain(framework);
    // ISO 9001 meets 42001 at the 21 clauses of the management system (packages/schema crosswalk).
    const clauses = dashboard.page.getByRole('table', { name: 'ISO/IEC 42001 clauses and ISO 9001' }).locator('tbody tr');
    expect(await clauses.count()).toBe(21);
    await dashboard.screenshot('soa.png');

    await dashboard.page.getByLabel('Show').selectOption('EXCLUDED');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().getAttribute('data-control')).toBe('A.10.4');
    await dashboard.page.getByLabel('Show').selectOption('ALL');
    await expect.poll(() => rows.count()).toBe(ANNEX_A_CONTROLS);
  });

  it('lists the audit’s findings and corrective actions', async () => {
    await dashboard.page.getByRole('link', { name: 'Audits' }).click();
    const findings = dashboard.page.getByRole('table', { name: 'Findings of Internal audit of the AIMS 2026' }).locator('tbody tr');
    await expect.poll(() => findings.count(), { timeout: 15_000 }).toBe(SEEDED_AUDIT_FINDINGS);
    expect(await findings.first().textContent()).toContain('Major nonconformity');
    const actions = dashboard.page.getByRole('table', { name: 'Corrective actions of Internal audit of the AIMS 2026' }).locator('tbody tr');
    expect(await actions.count()).toBe(SEEDED_AUDIT_ACTIONS);
    // The drifting CV screener breached its threshold while the demo was seeded.
    const monitoring = dashboard.page.getByRole('table', { name: 'Findings raised by fairness monitoring' }).locator('tbody tr');
    expect(await monitoring.count()).toBeGreaterThan(0);
    await dashboard.screenshot('audits.png');
  });

  it('shows the certification plan, forecast, timeline and body', async () => {
    await dashboard.page.getByRole('link', { name: 'Certification' }).click();
    const stages = dashboard.page.getByRole('table', { name: 'Certification plan' }).locator('tbody tr');
    await expect.poll(() => stages.count(), { timeout: 15_000 }).toBe(CERTIFICATION_STAGES);
    const timeline = dashboard.page.getByRole('img', { name: /^Timeline of 7 certification stages/ });
    await timeline.waitFor({ timeout: 15_000 });
    expect(await timeline.locator('.assay-timeline__p50').count()).toBe(CERTIFICATION_STAGES);
    const p50 = await dashboard.page.getByText('Certification as likely before as after (P50)').locator('xpath=preceding-sibling::*[1]').textContent();
    expect(p50).toMatch(/\d{4}/);
    const body = dashboard.page.getByLabel('Chosen certification body');
    expect(await body.textContent()).toContain('Harbour Certification Services (demo)');
    expect(await body.textContent()).toContain('UKAS');
    await dashboard.screenshot('certification.png');
  });
});

async function signInToken(url: string): Promise<string> {
  const answer = await graphql<{ signIn: { token: string } }>(url, 'mutation { signIn(email: "demo@assay.local", password: "assay-demo") { token } }');
  const token = answer.data?.signIn.token;
  if (!token) throw new Error(`sign-in failed: ${JSON.stringify(answer.errors)}`);
  return token;
}

/**
 * A CSV prediction log over the last fourteen days with the given number of rows per group: every
 * second row is a true positive outcome and every third row a positive decision, so rates differ a little.
 */
function predictionLog(groups: Record<string, number>): string {
  const lines = ['decided_on,age_band,verified,accepted'];
  const today = Date.now();
  for (const [group, rows] of Object.entries(groups)) {
    for (let row = 0; row < rows; row += 1) {
      const day = new Date(today - (row % 14) * 86_400_000).toISOString().slice(0, 10);
      lines.push(`${day},${group},${row % 2 === 0 ? 1 : 0},${row % 3 === 0 ? 1 : 0}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
