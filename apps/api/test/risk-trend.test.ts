import { riskExposure } from '@assay/risk-engine';
import { describe, expect, it } from 'vitest';
import { DEMO_AI_SYSTEMS, DEMO_HISTORY_WEEKS, DEMO_REFERENCE_DATE } from '../src/seed/demo.js';
import { addDays } from '../src/services/dates.js';
import { periodEnds } from '../src/services/risk-history.js';
import { useCountingApi, useDemoApi } from './support/api.js';
import { testDatabases } from './support/databases.js';

const databases = await testDatabases();

describe('periodEnds', () => {
  it('steps by weeks and by months, keeping the day and clamping it to short months', () => {
    expect(periodEnds('2026-01-01', '2026-01-29', 'week')).toEqual(['2026-01-08', '2026-01-15', '2026-01-22', '2026-01-29']);
    expect(periodEnds('2026-01-31', '2026-05-31', 'month')).toEqual(['2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31']);
    expect(periodEnds('2026-01-01', '2026-01-07', 'week')).toEqual([]);
  });
});

interface Point {
  date: string;
  inherent: { risks: number; meanScore: number | null; totalScore: number; aboveAppetite: number; byLevel: { level: string; count: number }[] };
  residual: { risks: number; meanScore: number | null; totalScore: number; aboveAppetite: number };
}

describe.each(databases.available)('riskTrend on $name', (database) => {
  const demo = useDemoApi(database);

  it('rebuilds inherent and residual exposure from the assessment history', async () => {
    const register = await demo.api.graphql<{ risks: { nodes: { likelihood: number; impact: number; residualLikelihood: number | null; residualImpact: number | null; assessments: { assessedAt: string }[] }[] } }>(
      `{ risks { nodes { likelihood impact residualLikelihood residualImpact assessments { assessedAt } } } }`,
      {},
      demo.admin,
    );
    const risks = register.data!.risks.nodes;
    const firstAssessment = risks.flatMap((risk) => risk.assessments.map((entry) => entry.assessedAt)).sort()[0]!.slice(0, 10);
    const before = new Date(Date.parse(firstAssessment) - 86_400_000).toISOString().slice(0, 10);
    const result = await demo.api.graphql<{ riskTrend: Point[] }>(`query($from: String!) { riskTrend(from: $from, interval: MONTH) {
      date inherent { risks meanScore totalScore aboveAppetite byLevel { level count } } residual { risks meanScore totalScore aboveAppetite }
    } }`, { from: before }, demo.executive);
    expect(result.errors).toBeUndefined();
    const points = result.data!.riskTrend;
    // The day before the first assessment the register is empty; today it is the whole register.
    expect(points[0]).toMatchObject({ date: before, inherent: { risks: 0, meanScore: null, totalScore: 0 } });
    const last = points.at(-1)!;
    const inherentNow = riskExposure(risks);
    const residualNow = riskExposure(risks.map((risk) => ({ likelihood: risk.residualLikelihood ?? risk.likelihood, impact: risk.residualImpact ?? risk.impact })));
    expect(last.inherent).toMatchObject({ risks: risks.length, meanScore: inherentNow.meanScore, aboveAppetite: inherentNow.aboveAppetite });
    expect(last.inherent.byLevel).toEqual(inherentNow.byLevel);
    expect(last.residual).toMatchObject({ risks: risks.length, meanScore: residualNow.meanScore, aboveAppetite: residualNow.aboveAppetite });
    // Risks are added over the year and treated in steps: counts never fall, and treatment opens a gap.
    for (let index = 1; index < points.length; index += 1) expect(points[index]!.inherent.risks).toBeGreaterThanOrEqual(points[index - 1]!.inherent.risks);
    expect(last.residual.totalScore).toBeLessThan(last.inherent.totalScore);
    // Treatment came in steps, so residual exposure took several values over the year.
    expect(new Set(points.map((point) => point.residual.totalScore)).size).toBeGreaterThan(3);
    expect(points.at(-1)!.date).toBe(new Date().toISOString().slice(0, 10));
  });

  it("tells the demo's story: exposure jumps as the CV screener and the assistant go live, then falls below its level at the management review", async () => {
    const weekOf = (name: string) => DEMO_AI_SYSTEMS.find((system) => system.name === name)!.inventoryWeeksAgo;
    const day = (weeksAgo: number) => addDays(DEMO_REFERENCE_DATE, -7 * weeksAgo);
    const result = await demo.api.graphql<{ riskTrend: Point[] }>(
      `query($from: String!) { riskTrend(from: $from, interval: WEEK) { date inherent { risks totalScore } residual { totalScore } } }`,
      { from: day(DEMO_HISTORY_WEEKS + 1) },
      demo.executive,
    );
    expect(result.errors).toBeUndefined();
    const points = result.data!.riskTrend;
    const at = (date: string) => [...points].reverse().find((point) => point.date <= date)!;
    // Each go-live adds its risks: a clear step up in inherent exposure within eight weeks.
    for (const system of ['CV screening model', 'Customer assistant']) {
      const before = at(day(weekOf(system) + 1));
      const after = at(day(weekOf(system) - 8));
      expect(after.inherent.risks - before.inherent.risks).toBeGreaterThanOrEqual(4);
      expect(after.inherent.totalScore - before.inherent.totalScore).toBeGreaterThanOrEqual(50);
    }
    // Residual exposure peaks before the management review of 24 June 2026 and is lower now than then, as is inherent exposure.
    const review = at('2026-06-24');
    const now = points.at(-1)!;
    const peak = points.reduce((top, point) => (point.residual.totalScore > top.residual.totalScore ? point : top));
    expect(peak.date < '2026-06-24').toBe(true);
    expect(now.residual.totalScore).toBeLessThan(review.residual.totalScore * 0.8);
    expect(now.inherent.totalScore).toBeLessThan(review.inherent.totalScore);
  });

  it('refuses a span that ends before it starts', async () => {
    const result = await demo.api.graphql(`{ riskTrend(from: "2026-06-01", to: "2026-05-01") { date } }`, {}, demo.admin);
    expect(result.errors?.[0]).toMatchObject({ message: 'to must be after from (2026-06-01), got 2026-05-01', extensions: { code: 'BAD_USER_INPUT', field: 'to' } });
  });
});

describe.each(databases.available)('riskTrend reuse on $name', (database) => {
  const demo = useCountingApi(database);
  const TREND = 'query($from: String!) { riskTrend(from: $from, interval: MONTH) { date inherent { risks totalScore } residual { totalScore } } }';
  const trend = async () => {
    const { data, statements } = await demo.counted<{ riskTrend: { date: string; inherent: { risks: number; totalScore: number }; residual: { totalScore: number } }[] }>(TREND, { from: '2026-01-01' });
    return { points: data.riskTrend, statements };
  };

  it('answers again from the same computation until a change is recorded, then from the new history', async () => {
    const first = await trend();
    const again = await trend();
    expect(again.points).toEqual(first.points);
    // The second answer reads the audit log's place, not the assessment history.
    expect(again.statements).toBeLessThan(first.statements);

    const created = await demo.api.graphql(`mutation($input: CreateRiskInput!) { createRisk(input: $input) { id } }`, { input: { title: 'Reuse check', likelihood: 5, impact: 5 } }, demo.admin);
    expect(created.errors).toBeUndefined();
    const after = await trend();
    const [before, now] = [first.points.at(-1)!, after.points.at(-1)!];
    expect(now.inherent).toEqual({ risks: before.inherent.risks + 1, totalScore: before.inherent.totalScore + 25 });
    expect(after.statements).toBe(first.statements);
    // The months before today are as they were.
    expect(after.points.slice(0, -1)).toEqual(first.points.slice(0, -1));
  });
});
