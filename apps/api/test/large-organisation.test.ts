import { createRiskMatrix, riskExposure, riskHeatmap, scoreRisk } from '@assay/risk-engine';
import { describe, expect, it } from 'vitest';
import { LARGE_SIGN_IN, LARGE_THRESHOLD, LargeOrganisationExists, seedLargeOrganisation } from '../src/seed/large.js';
import { todayIso } from '../src/services/dates.js';
import { useDemoApi } from './support/api.js';
import { testDatabases } from './support/databases.js';

const databases = await testDatabases();
// A threshold most systems' latest window is near, so some breach it and some do not.
const SIZES = { systems: 6, risks: 140, assessments: 10, findings: 30, weeks: 8, fairnessThreshold: 0.08 };

interface RiskRow {
  id: string;
  likelihood: number;
  impact: number;
  score: number;
  level: string;
  residualLikelihood: number | null;
  residualImpact: number | null;
  residualScore: number | null;
  assessments: { assessedAt: string; likelihood: number; impact: number; residualLikelihood: number | null; residualImpact: number | null }[];
}

interface Exposure {
  risks: number;
  byLevel: { level: string; count: number }[];
  meanScore: number | null;
  aboveAppetite: number;
}

const EXPOSURE = 'risks byLevel { level count } meanScore aboveAppetite';

describe.each(databases.available)('the large benchmark organisation on $name', (database) => {
  const demo = useDemoApi(database);
  let token = '';
  let risks: RiskRow[] = [];

  it('generates the register it is asked for, beside the demo organisations and invisible to them', async () => {
    const progress: string[] = [];
    const before = await demo.api.graphql<{ risks: { totalCount: number } }>('{ risks { totalCount } }', {}, demo.admin);
    await seedLargeOrganisation(demo.api.orm.em.fork(), SIZES, todayIso(), (stage, done, total) => progress.push(`${stage} ${done}/${total}`));
    expect(progress).toContain(`risks with their assessments ${SIZES.risks}/${SIZES.risks}`);
    expect(progress).toContain(`fairness windows ${SIZES.systems * 2 * SIZES.weeks}/${SIZES.systems * 2 * SIZES.weeks}`);

    token = await demo.api.signIn(LARGE_SIGN_IN.email, LARGE_SIGN_IN.password);
    const counts = await demo.api.graphql<Record<string, { totalCount: number }>>(
      '{ aiSystems { totalCount } risks { totalCount } findings(filter: { source: AUDIT }) { totalCount } controls { totalCount } audits { totalCount } }',
      {},
      token,
    );
    expect(counts.errors).toBeUndefined();
    expect(counts.data).toEqual({ aiSystems: { totalCount: 6 }, risks: { totalCount: 140 }, findings: { totalCount: 30 }, controls: { totalCount: 38 }, audits: { totalCount: 8 } });
    // The demo organisation's register is what it was.
    expect(await demo.api.graphql('{ risks { totalCount } }', {}, demo.admin)).toEqual(before);
  });

  it('stores scores the risk engine gives, and every risk’s latest assessment is its current rating', async () => {
    const register = await demo.api.graphql<{ risks: { nodes: RiskRow[] } }>(
      '{ risks(first: 500) { nodes { id likelihood impact score level residualLikelihood residualImpact residualScore assessments { assessedAt likelihood impact residualLikelihood residualImpact } } } }',
      {},
      token,
    );
    expect(register.errors).toBeUndefined();
    risks = register.data!.risks.nodes;
    expect(risks).toHaveLength(SIZES.risks);
    const matrix = createRiskMatrix();
    for (const risk of risks) {
      const expected = scoreRisk({ likelihood: risk.likelihood, impact: risk.impact }, matrix);
      expect({ score: risk.score, level: risk.level }).toEqual({ score: expected.score, level: expected.level });
      expect(risk.assessments).toHaveLength(SIZES.assessments);
      // Newest first: the head is today's rating.
      expect(risk.assessments[0]).toMatchObject({ likelihood: risk.likelihood, impact: risk.impact, residualLikelihood: risk.residualLikelihood, residualImpact: risk.residualImpact });
      if (risk.residualLikelihood !== null) expect(risk.residualScore).toBe(risk.residualLikelihood * risk.residualImpact!);
    }
    // The history moves: some ratings changed over the 18 months.
    const moved = risks.filter((risk) => new Set(risk.assessments.map((entry) => `${entry.likelihood}×${entry.impact}`)).size > 1);
    expect(moved.length).toBeGreaterThan(SIZES.risks / 4);
  });

  it('counts the heatmap and its exposure in the database exactly as the engine counts the listed risks', async () => {
    const matrix = createRiskMatrix();
    const answer = await demo.api.graphql<{ inherent: { total: number; cells: { likelihood: number; impact: number; count: number }[]; exposure: Exposure }; residual: { total: number; cells: { likelihood: number; impact: number; count: number }[]; exposure: Exposure } }>(
      `{ inherent: riskHeatmap { total cells { likelihood impact count } exposure { ${EXPOSURE} } } residual: riskHeatmap(residual: true) { total cells { likelihood impact count } exposure { ${EXPOSURE} } } }`,
      {},
      token,
    );
    expect(answer.errors).toBeUndefined();
    const inherentRatings = risks.map((risk) => ({ likelihood: risk.likelihood, impact: risk.impact }));
    const residualRatings = risks.map((risk) => ({ likelihood: risk.residualLikelihood ?? risk.likelihood, impact: risk.residualImpact ?? risk.impact }));
    const cellsOf = (ratings: typeof inherentRatings) => riskHeatmap(ratings, matrix).cells.map(({ likelihood, impact, count }) => ({ likelihood, impact, count }));
    expect(answer.data!.inherent.cells).toEqual(cellsOf(inherentRatings));
    expect(answer.data!.residual.cells).toEqual(cellsOf(residualRatings));
    const summary = (ratings: typeof inherentRatings) => {
      const exposure = riskExposure(ratings, matrix);
      return { risks: exposure.total, byLevel: exposure.byLevel, meanScore: exposure.meanScore, aboveAppetite: exposure.aboveAppetite };
    };
    expect(answer.data!.inherent.exposure).toEqual({ ...summary(inherentRatings), meanScore: expect.closeTo(summary(inherentRatings).meanScore!, 9) });
    expect(answer.data!.residual.exposure).toEqual({ ...summary(residualRatings), meanScore: expect.closeTo(summary(residualRatings).meanScore!, 9) });
  });

  it('rebuilds exposure over time in the database exactly as replaying every assessment does', async () => {
    const matrix = createRiskMatrix();
    const from = new Date(Date.now() - 560 * 86_400_000).toISOString().slice(0, 10);
    const trend = await demo.api.graphql<{ riskTrend: { date: string; inherent: Exposure; residual: Exposure }[] }>(
      `query($from: String!) { riskTrend(from: $from, interval: WEEK) { date inherent { ${EXPOSURE} } residual { ${EXPOSURE} } } }`,
      { from },
      token,
    );
    expect(trend.errors).toBeUndefined();
    const points = trend.data!.riskTrend;
    expect(points.length).toBeGreaterThan(75);
    // Replay: on each date, every risk at its latest assessment made by the end of that day.
    const history = risks.map((risk) => [...risk.assessments].sort((a, b) => a.assessedAt.localeCompare(b.assessedAt)));
    for (const point of points) {
      const endOfDay = `${point.date}T23:59:59.999Z`;
      const current = history.map((entries) => entries.filter((entry) => entry.assessedAt <= endOfDay).at(-1)).filter((entry) => entry !== undefined);
      const inherent = riskExposure(current.map((entry) => ({ likelihood: entry.likelihood, impact: entry.impact })), matrix);
      const residual = riskExposure(current.map((entry) => ({ likelihood: entry.residualLikelihood ?? entry.likelihood, impact: entry.residualImpact ?? entry.impact })), matrix);
      expect({ date: point.date, risks: point.inherent.risks, byLevel: point.inherent.byLevel, aboveAppetite: point.inherent.aboveAppetite }).toEqual({ date: point.date, risks: inherent.total, byLevel: inherent.byLevel, aboveAppetite: inherent.aboveAppetite });
      expect({ date: point.date, risks: point.residual.risks, byLevel: point.residual.byLevel, aboveAppetite: point.residual.aboveAppetite }).toEqual({ date: point.date, risks: residual.total, byLevel: residual.byLevel, aboveAppetite: residual.aboveAppetite });
    }
    // The series starts before the first assessment (empty) and ends on the whole register.
    expect(points[0]!.inherent.risks).toBe(0);
    expect(points.at(-1)!.inherent.risks).toBe(SIZES.risks);
  });

  it('gives every system weekly fairness windows that a trend reads', async () => {
    const systems = await demo.api.graphql<{ aiSystems: { nodes: { id: string }[] } }>('{ aiSystems(first: 1) { nodes { id } } }', {}, token);
    const trend = await demo.api.graphql<{ fairnessTrend: { points: { value: number | null }[] } }>(
      'query($id: ID!) { fairnessTrend(aiSystemId: $id, metric: DEMOGRAPHIC_PARITY_DIFFERENCE, attribute: "age_band") { points { value } } }',
      { id: systems.data!.aiSystems.nodes[0]!.id },
      token,
    );
    expect(trend.errors).toBeUndefined();
    expect(trend.data!.fairnessTrend.points).toHaveLength(SIZES.weeks);
    for (const point of trend.data!.fairnessTrend.points) expect(point.value).toEqual(expect.any(Number));
  });

  it('monitors every system with a threshold, and has a finding open for each one its latest window breaches', async () => {
    const answer = await demo.api.graphql<{
      fairnessThresholds: { id: string; aiSystem: { id: string }; attribute: string; metric: string; direction: string; value: number }[];
      findings: { nodes: { aiSystem: { id: string }; status: string; kind: string }[] };
    }>('{ fairnessThresholds { id aiSystem { id } attribute metric direction value } findings(filter: { source: MONITORING }, first: 100) { nodes { aiSystem { id } status kind } } }', {}, token);
    expect(answer.errors).toBeUndefined();
    const { fairnessThresholds, findings } = answer.data!;
    expect(fairnessThresholds).toHaveLength(SIZES.systems);
    const breached: string[] = [];
    for (const threshold of fairnessThresholds) {
      expect(threshold).toMatchObject({ attribute: LARGE_THRESHOLD.attribute, metric: 'DEMOGRAPHIC_PARITY_DIFFERENCE', direction: 'ABOVE', value: SIZES.fairnessThreshold });
      const trend = await demo.api.graphql<{ fairnessTrend: { points: { value: number }[] } }>(
        `query($id: ID!) { fairnessTrend(aiSystemId: $id, metric: DEMOGRAPHIC_PARITY_DIFFERENCE, attribute: "${LARGE_THRESHOLD.attribute}") { points { value } } }`,
        { id: threshold.aiSystem.id },
        token,
      );
      if (trend.data!.fairnessTrend.points.at(-1)!.value > SIZES.fairnessThreshold) breached.push(threshold.aiSystem.id);
    }
    // Some systems breach and some do not, so the comparison below means something.
    expect(breached.length).toBeGreaterThan(0);
    expect(breached.length).toBeLessThan(SIZES.systems);
    expect(findings.nodes.map((finding) => finding.aiSystem.id).sort()).toEqual(breached.sort());
    for (const finding of findings.nodes) expect(finding).toMatchObject({ status: 'OPEN', kind: 'MINOR_NONCONFORMITY' });
  });

  it('refuses to generate a second time and adds nothing', async () => {
    await expect(seedLargeOrganisation(demo.api.orm.em.fork(), SIZES, todayIso())).rejects.toThrow(LargeOrganisationExists);
    const counts = await demo.api.graphql<{ risks: { totalCount: number } }>('{ risks { totalCount } }', {}, token);
    expect(counts.data!.risks.totalCount).toBe(SIZES.risks);
  });
});
