import { describe, expect, it } from 'vitest';
import { mondayOnOrBefore, todayIso } from '../src/services/dates.js';
import { useDemoApi } from './support/api.js';
import { testDatabases } from './support/databases.js';

const databases = await testDatabases();

const FINDING_FIELDS = 'id kind source status raisedOn clauseId controlId description version aiSystem { name } risk { id title reassessmentReason version }';
const SET = `mutation($input: FairnessThresholdInput!) { setFairnessThreshold(input: $input) { id metric direction value privilegedGroup version risk { title } aiSystem { name } } }`;
const RECORD = `mutation($aiSystemId: ID!, $start: String!, $end: String!, $counts: GroupCountsInput!) {
  recordFairnessWindow(aiSystemId: $aiSystemId, attribute: "sex", start: $start, end: $end, counts: $counts) { rows findingsOpened { ${FINDING_FIELDS} } }
}`;

interface FindingResult {
  id: string;
  kind: string;
  source: string;
  status: string;
  raisedOn: string;
  description: string;
  version: number;
  aiSystem: { name: string } | null;
  risk: { id: string; title: string; reassessmentReason: string | null; version: number } | null;
}

/** F and M with equal outcomes; M's true positive rate `tprM` sets the equalized odds difference (F's is 0.7). */
const week = (tprM: number) => ({
  groups: [
    { group: 'F', tp: 70, fn: 30, fp: 90, tn: 810, rows: 1000 },
    { group: 'M', tp: Math.round(100 * tprM), fn: 100 - Math.round(100 * tprM), fp: 90, tn: 810, rows: 1000 },
  ],
});

describe.each(databases.available)('fairness thresholds on $name', (database) => {
  const demo = useDemoApi(database);
  const ids = async () => {
    const result = await demo.api.graphql<{ aiSystems: { nodes: { id: string; name: string }[] }; risks: { nodes: { id: string; title: string; version: number }[] } }>('{ aiSystems { nodes { id name } } risks { nodes { id title version } } }', {}, demo.admin);
    return { aiSystems: result.data!.aiSystems.nodes, risks: result.data!.risks.nodes };
  };

  it('shows the demo breach: one open monitoring finding for the CV screener, its risk awaiting re-assessment', async () => {
    const result = await demo.api.graphql<{ findings: { nodes: FindingResult[] } }>(`{ findings(filter: { source: MONITORING }) { nodes { ${FINDING_FIELDS} } } }`, {}, demo.executive);
    expect(result.errors).toBeUndefined();
    const [finding, ...others] = result.data!.findings.nodes;
    expect(others).toEqual([]);
    expect(finding).toMatchObject({ kind: 'MINOR_NONCONFORMITY', source: 'monitoring', status: 'OPEN', clauseId: '9.1', controlId: 'A.6.2.6', aiSystem: { name: 'CV screening model' } });
    expect(finding!.description).toMatch(/^Disparate impact by sex against M was 0\.7\d\d in the week from \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2} \(4200 decisions\), below the threshold of 0\.8\.$/);
    expect(finding!.risk).toMatchObject({ title: 'CV screener shortlists fewer women', reassessmentReason: `Monitoring finding of ${finding!.raisedOn}: ${finding!.description}` });
    // The drift crossed the line some weeks ago (the demo's drift starts 16 weeks before the last window).
    const weeksAgo = (Date.parse(mondayOnOrBefore(todayIso())) - Date.parse(finding!.raisedOn)) / (7 * 86_400_000);
    expect(weeksAgo).toBeGreaterThanOrEqual(4);
    expect(weeksAgo).toBeLessThanOrEqual(14);
    const audits = await demo.api.graphql<{ findings: { nodes: FindingResult[] } }>(`{ findings(filter: { source: AUDIT }) { nodes { source } } }`, {}, demo.executive);
    expect(audits.data?.findings.nodes.map((entry) => entry.source)).toEqual(['audit', 'audit', 'audit', 'audit']);
  });

  it('reads each threshold on the latest window of its system and attribute, as the last point of its trend', async () => {
    const answer = await demo.api.graphql<{ fairnessThresholds: { aiSystem: { id: string }; attribute: string; metric: string; value: number; direction: string; privilegedGroup: string | null; minGroupSize: number; latest: { start: string; end: string; value: number | null; n: number; breached: boolean } | null }[] }>(
      '{ fairnessThresholds { aiSystem { id } attribute metric value direction privilegedGroup minGroupSize latest { start end value n breached } } }',
      {},
      demo.admin,
    );
    expect(answer.errors).toBeUndefined();
    const thresholds = answer.data!.fairnessThresholds;
    expect(thresholds.length).toBeGreaterThan(1);
    const breaches: boolean[] = [];
    for (const threshold of thresholds) {
      const trend = await demo.api.graphql<{ fairnessTrend: { points: { start: string; end: string; value: number | null; n: number }[]; breached: boolean } }>(
        `query($id: ID!, $metric: FairnessMetric!, $attribute: String!, $privilegedGroup: String, $minGroupSize: Int, $threshold: Float, $direction: ThresholdDirection) {
          fairnessTrend(aiSystemId: $id, metric: $metric, attribute: $attribute, privilegedGroup: $privilegedGroup, minGroupSize: $minGroupSize, threshold: $threshold, thresholdDirection: $direction) { breached points { start end value n } }
        }`,
        { id: threshold.aiSystem.id, metric: threshold.metric, attribute: threshold.attribute, privilegedGroup: threshold.privilegedGroup, minGroupSize: threshold.minGroupSize, threshold: threshold.value, direction: threshold.direction },
        demo.admin,
      );
      expect(trend.errors).toBeUndefined();
      const last = trend.data!.fairnessTrend.points.at(-1)!;
      expect(threshold.latest).toEqual({ start: last.start, end: last.end, value: expect.closeTo(last.value!, 12), n: last.n, breached: trend.data!.fairnessTrend.breached });
      breaches.push(threshold.latest!.breached);
    }
    // The demo has a breached threshold (the CV screener) and one within its line.
    expect(breaches).toContain(true);
    expect(breaches).toContain(false);
  });

  it('opens one finding per breach episode, flags the linked risk, and a re-assessment clears the flag', async () => {
    const { aiSystems, risks } = await ids();
    const fraud = aiSystems.find((system) => system.name === 'Fraud detection model')!;
    const risk = risks.find((entry) => entry.title === 'No human review of automated account closures')!;
    const set = await demo.api.graphql<{ setFairnessThreshold: { id: string; direction: string; version: number } }>(
      SET,
      { input: { aiSystemId: fraud.id, attribute: 'sex', metric: 'EQUALIZED_ODDS_DIFFERENCE', value: 0.1, riskId: risk.id } },
      demo.admin,
    );
    expect(set.errors).toBeUndefined();
    expect(set.data?.setFairnessThreshold).toMatchObject({ direction: 'ABOVE', version: 1 });

    // TPR 0.7 and 0.75: difference 0.05, within the threshold.
    const calm = await demo.api.graphql<{ recordFairnessWindow: { findingsOpened: FindingResult[] } }>(RECORD, { aiSystemId: fraud.id, start: '2026-05-04', end: '2026-05-11', counts: week(0.75) }, demo.admin);
    expect(calm.errors).toBeUndefined();
    expect(calm.data?.recordFairnessWindow.findingsOpened).toEqual([]);
    // TPR 0.7 and 0.9: difference 0.2 (FPRs equal), above 0.1.
    const breach = await demo.api.graphql<{ recordFairnessWindow: { findingsOpened: FindingResult[] } }>(RECORD, { aiSystemId: fraud.id, start: '2026-05-11', end: '2026-05-18', counts: week(0.9) }, demo.admin);
    const [finding] = breach.data!.recordFairnessWindow.findingsOpened;
    expect(finding).toMatchObject({
      source: 'monitoring',
      raisedOn: '2026-05-18',
      description: 'Equalized odds difference by sex was 0.200 in the week from 2026-05-11 to 2026-05-18 (2000 decisions), above the threshold of 0.1.',
      risk: { title: 'No human review of automated account closures' },
    });
    expect(finding!.risk!.reassessmentReason).toContain('Equalized odds difference by sex was 0.200');
    // While that finding is open, another breach is the same nonconformity.
    const again = await demo.api.graphql<{ recordFairnessWindow: { findingsOpened: FindingResult[] } }>(RECORD, { aiSystemId: fraud.id, start: '2026-05-18', end: '2026-05-25', counts: week(0.95) }, demo.admin);
    expect(again.data?.recordFairnessWindow.findingsOpened).toEqual([]);
    // Closed, a new breach opens a new finding.
    const closed = await demo.api.graphql(`mutation($id: ID!, $input: FindingInput!) { updateFinding(id: $id, input: $input) { status } }`, { id: finding!.id, input: { expectedVersion: finding!.version, status: 'CLOSED' } }, demo.admin);
    expect(closed.errors).toBeUndefined();
    const later = await demo.api.graphql<{ recordFairnessWindow: { findingsOpened: FindingResult[] } }>(RECORD, { aiSystemId: fraud.id, start: '2026-05-25', end: '2026-06-01', counts: week(0.9) }, demo.admin);
    expect(later.data?.recordFairnessWindow.findingsOpened).toHaveLength(1);

    // Re-assessing the risk (ratings given, even unchanged) clears the flag.
    const current = await demo.api.graphql<{ risk: { version: number; likelihood: number; impact: number; reassessmentReason: string | null; assessments: unknown[] } }>(`query($id: ID!) { risk(id: $id) { version likelihood impact reassessmentReason assessments { score } } }`, { id: risk.id }, demo.admin);
    expect(current.data?.risk.reassessmentReason).not.toBeNull();
    const reassessed = await demo.api.graphql<{ updateRisk: { reassessmentReason: string | null; assessments: unknown[] } }>(
      `mutation($id: ID!, $input: UpdateRiskInput!) { updateRisk(id: $id, input: $input) { reassessmentReason assessments { score } } }`,
      { id: risk.id, input: { expectedVersion: current.data!.risk.version, likelihood: current.data!.risk.likelihood, impact: current.data!.risk.impact } },
      demo.admin,
    );
    expect(reassessed.errors).toBeUndefined();
    expect(reassessed.data?.updateRisk.reassessmentReason).toBeNull();
    expect(reassessed.data?.updateRisk.assessments).toHaveLength(current.data!.risk.assessments.length + 1);
  });

  it('refuses thresholds that cannot be evaluated, and lets only editors set them', async () => {
    const { aiSystems } = await ids();
    const cv = aiSystems.find((system) => system.name === 'CV screening model')!;
    const noGroup = await demo.api.graphql(SET, { input: { aiSystemId: cv.id, attribute: 'sex', metric: 'DISPARATE_IMPACT', value: 0.8 } }, demo.admin);
    expect(noGroup.errors?.[0]).toMatchObject({ message: 'privilegedGroup is required for disparateImpact, which compares with a privileged group', extensions: { code: 'BAD_USER_INPUT', field: 'privilegedGroup' } });
    const badRisk = await demo.api.graphql(SET, { input: { aiSystemId: cv.id, attribute: 'sex', metric: 'THEIL_INDEX', value: 0.2, riskId: '00000000-0000-4000-8000-000000000000' } }, demo.admin);
    expect(badRisk.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'riskId' } });
    const executive = await demo.api.graphql(SET, { input: { aiSystemId: cv.id, attribute: 'sex', metric: 'THEIL_INDEX', value: 0.2 } }, demo.executive);
    expect(executive.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const listed = await demo.api.graphql<{ fairnessThresholds: unknown[] }>(`query($id: ID!) { fairnessThresholds(aiSystemId: $id) { id } }`, { id: cv.id }, demo.admin);
    expect(listed.data?.fairnessThresholds).toHaveLength(1);
  });
});
