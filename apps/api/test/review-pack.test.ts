import { describe, expect, it } from 'vitest';
import { DEMO_RISKS } from '../src/seed/demo.js';
import { useCountingApi, useDemoApi } from './support/api.js';
import { testDatabases } from './support/databases.js';

const databases = await testDatabases();

const PACK = `query($asOf: String) { managementReviewPack(asOf: $asOf) {
  organisation asOf since lastReview { heldOn }
  previousActions { total completed open overdue actions { description completedOn } }
  contextChanges { issuesAdded { description } issuesRetired { description } partiesAdded { name } partiesRetired { name } }
  nonconformities { raised raisedByAudit raisedByMonitoring open actionsDue actionsOnTime actionsOverdue actionsEffective actionsIneffective actionsUnchecked
    lateActions { measure centreLine points { label defects inspected proportion upperLimit outOfControl } runs } }
  monitoring { aiSystem { name } attribute metric threshold direction latest breached trend projectedBreach latestShift openFinding { source } }
  kpis { objective kpi target latest latestOn onTarget trend }
  audits { completed { title } majorNonconformities minorNonconformities observations opportunities }
  opportunities { description }
  risks { inherentNow { risks } residualNow { risks meanScore } inherentThen { risks } awaitingReassessment { title } }
  certification { readiness controlShare clauseShare projection { p50 p80 p95 criticalStage note } }
} }`;

describe.each(databases.available)('managementReviewPack on $name', (database) => {
  const demo = useDemoApi(database);

  it('computes the clause 9.3.2 inputs from the demo records since the last review', async () => {
    const result = await demo.api.graphql<{ managementReviewPack: any }>(PACK, {}, demo.executive);
    expect(result.errors).toBeUndefined();
    const pack = result.data!.managementReviewPack;
    expect(pack).toMatchObject({ organisation: 'Northwind Lending (demo)', since: '2026-06-24', lastReview: { heldOn: '2026-06-24' } });
    // (a) Two actions from the June review: one completed in September, one open past its 31 October due date.
    expect(pack.previousActions).toMatchObject({ total: 2, completed: 1, open: 1, overdue: 1 });
    expect(pack.previousActions.actions[0].completedOn).toBeNull();
    // (b), (c) Everything in the context registers was recorded before June.
    expect(pack.contextChanges).toEqual({ issuesAdded: [], issuesRetired: [], partiesAdded: [], partiesRetired: [] });
    // (d) The October audit raised a major and a minor nonconformity, monitoring one more; the minor one is closed.
    expect(pack.nonconformities).toMatchObject({
      raised: 3,
      raisedByAudit: 2,
      raisedByMonitoring: 1,
      open: 2,
      actionsDue: 2,
      actionsOnTime: 1,
      actionsOverdue: 1,
      actionsEffective: 1,
      actionsIneffective: 0,
      actionsUnchecked: 0,
    });
    // p-chart: October's action on time (0 of 1 late), November's open past due (1 of 1); p̄ = 1/2.
    const chart = pack.nonconformities.lateActions;
    expect(chart.centreLine).toBe(0.5);
    expect(chart.points.find((point: { label: string }) => point.label === '2026-10')).toMatchObject({ defects: 0, inspected: 1, proportion: 0 });
    expect(chart.points.find((point: { label: string }) => point.label === '2026-11')).toMatchObject({ defects: 1, inspected: 1, proportion: 1 });
    expect(chart.points.find((point: { label: string }) => point.label === '2026-07')).toMatchObject({ inspected: 0, proportion: null });
    // (d) Monitoring: the CV screener is beyond the line with its finding open; the credit model is heading there.
    const [cv, credit] = pack.monitoring;
    expect(cv).toMatchObject({ aiSystem: { name: 'CV screening model' }, metric: 'DISPARATE_IMPACT', threshold: 0.8, direction: 'BELOW', breached: true, trend: 'decreasing', projectedBreach: null, openFinding: { source: 'monitoring' } });
    expect(cv.latest).toBeLessThan(0.8);
    expect(credit).toMatchObject({ aiSystem: { name: 'Credit decisioning model' }, breached: false, trend: 'decreasing', openFinding: null });
    expect(credit.projectedBreach > pack.asOf).toBe(true);
    // Read for every threshold at once, the figures are each threshold's own trend up to the pack's day.
    const thresholds = await demo.api.graphql<{ fairnessThresholds: { aiSystem: { id: string; name: string }; attribute: string; metric: string; value: number; direction: string; privilegedGroup: string | null; minGroupSize: number }[] }>(
      '{ fairnessThresholds { aiSystem { id name } attribute metric value direction privilegedGroup minGroupSize } }',
      {},
      demo.executive,
    );
    expect(pack.monitoring).toHaveLength(thresholds.data!.fairnessThresholds.length);
    for (const threshold of thresholds.data!.fairnessThresholds) {
      const trend = await demo.api.graphql<{ fairnessTrend: { breached: boolean; points: { value: number | null }[]; trend: { direction: string } } }>(
        `query($id: ID!, $metric: FairnessMetric!, $attribute: String!, $privilegedGroup: String, $minGroupSize: Int, $threshold: Float, $direction: ThresholdDirection, $to: String) {
          fairnessTrend(aiSystemId: $id, metric: $metric, attribute: $attribute, privilegedGroup: $privilegedGroup, minGroupSize: $minGroupSize, threshold: $threshold, thresholdDirection: $direction, to: $to) { breached points { value } trend { direction } }
        }`,
        { id: threshold.aiSystem.id, metric: threshold.metric, attribute: threshold.attribute, privilegedGroup: threshold.privilegedGroup, minGroupSize: threshold.minGroupSize, threshold: threshold.value, direction: threshold.direction, to: pack.asOf },
        demo.executive,
      );
      expect(trend.errors).toBeUndefined();
      const entry = pack.monitoring.find((item: { aiSystem: { name: string }; attribute: string }) => item.aiSystem.name === threshold.aiSystem.name && item.attribute === threshold.attribute);
      const values = trend.data!.fairnessTrend.points.map((point) => point.value).filter((value) => value !== null);
      expect(values.length).toBeGreaterThan(10);
      expect(entry).toMatchObject({ latest: expect.closeTo(values.at(-1)!, 12), breached: trend.data!.fairnessTrend.breached, trend: trend.data!.fairnessTrend.trend.direction });
    }
    // (d) KPIs: the same latest value, target check and trend the objectives register computes.
    const objectives = await demo.api.graphql<{ objectives: { nodes: { title: string; kpiName: string; latestValue: number | null; latestMeasuredOn: string | null; onTarget: boolean | null; status: string; trend: { direction: string } }[] } }>(
      `{ objectives { nodes { title kpiName latestValue latestMeasuredOn onTarget status trend { direction } } } }`,
      {},
      demo.executive,
    );
    const active = objectives.data!.objectives.nodes.filter((objective) => objective.status !== 'WITHDRAWN');
    expect(pack.kpis).toHaveLength(active.length);
    expect(pack.kpis.length).toBeGreaterThan(0);
    for (const kpi of pack.kpis) {
      const objective = active.find((entry) => entry.title === kpi.objective)!;
      expect(kpi).toMatchObject({ kpi: objective.kpiName, latest: objective.latestValue, latestOn: objective.latestMeasuredOn, onTarget: objective.onTarget, trend: objective.trend.direction });
    }
    // (d) Audit results; (e) the open opportunity.
    expect(pack.audits).toEqual({ completed: [{ title: 'Internal audit of the AIMS 2026' }], majorNonconformities: 1, minorNonconformities: 1, observations: 1, opportunities: 1 });
    expect(pack.opportunities).toEqual([{ description: 'Fairness metrics could be monitored continuously instead of quarterly.' }]);
    // Risks: the whole register now; the CV risk awaits re-assessment after its breach.
    expect(pack.risks.inherentNow.risks).toBe(DEMO_RISKS.length);
    expect(pack.risks.awaitingReassessment).toEqual([{ title: 'CV screener shortlists fewer women' }]);
    // The outlook is the readiness and projection the dedicated queries give.
    const outlook = await demo.api.graphql<{ readiness: { overall: number }; certificationProjection: { certificationDate: { p50: string } } }>(
      `{ readiness { overall } certificationProjection { certificationDate { p50 } } }`,
      {},
      demo.executive,
    );
    expect(pack.certification.readiness).toBe(outlook.data?.readiness.overall);
    expect(pack.certification.projection.p50).toBe(outlook.data?.certificationProjection.certificationDate.p50);
  });

  it('looks back a year when no review came before asOf, and refuses a bad date', async () => {
    const result = await demo.api.graphql<{ managementReviewPack: { since: string; lastReview: unknown; previousActions: { total: number }; certification: { projection: unknown } } }>(
      `query($asOf: String) { managementReviewPack(asOf: $asOf) { since lastReview { heldOn } previousActions { total } certification { projection { p50 } } } }`,
      { asOf: '2026-06-24' },
      demo.executive,
    );
    expect(result.errors).toBeUndefined();
    // The June review is on asOf itself, so it is the one being prepared, not a previous one.
    expect(result.data?.managementReviewPack).toMatchObject({ since: '2025-06-24', lastReview: null, previousActions: { total: 0 } });
    const bad = await demo.api.graphql(`{ managementReviewPack(asOf: "24/06/2026") { since } }`, {}, demo.executive);
    expect(bad.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'asOf' } });
  });
});

describe.each(databases.available)('managementReviewPack reuse on $name', (database) => {
  const demo = useCountingApi(database);
  const MONITORING = 'query { managementReviewPack { monitoring { aiSystem { id name } attribute metric latest latestEnd breached trend } } }';
  type Monitoring = { managementReviewPack: { monitoring: { aiSystem: { id: string; name: string }; attribute: string; metric: string; latest: number | null; latestEnd: string | null; breached: boolean; trend: string }[] } };

  it('keeps the threshold trends until a fairness window changes, which the audit log does not record', async () => {
    const first = await demo.counted<Monitoring>(MONITORING);
    const again = await demo.counted<Monitoring>(MONITORING);
    expect(again.data).toEqual(first.data);
    // The second pack reads where the records stand, not every threshold's windows.
    expect(again.statements).toBeLessThan(first.statements);

    // Replace the credit model's latest window with counts equal in every group: no disparity, no
    // breach, so no finding and no audit entry; only the window's own stamp shows the change.
    const credit = first.data.managementReviewPack.monitoring.find((entry) => entry.aiSystem.name === 'Credit decisioning model')!;
    const thresholds = await demo.api.graphql<{ fairnessThresholds: { aiSystem: { id: string }; attribute: string; privilegedGroup: string | null }[] }>(
      '{ fairnessThresholds { aiSystem { id } attribute privilegedGroup } }',
      {},
      demo.admin,
    );
    const threshold = thresholds.data!.fairnessThresholds.find((item) => item.aiSystem.id === credit.aiSystem.id && item.attribute === credit.attribute)!;
    const windows = await demo.api.graphql<{ fairnessTrend: { points: { start: string; end: string }[] } }>(
      'query($id: ID!, $attribute: String!) { fairnessTrend(aiSystemId: $id, metric: SELECTION_RATE, attribute: $attribute) { points { start end } } }',
      { id: credit.aiSystem.id, attribute: credit.attribute },
      demo.admin,
    );
    const last = windows.data!.fairnessTrend.points.at(-1)!;
    expect(last.end).toBe(credit.latestEnd);
    const cell = { tp: 300, fp: 100, tn: 500, fn: 100, rows: 1000 };
    const groups = [{ group: threshold.privilegedGroup ?? 'first', ...cell }, { group: 'second', ...cell }];
    const auditBefore = await demo.api.graphql<{ auditLog: { totalCount: number } }>('{ auditLog { totalCount } }', {}, demo.admin);
    const recorded = await demo.api.graphql<{ recordFairnessWindow: { replaced: boolean; findingsOpened: unknown[] } }>(
      'mutation($id: ID!, $attribute: String!, $start: String!, $end: String!, $counts: GroupCountsInput!) { recordFairnessWindow(aiSystemId: $id, attribute: $attribute, start: $start, end: $end, counts: $counts) { replaced findingsOpened { id } } }',
      { id: credit.aiSystem.id, attribute: credit.attribute, start: last.start, end: last.end, counts: { groups } },
      demo.admin,
    );
    expect(recorded.errors).toBeUndefined();
    expect(recorded.data!.recordFairnessWindow).toEqual({ replaced: true, findingsOpened: [] });
    const auditAfter = await demo.api.graphql<{ auditLog: { totalCount: number } }>('{ auditLog { totalCount } }', {}, demo.admin);
    expect(auditAfter.data!.auditLog.totalCount).toBe(auditBefore.data!.auditLog.totalCount);

    const after = await demo.counted<Monitoring>(MONITORING);
    const changed = after.data.managementReviewPack.monitoring.find((entry) => entry.aiSystem.id === credit.aiSystem.id && entry.attribute === credit.attribute)!;
    const equal = ['DISPARATE_IMPACT', 'DEMOGRAPHIC_PARITY_RATIO', 'EQUALIZED_ODDS_RATIO', 'EQUAL_OPPORTUNITY_RATIO'].includes(changed.metric) ? 1 : 0;
    expect(changed.latest).toBeCloseTo(equal, 12);
    expect(changed.latest).not.toBeCloseTo(credit.latest!, 6);
    expect(after.statements).toBe(first.statements);
    // The other thresholds read as before.
    expect(after.data.managementReviewPack.monitoring.filter((entry) => entry !== changed)).toEqual(first.data.managementReviewPack.monitoring.filter((entry) => entry.aiSystem.id !== credit.aiSystem.id || entry.attribute !== credit.attribute));
  });
});
