import { fairnessReport, mergeGroupCounts, type GroupCounts } from '@assay/risk-engine';
import { describe, expect, it } from 'vitest';
import { DEMO_FAIRNESS_WEEKS } from '../src/seed/demo-fairness.js';
import { mondayOnOrBefore, todayIso } from '../src/services/dates.js';
import { useDemoApi } from './support/api.js';
import { testDatabases } from './support/databases.js';

const databases = await testDatabases();

const RECORD = `mutation($aiSystemId: ID!, $attribute: String!, $start: String!, $end: String!, $counts: GroupCountsInput!) {
  recordFairnessWindow(aiSystemId: $aiSystemId, attribute: $attribute, start: $start, end: $end, counts: $counts) { id attribute start end rows groups replaced aiSystem { name } }
}`;
const REPORT_FIELDS = `windows from to confidenceLevel overall { count selectionRate { value } }
  groups { group count suppressed selectionRate { value lower upper } truePositiveRate { value } test { pValue qValue } }
  demographicParityDifference { betweenGroups toOverall lower upper highestGroup lowestGroup }
  demographicParityRatio { betweenGroups } equalizedOddsDifference { betweenGroups }
  privileged { privilegedGroup disparateImpact { value lower upper } averageOddsDifference }
  fourFifthsRule { passes lowestRatio group highestGroup } theilIndex`;

const cell = (tp: number, fp: number, tn: number, fn: number) => ({ tp, fp, tn, fn, rows: tp + fp + tn + fn });
/** Group a: selection 0.4, TPR 0.75; group b: selection 0.2, TPR 0.6 (as in the engine's tests). */
const week1: GroupCounts = { groups: { a: cell(30, 10, 50, 10), b: cell(15, 5, 70, 10) }, missing: cell(0, 0, 0, 0) };
const week2: GroupCounts = { groups: { a: cell(20, 20, 50, 10), b: cell(25, 15, 50, 10) }, missing: cell(1, 0, 1, 0) };
const asInput = (counts: GroupCounts) => ({ groups: Object.entries(counts.groups).map(([group, c]) => ({ group, ...c })), missing: counts.missing });

interface TrendResult {
  threshold: number | null;
  thresholdDirection: string;
  breached: boolean;
  points: { start: string; end: string; value: number | null; lower: number | null; upper: number | null; n: number }[];
  trend: { slopePerDay: number | null; pValue: number | null; direction: string };
  changePoints: { date: string; startDate: string; direction: string; magnitude: number }[];
  projectedBreach: { date: string; earliest: string | null; latest: string | null } | null;
}
const TREND = `query($aiSystemId: ID!, $metric: FairnessMetric!, $attribute: String!, $privilegedGroup: String, $threshold: Float) {
  fairnessTrend(aiSystemId: $aiSystemId, metric: $metric, attribute: $attribute, privilegedGroup: $privilegedGroup, threshold: $threshold) {
    threshold thresholdDirection breached points { start end value lower upper n } trend { slopePerDay pValue direction }
    changePoints { date startDate direction magnitude } projectedBreach { date earliest latest }
  }
}`;

describe.each(databases.available)('fairness monitoring on $name', (database) => {
  const demo = useDemoApi(database);
  const systemId = async (name: string) => {
    const result = await demo.api.graphql<{ aiSystems: { nodes: { id: string; name: string }[] } }>('{ aiSystems { nodes { id name } } }', {}, demo.admin);
    const system = result.data?.aiSystems.nodes.find((entry) => entry.name === name);
    if (!system) throw new Error(`no AI system ${name}`);
    return system.id;
  };

  it('records a window and reports the figures the engine gives for its counts', async () => {
    const aiSystemId = await systemId('Fraud detection model');
    const recorded = await demo.api.graphql<{ recordFairnessWindow: { rows: number; groups: string[]; replaced: boolean } }>(
      RECORD,
      { aiSystemId, attribute: 'region', start: '2026-06-01', end: '2026-06-08', counts: asInput(week1) },
      demo.admin,
    );
    expect(recorded.errors).toBeUndefined();
    expect(recorded.data?.recordFairnessWindow).toMatchObject({ rows: 200, groups: ['a', 'b'], replaced: false });

    const report = await demo.api.graphql<{ fairnessReport: Record<string, any> }>(
      `query($id: ID!) { fairnessReport(aiSystemId: $id, attribute: "region", privilegedGroup: "a") { ${REPORT_FIELDS} } }`,
      { id: aiSystemId },
      demo.executive,
    );
    expect(report.errors).toBeUndefined();
    const figures = report.data!.fairnessReport;
    // Selection 0.4 and 0.2: difference 0.2, ratio 0.5, disparate impact 0.5 (hand-checked in the engine's tests).
    expect(figures).toMatchObject({ windows: 1, from: '2026-06-01', to: '2026-06-08', confidenceLevel: 0.95, overall: { count: 200, selectionRate: { value: 0.3 } } });
    expect(figures.demographicParityDifference.betweenGroups).toBeCloseTo(0.2, 12);
    expect(figures.demographicParityDifference).toMatchObject({ highestGroup: 'a', lowestGroup: 'b' });
    expect(figures.demographicParityRatio.betweenGroups).toBe(0.5);
    expect(figures.equalizedOddsDifference.betweenGroups).toBeCloseTo(0.15, 12);
    expect(figures.privileged).toMatchObject({ privilegedGroup: 'a', disparateImpact: { value: 0.5 }, averageOddsDifference: -0.125 });
    expect(figures.fourFifthsRule).toEqual({ passes: false, lowestRatio: 0.5, group: 'b', highestGroup: 'a' });
    const engine = fairnessReport(week1, { privilegedGroup: 'a' });
    expect(figures.privileged.disparateImpact.lower).toBeCloseTo(engine.privileged!.disparateImpact.interval!.lower, 12);
    expect(figures.groups[0]).toMatchObject({ group: 'a', count: 100, suppressed: false, selectionRate: { value: 0.4, lower: engine.byGroup.a!.selectionRate.lower } });
  });

  it('replaces a window recorded again, and merges the windows of a period', async () => {
    const aiSystemId = await systemId('Fraud detection model');
    const again = await demo.api.graphql<{ recordFairnessWindow: { replaced: boolean; rows: number } }>(
      RECORD,
      { aiSystemId, attribute: 'region', start: '2026-06-01', end: '2026-06-08', counts: asInput(week1) },
      demo.admin,
    );
    expect(again.data?.recordFairnessWindow).toMatchObject({ replaced: true, rows: 200 });
    await demo.api.graphql(RECORD, { aiSystemId, attribute: 'region', start: '2026-06-08', end: '2026-06-15', counts: asInput(week2) }, demo.admin);
    const report = await demo.api.graphql<{ fairnessReport: Record<string, any> }>(
      `query($id: ID!) { fairnessReport(aiSystemId: $id, attribute: "region") { ${REPORT_FIELDS} } }`,
      { id: aiSystemId },
      demo.admin,
    );
    const merged = fairnessReport(mergeGroupCounts(week1, week2));
    // Two windows, 402 rows (the replaced window counted once).
    expect(report.data?.fairnessReport).toMatchObject({ windows: 2, from: '2026-06-01', to: '2026-06-15', overall: { count: 402 } });
    expect(report.data?.fairnessReport.demographicParityDifference.betweenGroups).toBe(merged.demographicParityDifference.betweenGroups);
    const second = await demo.api.graphql<{ fairnessReport: Record<string, any> }>(
      `query($id: ID!) { fairnessReport(aiSystemId: $id, attribute: "region", from: "2026-06-08") { windows overall { count } } }`,
      { id: aiSystemId },
      demo.admin,
    );
    expect(second.data?.fairnessReport).toEqual({ windows: 1, overall: { count: 202 } });
  });

  it.each([
    [{ start: '2026-07-08', end: '2026-07-01' }, 'end', 'end must be after start (2026-07-08), got 2026-07-01'],
    [{ start: '2026-02-30' }, 'start', 'start must be a date as YYYY-MM-DD, got "2026-02-30"'],
    [{ attribute: '  ' }, 'attribute', 'attribute must not be empty'],
    [{ counts: { groups: [{ group: 'a', ...cell(1, 1, 1, 1), tp: -1 }] } }, 'counts.groups["a"].tp', 'counts.groups["a"].tp must be a finite number ≥ 0, got -1'],
    [{ counts: { groups: [{ group: 'a', ...cell(1, 1, 1, 1) }, { group: 'a', ...cell(1, 1, 1, 1) }] } }, 'counts.groups[1].group', 'counts.groups[1].group repeats the group "a"; give each group once'],
    [{ aiSystemId: '00000000-0000-4000-8000-000000000000' }, 'aiSystemId', 'aiSystemId names no AI system of your organisation: 00000000-0000-4000-8000-000000000000'],
  ])('refuses %j naming %s, and stores nothing', async (change, field, message) => {
    const aiSystemId = await systemId('Income document reader');
    const variables = { aiSystemId, attribute: 'language', start: '2026-07-01', end: '2026-07-08', counts: asInput(week1), ...change };
    const result = await demo.api.graphql(RECORD, variables, demo.admin);
    expect(result.errors?.[0]).toMatchObject({ message, extensions: { code: 'BAD_USER_INPUT', field } });
    const attributes = await demo.api.graphql<{ fairnessAttributes: unknown[] }>(`query($id: ID!) { fairnessAttributes(aiSystemId: $id) { attribute } }`, { id: aiSystemId }, demo.admin);
    expect(attributes.data?.fairnessAttributes).toEqual([]);
  });

  it('lets only editors record windows', async () => {
    const aiSystemId = await systemId('Income document reader');
    const result = await demo.api.graphql(RECORD, { aiSystemId, attribute: 'language', start: '2026-07-01', end: '2026-07-08', counts: asInput(week1) }, demo.executive);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('shows the demo CV screener crossing the four-fifths line, with the shift dated and the trend down', async () => {
    const aiSystemId = await systemId('CV screening model');
    const attributes = await demo.api.graphql<{ fairnessAttributes: { attribute: string; windows: number; firstStart: string; lastEnd: string; groups: string[] }[] }>(
      `query($id: ID!) { fairnessAttributes(aiSystemId: $id) { attribute windows firstStart lastEnd groups } }`,
      { id: aiSystemId },
      demo.executive,
    );
    const lastEnd = mondayOnOrBefore(todayIso());
    expect(attributes.data?.fairnessAttributes).toEqual([{ attribute: 'sex', windows: DEMO_FAIRNESS_WEEKS, firstStart: expect.any(String), lastEnd, groups: ['F', 'M'] }]);

    const result = await demo.api.graphql<{ fairnessTrend: TrendResult }>(TREND, { aiSystemId, metric: 'DISPARATE_IMPACT', attribute: 'sex', privilegedGroup: 'M' }, demo.executive);
    expect(result.errors).toBeUndefined();
    const series = result.data!.fairnessTrend;
    expect(series).toMatchObject({ threshold: 0.8, thresholdDirection: 'BELOW', breached: true, projectedBreach: null });
    expect(series.points).toHaveLength(DEMO_FAIRNESS_WEEKS);
    expect(series.points.at(-1)).toMatchObject({ end: lastEnd, n: 4200 });
    for (const point of series.points) expect(point.lower!).toBeLessThan(point.value!);
    // The drift starts 16 weeks before the last window; CUSUM dates a downward shift within it.
    expect(series.changePoints.length).toBeGreaterThanOrEqual(1);
    const shift = series.changePoints.at(-1)!;
    expect(shift.direction).toBe('down');
    expect(series.points.findIndex((point) => point.start === shift.startDate)).toBeGreaterThanOrEqual(DEMO_FAIRNESS_WEEKS - 17);
    expect(series.trend.direction).toBe('decreasing');
    // Before the drift it sits near 0.94; the last weeks near 0.68.
    expect(series.points[10]!.value!).toBeGreaterThan(0.85);
    expect(series.points.at(-1)!.value!).toBeLessThan(0.75);
  });

  it('projects when the slowly eroding credit model will cross the line, and finds no shift in the level fraud model', async () => {
    const credit = await demo.api.graphql<{ fairnessTrend: TrendResult }>(
      TREND,
      { aiSystemId: await systemId('Credit decisioning model'), metric: 'DISPARATE_IMPACT', attribute: 'age band', privilegedGroup: 'under 60' },
      demo.executive,
    );
    expect(credit.errors).toBeUndefined();
    const erosion = credit.data!.fairnessTrend;
    expect(erosion.breached).toBe(false);
    expect(erosion.trend.direction).toBe('decreasing');
    expect(erosion.projectedBreach).not.toBeNull();
    expect(erosion.projectedBreach!.date > erosion.points.at(-1)!.end).toBe(true);

    const fraud = await demo.api.graphql<{ fairnessTrend: TrendResult }>(
      TREND,
      { aiSystemId: await systemId('Fraud detection model'), metric: 'EQUALIZED_ODDS_DIFFERENCE', attribute: 'sex' },
      demo.executive,
    );
    expect(fraud.data?.fairnessTrend).toMatchObject({ threshold: 0.1, thresholdDirection: 'ABOVE', breached: false, changePoints: [] });
  });

  it('names the argument an engine check refuses', async () => {
    const aiSystemId = await systemId('CV screening model');
    const missing = await demo.api.graphql(TREND, { aiSystemId, metric: 'DISPARATE_IMPACT', attribute: 'sex' }, demo.admin);
    expect(missing.errors?.[0]).toMatchObject({
      message: 'metric disparateImpact compares with a privileged group, so options.privilegedGroup is required',
      extensions: { code: 'BAD_USER_INPUT', field: 'metric' },
    });
    const unknown = await demo.api.graphql(`query($id: ID!) { fairnessReport(aiSystemId: $id, attribute: "sex", privilegedGroup: "X") { windows } }`, { id: aiSystemId }, demo.admin);
    expect(unknown.errors?.[0]).toMatchObject({ message: 'privilegedGroup "X" is not one of the groups ("F", "M")', extensions: { field: 'privilegedGroup' } });
  });
});
