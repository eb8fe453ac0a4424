import { describe, expect, it } from 'vitest';
import { Risk } from '../src/entities/risk.entity.js';
import { DEMO_ACCOUNTS, DEMO_RISKS, DEMO_SIGN_IN, SECOND_TENANT_ADMIN } from '../src/seed/demo.js';
import { useDemoApi } from './support/api.js';
import { testDatabases } from './support/databases.js';

const databases = await testDatabases();

const CRITERIA_FIELDS = 'likelihood { value label } impact { value label } grid bands { level min max } appetite maxScore version updatedAt';
const UPDATE = `mutation($input: RiskCriteriaInput!) { updateRiskCriteria(input: $input) { ${CRITERIA_FIELDS} } }`;

interface Criteria {
  likelihood: { value: number; label: string }[];
  impact: { value: number; label: string }[];
  grid: number[][];
  bands: { level: string; min: number; max: number }[];
  appetite: number;
  maxScore: number;
  version: number;
  updatedAt: string | null;
}

interface RiskState {
  id: string;
  title: string;
  likelihood: number;
  impact: number;
  residualLikelihood: number | null;
  residualImpact: number | null;
  score: number;
  level: string;
  withinAppetite: boolean;
  residualScore: number | null;
  residualLevel: string | null;
  version: number;
  assessments: { score: number; level: string; residualScore: number | null; residualLevel: string | null }[];
}

const levels = (labels: string[]) => labels.map((label) => ({ label }));

/** The engine's default 5×5 matrix (packages/risk-engine README, createRiskMatrix). */
const DEFAULT_BANDS = [
  { level: 'Low', min: 1, max: 4 },
  { level: 'Medium', min: 5, max: 9 },
  { level: 'High', min: 10, max: 16 },
  { level: 'Critical', min: 20, max: 25 },
];

describe.each(databases.available)('risk criteria on $name', (database) => {
  const demo = useDemoApi(database);
  const tokens: Record<string, string> = {};

  async function token(email: string, password = DEMO_SIGN_IN.password): Promise<string> {
    tokens[email] ??= await demo.api.signIn(email, password);
    return tokens[email]!;
  }
  const contoso = () => token(SECOND_TENANT_ADMIN.email, SECOND_TENANT_ADMIN.password);

  async function criteria(as: string): Promise<Criteria> {
    const result = await demo.api.graphql<{ riskMatrix: Criteria }>(`{ riskMatrix { ${CRITERIA_FIELDS} } }`, {}, as);
    expect(result.errors).toBeUndefined();
    return result.data!.riskMatrix;
  }

  /** Every risk of an organisation, read one by one through `risk(id)`, by title. */
  async function risks(organisation: string, as: string): Promise<Map<string, RiskState>> {
    const ids = (await demo.api.orm.em.fork().find(Risk, { organisation: { name: organisation } }, { fields: ['id'] })).map((risk) => risk.id);
    const fields = 'id title likelihood impact residualLikelihood residualImpact score level withinAppetite residualScore residualLevel version assessments { score level residualScore residualLevel }';
    const query = `{ ${ids.map((id, index) => `r${index}: risk(id: "${id}") { ${fields} }`).join(' ')} }`;
    const result = await demo.api.graphql<Record<string, RiskState>>(query, {}, as);
    expect(result.errors).toBeUndefined();
    return new Map(Object.values(result.data!).map((risk) => [risk.title, risk]));
  }
  const northwindRisks = async () => risks('Northwind Lending (demo)', demo.admin);
  const contosoRisks = async () => risks('Contoso Health (demo)', await contoso());

  async function update(input: Record<string, unknown>, as: string) {
    return demo.api.graphql<{ updateRiskCriteria: Criteria }>(UPDATE, { input }, as);
  }

  it('returns the default 5×5 matrix to an organisation without criteria of its own, and its own to one with', async () => {
    expect(await criteria(demo.executive)).toEqual({
      likelihood: levels(['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain']).map((level, index) => ({ value: index + 1, ...level })),
      impact: levels(['Insignificant', 'Minor', 'Moderate', 'Major', 'Catastrophic']).map((level, index) => ({ value: index + 1, ...level })),
      grid: [1, 2, 3, 4, 5].map((likelihood) => [1, 2, 3, 4, 5].map((impact) => likelihood * impact)),
      bands: DEFAULT_BANDS,
      appetite: 4,
      maxScore: 25,
      version: 0,
      updatedAt: null,
    });
    // Contoso's seeded 4×5 clinical criteria: bands Low 1–3, Medium 4–6, High 8–12, Extreme 15–20, appetite 3.
    const own = await criteria(await contoso());
    expect(own).toMatchObject({ likelihood: [{ value: 1, label: 'Rare' }, { value: 2 }, { value: 3 }, { value: 4, label: 'Almost certain' }], appetite: 3, maxScore: 20, version: 1 });
    expect(own.impact.map((step) => step.label)).toEqual(['No harm', 'Minor harm', 'Moderate harm', 'Severe harm', 'Death']);
    expect(own.grid[3]).toEqual([4, 8, 12, 16, 20]);
    expect(own.updatedAt).not.toBeNull();
    // Its risks are scored on them: 3 × 5 = 15 is Extreme, 3 × 4 = 12 is High, both above 3.
    const scored = await contosoRisks();
    expect(scored.get('Triage assistant under-triages older patients')).toMatchObject({ score: 15, level: 'Extreme', withinAppetite: false });
    expect(scored.get('Clinicians over-rely on the suggested category')).toMatchObject({ score: 12, level: 'High', withinAppetite: false });
  });

  it.each([
    [{ likelihood: levels(['Low', 'High']) }, 'likelihood', 'likelihood must have 3 to 7 levels, got 2'],
    [{ impact: levels(['1', '2', '3', '4', '5', '6', '7', '8']) }, 'impact', 'impact must have 3 to 7 levels, got 8'],
    [{ impact: levels(['Minor', 'Moderate', '  ', 'Major', 'Severe']) }, 'impact[2].label', 'impact[2].label must not be empty'],
    [{ likelihood: levels(['x'.repeat(61), 'b', 'c']) }, 'likelihood[0].label', 'likelihood[0].label must be at most 60 characters, got 61'],
    [{ impact: levels(['Minor', 'Moderate', 'Major', ' Moderate ', 'Severe']) }, 'impact[3].label', 'impact[3].label must be unique, but "Moderate" is also impact[1].label'],
    [{ bands: [] }, 'bands', 'bands must list 1 to 10 bands, got 0'],
    [{ bands: [{ level: 'Low', min: 1, max: 9 }, { level: ' ', min: 10, max: 25 }] }, 'bands[1].level', 'bands[1].level must not be empty'],
    [{ bands: [{ level: 'Low', min: 1, max: 9 }, { level: 'High', min: 10, max: 16 }, { level: 'High', min: 17, max: 25 }] }, 'bands[2].level', 'bands[2].level must be unique, but "High" names two bands'],
    [{ bands: [{ level: 'Low', min: 4, max: 1 }, { level: 'High', min: 5, max: 25 }] }, 'bands[0].max', 'bands[0].max must be at least min (4), got 1'],
    [{ bands: [{ level: 'Low', min: 1, max: 10 }, { level: 'High', min: 10, max: 25 }] }, 'bands', 'bands must not overlap, got Low (1–10) and High (10–25)'],
    // On 5×5 the first score the bands miss, row by row, is 1 × 5 = 5.
    [{ bands: [{ level: 'Low', min: 1, max: 4 }, { level: 'High', min: 6, max: 25 }] }, 'bands', 'bands must cover every score the matrix can produce, but 5 (likelihood 1, impact 5) falls in none'],
    [{ appetite: -1 }, 'appetite', 'appetite must be a finite number ≥ 0, got -1'],
    [{ appetite: 26 }, 'appetite', 'appetite must be at most 25, the highest score of the 5×5 matrix, got 26'],
  ])('refuses %j naming %s, and changes nothing', async (input, field, message) => {
    const before = await northwindRisks();
    const result = await update({ expectedVersion: 0, ...input }, demo.admin);
    expect(result.errors?.[0]).toMatchObject({ message, extensions: { code: 'BAD_USER_INPUT', field } });
    expect(await criteria(demo.admin)).toMatchObject({ version: 0, bands: DEFAULT_BANDS, appetite: 4 });
    expect(await northwindRisks()).toEqual(before);
  });

  it('refuses a scale that drops a rating in use, naming the scale and how many risks hold it', async () => {
    // Northwind's risks go up to likelihood 4 (eleven of them, inherent) and impact 5 (five: 4 × 5, three at 3 × 5 and 2 × 5).
    const likelihood = await update({ expectedVersion: 0, likelihood: levels(['Low', 'Medium', 'High']), bands: [{ level: 'Low', min: 1, max: 4 }, { level: 'High', min: 5, max: 15 }] }, demo.admin);
    expect(likelihood.errors?.[0]).toMatchObject({
      message: 'likelihood must keep at least 4 levels: 11 risks are rated above 3 (up to 4, inherent or residual); re-rate them first',
      extensions: { code: 'BAD_USER_INPUT', field: 'likelihood' },
    });
    const impact = await update({ expectedVersion: 0, impact: levels(['Minor', 'Moderate', 'Major', 'Severe']), bands: [{ level: 'Low', min: 1, max: 5 }, { level: 'High', min: 6, max: 20 }] }, demo.admin);
    expect(impact.errors?.[0]).toMatchObject({
      message: 'impact must keep at least 5 levels: 5 risks are rated above 4 (up to 5, inherent or residual); re-rate them first',
      extensions: { code: 'BAD_USER_INPUT', field: 'impact' },
    });
    // One risk alone says so.
    const contosoImpact = await update({ expectedVersion: 1, impact: levels(['Minor', 'Moderate', 'Major', 'Severe']), bands: [{ level: 'Low', min: 1, max: 4 }, { level: 'High', min: 6, max: 16 }] }, await contoso());
    expect(contosoImpact.errors?.[0]).toMatchObject({ message: 'impact must keep at least 5 levels: 1 risk is rated above 4 (up to 5, inherent or residual); re-rate them first', extensions: { field: 'impact' } });
    expect((await criteria(demo.admin)).version).toBe(0);
    expect((await criteria(await contoso())).version).toBe(1);
  });

  it('lets administrators and risk managers change the criteria, and no other role', async () => {
    for (const account of DEMO_ACCOUNTS.filter((account) => account.role !== 'admin' && account.role !== 'risk_manager')) {
      const refused = await update({ expectedVersion: 0, appetite: 9 }, await token(account.email));
      expect(refused.errors?.[0]?.extensions?.code, account.role).toBe('FORBIDDEN');
    }
    expect((await update({ expectedVersion: 0, appetite: 9 }, 'not-a-session')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await criteria(demo.admin)).version).toBe(0);
    // The risk manager raises the appetite to 9: every risk scoring up to 9 is now within it.
    const riskManager = DEMO_ACCOUNTS.find((account) => account.role === 'risk_manager')!;
    const raised = await update({ expectedVersion: 0, appetite: 9 }, await token(riskManager.email));
    expect(raised.errors).toBeUndefined();
    expect(raised.data?.updateRiskCriteria).toMatchObject({ appetite: 9, version: 1, bands: DEFAULT_BANDS, maxScore: 25 });
    const within = [...(await northwindRisks()).values()].filter((risk) => risk.withinAppetite).map((risk) => risk.score);
    // Demo scores at most 9: 3 × 3 (six times), 2 × 4 (four times), 3 × 2, 2 × 2 and 1 × 2.
    expect(within.sort((a, b) => a - b)).toEqual([2, 4, 6, 8, 8, 8, 8, 9, 9, 9, 9, 9, 9]);
    // Back to 4, by the administrator this time.
    expect((await update({ expectedVersion: 1, appetite: 4 }, demo.admin)).data?.updateRiskCriteria).toMatchObject({ appetite: 4, version: 2 });
  });

  it('refuses a change based on a stale version as a conflict', async () => {
    const stale = await update({ expectedVersion: 1, appetite: 5 }, demo.admin);
    expect(stale.errors?.[0]).toMatchObject({ message: 'The risk criteria was changed by someone else (now version 2, your edit is based on 1); reload it and apply your change again', extensions: { code: 'CONFLICT' } });
    // expectedVersion is required.
    const missing = await update({ appetite: 5 }, demo.admin);
    expect(missing.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await criteria(demo.admin)).toMatchObject({ version: 2, appetite: 4 });
  });

  it('keeps two simultaneous changes from mixing: one wins whole, the other is a conflict', async () => {
    const renamed = (prefix: string) => DEFAULT_BANDS.map((band) => ({ ...band, level: `${prefix} ${band.level}` }));
    const results = await Promise.all(['A', 'B'].map((prefix) => update({ expectedVersion: 2, bands: renamed(prefix) }, demo.admin)));
    const won = results.filter((result) => result.errors === undefined);
    expect(won).toHaveLength(1);
    expect(results.find((result) => result.errors !== undefined)?.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const winner = won[0]!.data!.updateRiskCriteria.bands[0]!.level.slice(0, 1);
    expect(await criteria(demo.admin)).toMatchObject({ version: 3, bands: renamed(winner) });
    // Every risk carries the winner's levels, inherent and residual.
    for (const risk of (await northwindRisks()).values()) {
      expect(risk.level.startsWith(`${winner} `), risk.title).toBe(true);
      if (risk.residualLevel !== null) expect(risk.residualLevel.startsWith(`${winner} `), risk.title).toBe(true);
    }
    expect(demo.api.loggedErrors).toEqual([]);
  });

  it('re-scores every risk on a 3×5 matrix at once, keeps the assessment history, and leaves the other organisation alone', async () => {
    const as = await contoso();
    const before = await contosoRisks();
    const triage = before.get('Triage assistant under-triages older patients')!;
    // A residual rating of 1 × 4 = 4: Medium (4–6) on Contoso's seeded criteria.
    const treated = await demo.api.graphql<{ updateRisk: RiskState }>(
      `mutation($id: ID!, $version: Int!) { updateRisk(id: $id, input: { expectedVersion: $version, residualLikelihood: 1, residualImpact: 4 }) { residualScore residualLevel } }`,
      { id: triage.id, version: triage.version },
      as,
    );
    expect(treated.data?.updateRisk).toEqual({ residualScore: 4, residualLevel: 'Medium' });
    const northwindBefore = await northwindRisks();
    const northwindCriteria = await criteria(demo.admin);

    // 3 × 5 products: 1–6, 8, 9, 10, 12 and 15.
    const bands = [
      { level: 'Critical', min: 15, max: 15 },
      { level: 'Low', min: 1, max: 4 },
      { level: 'Medium', min: 5, max: 9 },
      { level: 'High', min: 10, max: 12 },
    ];
    const changed = await update({ expectedVersion: 1, likelihood: levels([' Unlikely ', 'Possible', 'Likely']), bands, appetite: 12 }, as);
    expect(changed.errors).toBeUndefined();
    expect(changed.data?.updateRiskCriteria).toMatchObject({
      likelihood: [{ value: 1, label: 'Unlikely' }, { value: 2, label: 'Possible' }, { value: 3, label: 'Likely' }],
      impact: [{ value: 1, label: 'No harm' }, { value: 2 }, { value: 3 }, { value: 4 }, { value: 5, label: 'Death' }],
      grid: [
        [1, 2, 3, 4, 5],
        [2, 4, 6, 8, 10],
        [3, 6, 9, 12, 15],
      ],
      // Sorted from the lowest scores up.
      bands: [bands[1], bands[2], bands[3], bands[0]],
      appetite: 12,
      maxScore: 15,
      version: 2,
    });

    const after = await contosoRisks();
    // 3 × 5 = 15 stays above the appetite, now Critical; residual 1 × 4 = 4 is now Low.
    expect(after.get(triage.title)).toMatchObject({ score: 15, level: 'Critical', withinAppetite: false, residualScore: 4, residualLevel: 'Low' });
    // 3 × 4 = 12 is High and, at the new appetite of 12, within it.
    expect(after.get('Clinicians over-rely on the suggested category')).toMatchObject({ score: 12, level: 'High', withinAppetite: true, residualScore: null, residualLevel: null });
    // The assessments stay as they were made, on the seeded criteria; the change adds none.
    const treatment: RiskState['assessments'] = [{ score: 15, level: 'Extreme', residualScore: 4, residualLevel: 'Medium' }];
    for (const [title, risk] of after) expect(risk.assessments, title).toEqual([...(title === triage.title ? treatment : []), ...before.get(title)!.assessments]);

    // The heatmap has the new dimensions: 3 × 5 cells, scored and banded anew.
    const heatmap = await demo.api.graphql<{ inherent: { total: number; cells: { likelihood: number; impact: number; score: number; level: string; count: number }[] }; residual: { cells: { likelihood: number; impact: number; count: number }[] } }>(
      `{ inherent: riskHeatmap { total cells { likelihood impact score level count } } residual: riskHeatmap(residual: true) { cells { likelihood impact count } } }`,
      {},
      as,
    );
    expect(heatmap.errors).toBeUndefined();
    expect(heatmap.data!.inherent.cells).toHaveLength(15);
    expect(heatmap.data!.inherent.cells.at(-1)).toEqual({ likelihood: 3, impact: 5, score: 15, level: 'Critical', count: 1 });
    expect(heatmap.data!.inherent.cells.filter((cell) => cell.count > 0)).toEqual([
      { likelihood: 3, impact: 4, score: 12, level: 'High', count: 1 },
      { likelihood: 3, impact: 5, score: 15, level: 'Critical', count: 1 },
    ]);
    // Residual: the triage risk at 1 × 4; the untreated one keeps 3 × 4.
    expect(heatmap.data!.residual.cells.filter((cell) => cell.count > 0)).toEqual([
      { likelihood: 1, impact: 4, count: 1 },
      { likelihood: 3, impact: 4, count: 1 },
    ]);

    // Exposure counts in the new bands: 15 Critical and 12 High; only 15 is above 12.
    const today = new Date().toISOString().slice(0, 10);
    const trend = await demo.api.graphql<{ riskTrend: { date: string; inherent: { byLevel: { level: string; count: number }[]; aboveAppetite: number } }[] }>(
      `query($from: String!) { riskTrend(from: $from, interval: WEEK) { date inherent { byLevel { level count } aboveAppetite } } }`,
      { from: '2026-01-01' },
      as,
    );
    expect(trend.errors).toBeUndefined();
    expect(trend.data!.riskTrend.at(-1)).toEqual({
      date: today,
      inherent: { byLevel: [{ level: 'Low', count: 0 }, { level: 'Medium', count: 0 }, { level: 'High', count: 1 }, { level: 'Critical', count: 1 }], aboveAppetite: 1 },
    });

    // A new risk is rated on the new scales.
    const tooLikely = await demo.api.graphql(`mutation { createRisk(input: { title: "Alert fatigue", likelihood: 4, impact: 2 }) { id } }`, {}, as);
    expect(tooLikely.errors?.[0]).toMatchObject({ message: 'likelihood must be a whole number from 1 to 3, got 4', extensions: { field: 'likelihood' } });
    const created = await demo.api.graphql<{ createRisk: RiskState }>(`mutation { createRisk(input: { title: "Alert fatigue", likelihood: 2, impact: 5 }) { score level withinAppetite } }`, {}, as);
    expect(created.data?.createRisk).toEqual({ score: 10, level: 'High', withinAppetite: true });

    // Northwind: same criteria, same risks, same versions.
    expect(await criteria(demo.admin)).toEqual(northwindCriteria);
    expect(await northwindRisks()).toEqual(northwindBefore);
  });

  it('re-scores the register on a 4×4 matrix once no risk needs the fifth impact, also in the heatmap of the past and the exposure over time', async () => {
    // Re-rate the five risks at impact 5 down to 4 (their residual impact with them).
    const before = await northwindRisks();
    const asOf = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    for (const risk of [...before.values()].filter((risk) => risk.impact === 5)) {
      const result = await demo.api.graphql(
        `mutation($id: ID!, $input: UpdateRiskInput!) { updateRisk(id: $id, input: $input) { id } }`,
        { id: risk.id, input: { expectedVersion: risk.version, impact: 4, ...(risk.residualImpact === null ? {} : { residualImpact: 4 }) } },
        demo.admin,
      );
      expect(result.errors, risk.title).toBeUndefined();
    }
    // 4 × 4 products: 1–4, 6, 8, 9, 12 and 16.
    const changed = await update(
      {
        expectedVersion: 3,
        likelihood: levels(['Rare', 'Unlikely', 'Likely', 'Almost certain']),
        impact: levels(['Minor', 'Moderate', 'Major', 'Severe']),
        bands: [
          { level: 'Low', min: 1, max: 3 },
          { level: 'Medium', min: 4, max: 6 },
          { level: 'High', min: 8, max: 9 },
          { level: 'Critical', min: 12, max: 16 },
        ],
        appetite: 6,
      },
      demo.admin,
    );
    expect(changed.errors).toBeUndefined();
    expect(changed.data?.updateRiskCriteria).toMatchObject({ maxScore: 16, appetite: 6, version: 4 });
    expect(changed.data?.updateRiskCriteria.grid).toEqual([1, 2, 3, 4].map((likelihood) => [1, 2, 3, 4].map((impact) => likelihood * impact)));

    // The demo ratings with impact 5 now 4, on the bands above: [score, level, within 6, residual score, residual level].
    const expected: Record<string, [number, string, boolean, number | null, string | null]> = {
      'Credit model under-approves applicants over 60': [16, 'Critical', false, 8, 'High'], // 4 × 4; residual 2 × 4
      'Explanations for declined loans are incomplete': [12, 'Critical', false, 3, 'Low'], // 3 × 4; residual 1 × 3
      'Declared income can be inflated to pass the credit model': [16, 'Critical', false, 8, 'High'], // 4 × 4; residual 2 × 4
      'Credit model not revalidated after the interest-rate rise': [16, 'Critical', false, 6, 'Medium'], // 4 × 4; residual 2 × 3
      'Applicants cannot reach a person to contest a decline': [12, 'Critical', false, 4, 'Medium'], // 3 × 4; residual 1 × 4
      'Credit model documentation not ready for Annex IV': [16, 'Critical', false, 8, 'High'], // 4 × 4; residual 2 × 4
      'Postcode features act as a proxy for nationality': [12, 'Critical', false, 8, 'High'], // 3 × 4; residual 2 × 4
      'Training data for fraud model lacks provenance records': [12, 'Critical', false, 4, 'Medium'], // 3 × 4; residual 1 × 4
      'No human review of automated account closures': [8, 'High', false, 4, 'Medium'], // 2 × 4; residual 1 × 4
      'Fraud model misses new authorised push payment scams': [16, 'Critical', false, 8, 'High'], // 4 × 4; residual 2 × 4
      "False fraud alerts freeze genuine customers' accounts": [9, 'High', false, 6, 'Medium'], // 3 × 3; residual 2 × 3
      'Fraudsters probe the fraud model to learn its thresholds': [8, 'High', false, 4, 'Medium'], // 2 × 4; residual 1 × 4
      'Chat assistant gives unqualified financial advice': [12, 'Critical', false, 8, 'High'], // 3 × 4; residual 2 × 4
      'Prompt injection through uploaded documents': [8, 'High', false, null, null], // 2 × 4
      'Customers not told they are talking to an AI system': [12, 'Critical', false, 4, 'Medium'], // 3 × 4; residual 1 × 4
      'Chat assistant invents loan terms': [12, 'Critical', false, 8, 'High'], // 3 × 4; residual 2 × 4
      'Chat transcripts kept by the model provider': [12, 'Critical', false, 4, 'Medium'], // 3 × 4; residual 1 × 4
      'Customers in financial difficulty are not passed to staff': [12, 'Critical', false, 8, 'High'], // 3 × 4; residual 2 × 4
      'Provider changes the general-purpose model without notice': [9, 'High', false, 6, 'Medium'], // 3 × 3; residual 2 × 3
      'Model drift in income verification after policy change': [12, 'Critical', false, 6, 'Medium'], // 4 × 3; residual 2 × 3
      'Supplier model update without notice': [9, 'High', false, 6, 'Medium'], // 3 × 3; residual 2 × 3
      'Forged payslips pass the document checks': [12, 'Critical', false, 8, 'High'], // 3 × 4; residual 2 × 4
      'Bank statements kept longer than needed': [9, 'High', false, 3, 'Low'], // 3 × 3; residual 1 × 3
      'CV screener shortlists fewer women': [12, 'Critical', false, 8, 'High'], // 3 × 4; residual 2 × 4
      'Recruiters reject applications unread below a rank': [16, 'Critical', false, 8, 'High'], // 4 × 4; residual 2 × 4
      'Career gaps lower the rank of carers': [12, 'Critical', false, 8, 'High'], // 3 × 4; residual 2 × 4
      'Applicants not told that AI ranks their application': [12, 'Critical', false, 3, 'Low'], // 4 × 3; residual 1 × 3
      "No access to the supplier's technical documentation": [12, 'Critical', false, 6, 'Medium'], // 3 × 4; residual 2 × 3
      'Works council not consulted before the screener was used': [9, 'High', false, 3, 'Low'], // 3 × 3; residual 1 × 3
      'Credit offers target customers in financial difficulty': [12, 'Critical', false, 4, 'Medium'], // 3 × 4; residual 1 × 4
      'Customers who objected to direct marketing are still profiled': [8, 'High', false, 4, 'Medium'], // 2 × 4; residual 1 × 4
      'Propensity scores reused for credit limit increases': [12, 'Critical', false, 4, 'Medium'], // 3 × 4; residual 1 × 4
      'Event logs kept for less than six months': [16, 'Critical', false, 8, 'High'], // 4 × 4; residual 2 × 4
      'Staff unaware of the AI incident reporting route': [6, 'Medium', true, 2, 'Low'], // 3 × 2; residual 1 × 2
      'Energy use of retraining not monitored': [4, 'Medium', true, null, null], // 2 × 2
      'Outdated model cards for retired systems': [2, 'Low', true, null, null], // 1 × 2
      'Too few staff can validate models': [9, 'High', false, 6, 'Medium'], // 3 × 3; residual 2 × 3
      'No single inventory of the AI systems in use': [12, 'Critical', false, 3, 'Low'], // 4 × 3; residual 1 × 3
      'Staff paste customer data into public chat tools': [16, 'Critical', false, 8, 'High'], // 4 × 4; residual 2 × 4
      'EU AI Act obligations missed as application dates approach': [8, 'High', false, 4, 'Medium'], // 2 × 4; residual 1 × 4
      'Models deployed without sign-off from model risk': [12, 'Critical', false, 4, 'Medium'], // 3 × 4; residual 1 × 4
    };
    expect(Object.keys(expected).sort()).toEqual(DEMO_RISKS.map((risk) => risk.title).sort());
    const after = await northwindRisks();
    expect(Object.fromEntries([...after].map(([title, risk]) => [title, [risk.score, risk.level, risk.withinAppetite, risk.residualScore, risk.residualLevel]]))).toEqual(expected);

    // The heatmap of a moment before the re-rating has the new dimensions; ratings at impact 5 count at 4.
    const heatmap = await demo.api.graphql<{ then: { total: number; cells: { likelihood: number; impact: number; level: string; count: number }[] }; now: { cells: { count: number }[] } }>(
      `query($asOf: DateTimeISO) { then: riskHeatmap(asOf: $asOf) { total cells { likelihood impact level count } } now: riskHeatmap { cells { count } } }`,
      { asOf },
      demo.admin,
    );
    expect(heatmap.errors).toBeUndefined();
    expect(heatmap.data!.then.total).toBe(DEMO_RISKS.length);
    expect(heatmap.data!.then.cells).toHaveLength(16);
    expect(heatmap.data!.then.cells.filter((cell) => cell.count > 0).map(({ likelihood, impact, count }) => [likelihood, impact, count])).toEqual([
      [1, 2, 1],
      [2, 2, 1],
      [2, 4, 5], // 2 × 4 four times and 2 × 5
      [3, 2, 1],
      [3, 3, 6],
      [3, 4, 16], // 3 × 4 thirteen times and 3 × 5 three times
      [4, 3, 3],
      [4, 4, 8], // 4 × 4 seven times and 4 × 5
    ]);
    // The re-rating moved exactly those ratings, so the register now fills the same cells.
    expect(heatmap.data!.now.cells.map((cell) => cell.count)).toEqual(heatmap.data!.then.cells.map((cell) => cell.count));

    // A year of exposure, with ratings recorded on the 5×5 matrix, on the new bands; today's as above.
    const trend = await demo.api.graphql<{ riskTrend: { inherent: { byLevel: { level: string; count: number }[]; aboveAppetite: number }; residual: { byLevel: { level: string; count: number }[]; aboveAppetite: number } }[] }>(
      `{ riskTrend(from: "2025-11-01") { inherent { byLevel { level count } aboveAppetite } residual { byLevel { level count } aboveAppetite } } }`,
      {},
      demo.admin,
    );
    expect(trend.errors).toBeUndefined();
    for (const point of trend.data!.riskTrend) expect(point.inherent.byLevel.map((entry) => entry.level)).toEqual(['Low', 'Medium', 'High', 'Critical']);
    const counts = (byLevel: { count: number }[]) => byLevel.map((entry) => entry.count);
    const now = trend.data!.riskTrend.at(-1)!;
    // The table above: 1 Low, 2 Medium, 11 High (8 and 9) and 27 Critical (12 and 16); all but the 3 lowest above 6.
    expect({ inherent: counts(now.inherent.byLevel), above: now.inherent.aboveAppetite }).toEqual({ inherent: [1, 2, 11, 27], above: 38 });
    // Residual where given, else inherent: 2 (twice) and 3 (five times) | 4 (twelve times) and 6 (seven) | 8 (fifteen) | none.
    expect({ residual: counts(now.residual.byLevel), above: now.residual.aboveAppetite }).toEqual({ residual: [7, 19, 15, 0], above: 15 });

    // The management review pack counts the same way.
    const pack = await demo.api.graphql<{ managementReviewPack: { risks: { inherentNow: { byLevel: { level: string; count: number }[] } } } }>(`{ managementReviewPack { risks { inherentNow { byLevel { level count } } } } }`, {}, demo.executive);
    expect(pack.errors).toBeUndefined();
    expect(pack.data!.managementReviewPack.risks.inherentNow.byLevel).toEqual([
      { level: 'Low', count: 1 },
      { level: 'Medium', count: 2 },
      { level: 'High', count: 11 },
      { level: 'Critical', count: 27 },
    ]);
    expect(demo.api.loggedErrors).toEqual([]);
  });
});
