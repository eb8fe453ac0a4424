import { describe, expect, it } from 'vitest';
import { Risk } from '../src/entities/risk.entity.js';
import { Organisation } from '../src/entities/organisation.entity.js';
import { DEMO_HISTORY_WEEKS, DEMO_REFERENCE_DATE, DEMO_RISKS, DEMO_SIGN_IN } from '../src/seed/demo.js';
import { addDays } from '../src/services/dates.js';
import { useDemoApi } from './support/api.js';
import { testDatabases } from './support/databases.js';

const databases = await testDatabases();

describe('prerequisites', () => {
  // Without CI a missing PostgreSQL is a loud skip; with CI=true it fails here.
  it.skipIf(databases.postgresqlMissing !== null && process.env.CI !== 'true')('PostgreSQL is reachable', () => {
    expect(databases.postgresqlMissing).toBeNull();
  });
  it('SQLite is always available', () => {
    expect(databases.available.map((database) => database.name)).toContain('sqlite');
  });
});

const RISK_FIELDS = 'id title likelihood impact score level withinAppetite version';

describe.each(databases.available)('GraphQL API on $name', (database) => {
  const demo = useDemoApi(database);

  it('migrations build exactly the schema the entities describe', async () => {
    const difference = await demo.api.orm.schema.getUpdateSchemaSQL({ wrap: false });
    expect(difference.trim()).toBe('');
  });

  it('answers liveness at /healthz', async () => {
    const response = await fetch(`${demo.api.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('refuses the risk register without a session', async () => {
    const result = await demo.api.graphql(`{ risks { nodes { id } } }`);
    expect(result.data).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a wrong password without saying whether the account exists', async () => {
    const wrong = await demo.api.graphql(`mutation { signIn(email: "${DEMO_SIGN_IN.email}", password: "nope") { token } }`);
    const unknown = await demo.api.graphql(`mutation { signIn(email: "nobody@example.com", password: "nope") { token } }`);
    expect(wrong.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(wrong.errors?.[0]?.message).toBe(unknown.errors?.[0]?.message);
  });

  it('signs in (ignoring the case of the email) and reports the viewer', async () => {
    const token = await demo.api.signIn(DEMO_SIGN_IN.email.toUpperCase(), DEMO_SIGN_IN.password);
    const result = await demo.api.graphql<{ me: { role: string; user: { email: string }; organisation: { name: string } } }>(
      `{ me { role user { email } organisation { name } } }`,
      {},
      token,
    );
    expect(result.data?.me).toEqual({ role: 'ADMIN', user: { email: DEMO_SIGN_IN.email }, organisation: { name: 'Northwind Lending (demo)' } });
  });

  it('lists the seeded risks, scored likelihood × impact on the 5×5 matrix, highest first', async () => {
    const result = await demo.api.graphql<{ risks: { nodes: { title: string; likelihood: number; impact: number; score: number; level: string; withinAppetite: boolean }[] } }>(
      `{ risks { nodes { ${RISK_FIELDS} } } }`,
      {},
      demo.admin,
    );
    const risks = result.data?.risks.nodes ?? [];
    expect(risks).toHaveLength(DEMO_RISKS.length);
    for (const risk of risks) expect(risk.score).toBe(risk.likelihood * risk.impact);
    const scores = risks.map((risk) => risk.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    // The first seeded risk is rated 4 × 5 = 20: Critical (20–25), above the appetite of 4.
    const first = risks.find((risk) => risk.title === DEMO_RISKS[0]?.title);
    expect(first).toMatchObject({ score: 20, level: 'Critical', withinAppetite: false });
    // 1 × 2 = 2 is Low and within appetite.
    expect(risks.at(-1)).toMatchObject({ score: 2, level: 'Low', withinAppetite: true });
  });

  it('exposes the risk criteria', async () => {
    const result = await demo.api.graphql<{ riskMatrix: { grid: number[][]; appetite: number; maxScore: number; bands: { level: string; min: number; max: number }[] } }>(
      `{ riskMatrix { grid appetite maxScore bands { level min max } } }`,
      {},
      demo.executive,
    );
    const { grid, ...criteria } = result.data?.riskMatrix ?? { grid: [] };
    // Likelihood 3 times impact 1 … 5.
    expect(grid[2]).toEqual([3, 6, 9, 12, 15]);
    expect(grid).toHaveLength(5);
    expect(criteria).toEqual({
      appetite: 4,
      maxScore: 25,
      bands: [
        { level: 'Low', min: 1, max: 4 },
        { level: 'Medium', min: 5, max: 9 },
        { level: 'High', min: 10, max: 16 },
        { level: 'Critical', min: 20, max: 25 },
      ],
    });
  });

  it('creates a risk scored by the risk engine', async () => {
    const result = await demo.api.graphql<{ createRisk: { score: number; level: string; withinAppetite: boolean; version: number } }>(
      `mutation($input: CreateRiskInput!) { createRisk(input: $input) { ${RISK_FIELDS} } }`,
      { input: { title: '  Hallucinated citations in summaries ', likelihood: 3, impact: 4 } },
      demo.admin,
    );
    expect(result.errors).toBeUndefined();
    // 3 × 4 = 12 falls in High (10–16).
    expect(result.data?.createRisk).toMatchObject({ title: 'Hallucinated citations in summaries', score: 12, level: 'High', withinAppetite: false, version: 1 });
  });

  it.each([
    [{ title: 'x', likelihood: 7, impact: 2 }, 'likelihood', 'likelihood must be a whole number from 1 to 5, got 7'],
    [{ title: 'x', likelihood: 2, impact: 0 }, 'impact', 'impact must be a whole number from 1 to 5, got 0'],
    [{ title: '   ', likelihood: 2, impact: 2 }, 'title', 'title must not be empty'],
    [{ title: 'y'.repeat(201), likelihood: 2, impact: 2 }, 'title', 'title must be at most 200 characters, got 201'],
  ])('rejects bad input %j naming the field, and stores nothing', async (input, field, message) => {
    const before = await demo.api.orm.em.fork().count(Risk, {});
    const result = await demo.api.graphql(`mutation($input: CreateRiskInput!) { createRisk(input: $input) { id } }`, { input }, demo.admin);
    expect(result.errors?.[0]).toMatchObject({ message, extensions: { code: 'BAD_USER_INPUT', field } });
    expect(await demo.api.orm.em.fork().count(Risk, {})).toBe(before);
  });

  it('keeps the demo.executive role read-only', async () => {
    const result = await demo.api.graphql(
      `mutation { createRisk(input: { title: "From the board", likelihood: 1, impact: 1 }) { id } }`,
      {},
      demo.executive,
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(result.errors?.[0]?.message).toContain('executive');
  });

  it('re-scores an updated risk and refuses an edit based on a stale version', async () => {
    const created = await demo.api.graphql<{ createRisk: { id: string; version: number } }>(
      `mutation { createRisk(input: { title: "Model inversion", likelihood: 2, impact: 2 }) { id version } }`,
      {},
      demo.admin,
    );
    const id = created.data?.createRisk.id;
    const update = `mutation($id: ID!, $input: UpdateRiskInput!) { updateRisk(id: $id, input: $input) { ${RISK_FIELDS} } }`;
    const first = await demo.api.graphql<{ updateRisk: { score: number; level: string; version: number } }>(update, { id, input: { expectedVersion: 1, likelihood: 5 } }, demo.admin);
    // 5 × 2 = 10: High.
    expect(first.data?.updateRisk).toMatchObject({ likelihood: 5, impact: 2, score: 10, level: 'High', version: 2 });
    const stale = await demo.api.graphql(update, { id, input: { expectedVersion: 1, impact: 1 } }, demo.admin);
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const stored = await demo.api.orm.em.fork().findOneOrFail(Risk, { id: id ?? '' });
    expect({ impact: stored.impact, version: stored.version }).toEqual({ impact: 2, version: 2 });
  });

  it("never shows another organisation's risks", async () => {
    const em = demo.api.orm.em.fork();
    const other = em.create(Organisation, { name: 'Other tenant' });
    const foreign = em.create(Risk, { organisation: other, title: 'Foreign risk', likelihood: 5, impact: 5, score: 25, level: 'Critical', withinAppetite: false });
    await em.flush();
    const list = await demo.api.graphql<{ risks: { nodes: { id: string }[] } }>(`{ risks { nodes { id } } }`, {}, demo.admin);
    expect(list.data?.risks.nodes.map((risk) => risk.id)).not.toContain(foreign.id);
    const single = await demo.api.graphql<{ risk: unknown }>(`query($id: ID!) { risk(id: $id) { id } }`, { id: foreign.id }, demo.admin);
    expect(single.data?.risk).toBeNull();
    const update = await demo.api.graphql(`mutation($id: ID!) { updateRisk(id: $id, input: { expectedVersion: 1, title: "hijack" }) { id } }`, { id: foreign.id }, demo.admin);
    expect(update.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('names the assessor of every assessment to a reader who is not the assessor', async () => {
    // The demo's assessments were made by the administrator; the executive's session does not
    // hold that user, so the assessor must be loaded for the name to be there.
    const result = await demo.api.graphql<{ risks: { nodes: { assessments: { assessedBy: { name: string; email: string } | null }[] }[] } }>(
      '{ risks(first: 500) { nodes { assessments { assessedBy { name email } } } } }',
      {},
      demo.executive,
    );
    expect(result.errors).toBeUndefined();
    const assessors = result.data?.risks.nodes.flatMap((risk) => risk.assessments.map((assessment) => assessment.assessedBy)) ?? [];
    expect(assessors.length).toBeGreaterThan(0);
    expect(assessors.filter((assessor) => assessor !== null && assessor.name.length > 0)).toHaveLength(assessors.filter((assessor) => assessor !== null).length);
    expect(assessors.some((assessor) => assessor?.email === DEMO_SIGN_IN.email)).toBe(true);
  });

  it('scores the residual rating and keeps every re-assessment as history', async () => {
    const fields = `${RISK_FIELDS} status treatment owner reviewDate residualLikelihood residualImpact residualScore residualLevel assessments { likelihood impact score residualScore assessedBy { email } }`;
    const created = await demo.api.graphql<{ createRisk: Record<string, unknown> & { id: string; assessments: unknown[] } }>(
      `mutation($input: CreateRiskInput!) { createRisk(input: $input) { ${fields} } }`,
      { input: { title: 'Unlabelled synthetic images', likelihood: 4, impact: 4, treatment: 'MITIGATE', status: 'TREATING', owner: ' Media lead ', reviewDate: '2027-03-31', residualLikelihood: 2, residualImpact: 3 } },
      demo.admin,
    );
    expect(created.errors).toBeUndefined();
    // Inherent 4 × 4 = 16 High; residual 2 × 3 = 6 Medium.
    expect(created.data?.createRisk).toMatchObject({ score: 16, level: 'High', status: 'TREATING', treatment: 'MITIGATE', owner: 'Media lead', reviewDate: '2027-03-31', residualScore: 6, residualLevel: 'Medium' });
    expect(created.data?.createRisk.assessments).toEqual([{ likelihood: 4, impact: 4, score: 16, residualScore: 6, assessedBy: { email: DEMO_SIGN_IN.email } }]);

    const id = created.data?.createRisk.id;
    const update = `mutation($id: ID!, $input: UpdateRiskInput!) { updateRisk(id: $id, input: $input) { version assessments { likelihood score residualScore } } }`;
    // Changing the owner alone is no re-assessment.
    const renamed = await demo.api.graphql<{ updateRisk: { version: number; assessments: unknown[] } }>(update, { id, input: { expectedVersion: 1, owner: 'Head of media' } }, demo.admin);
    expect(renamed.data?.updateRisk.assessments).toHaveLength(1);
    // Re-rating is: 3 × 4 = 12, residual unchanged at 2 × 3 = 6; newest first.
    const rerated = await demo.api.graphql<{ updateRisk: { assessments: unknown[] } }>(update, { id, input: { expectedVersion: 2, likelihood: 3 } }, demo.admin);
    expect(rerated.data?.updateRisk.assessments).toEqual([
      { likelihood: 3, score: 12, residualScore: 6 },
      { likelihood: 4, score: 16, residualScore: 6 },
    ]);
  });

  it('records the Annex C source and objective and the treating controls', async () => {
    const created = await demo.api.graphql<{ createRisk: { source: string; objective: string; controlIds: string[] } }>(
      `mutation { createRisk(input: { title: "Opaque scoring", likelihood: 2, impact: 3, source: "lack-of-transparency-and-explainability", objective: "transparency-and-explainability", controlIds: ["A.8.2", "A.6.2.7"] }) { source objective controlIds } }`,
      {},
      demo.admin,
    );
    expect(created.data?.createRisk).toEqual({ source: 'lack-of-transparency-and-explainability', objective: 'transparency-and-explainability', controlIds: ['A.8.2', 'A.6.2.7'] });
  });

  it.each([
    [{ source: 'bad-luck' }, 'source', 'source must be a risk source of Annex C.3'],
    [{ objective: 'speed' }, 'objective', 'objective must be an objective of Annex C.2'],
    [{ controlIds: ['A.9.9'] }, 'controlIds', 'controlIds item 1 names no Annex A control: "A.9.9"'],
  ])('rejects the reference %j naming the field', async (details, field, message) => {
    const result = await demo.api.graphql(`mutation($input: CreateRiskInput!) { createRisk(input: $input) { id } }`, { input: { title: 'Reference check', likelihood: 2, impact: 2, ...details } }, demo.admin);
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field } });
    expect(result.errors?.[0]?.message).toContain(message);
  });

  it.each([
    [{ residualLikelihood: 5, residualImpact: 1 }, 'residualLikelihood', 'residualLikelihood must not exceed the inherent likelihood 3, got 5'],
    [{ residualLikelihood: 1, residualImpact: 4 }, 'residualImpact', 'residualImpact must not exceed the inherent impact 3, got 4'],
    [{ residualLikelihood: 1 }, 'residualImpact', 'residualImpact must be given together with residualLikelihood'],
    [{ residualLikelihood: 0, residualImpact: 1 }, 'residualLikelihood', 'residualLikelihood must be a whole number from 1 to 5, got 0'],
    [{ reviewDate: '2027-02-30' }, 'reviewDate', 'reviewDate must be a date as YYYY-MM-DD, got "2027-02-30"'],
    [{ owner: 'o'.repeat(201) }, 'owner', 'owner must be at most 200 characters, got 201'],
    [{ status: null }, 'status', 'status must not be null; leave it out to keep the current status'],
  ])('rejects the details %j naming the field, and stores nothing', async (details, field, message) => {
    const before = await demo.api.orm.em.fork().count(Risk, {});
    const result = await demo.api.graphql(`mutation($input: CreateRiskInput!) { createRisk(input: $input) { id } }`, { input: { title: 'Detail check', likelihood: 3, impact: 3, ...details } }, demo.admin);
    expect(result.errors?.[0]).toMatchObject({ message, extensions: { code: 'BAD_USER_INPUT', field } });
    expect(await demo.api.orm.em.fork().count(Risk, {})).toBe(before);
  });

  it('seeds every demo risk with its 18 months of assessments, as written in the demo history', async () => {
    const result = await demo.api.graphql<{ risks: { nodes: { title: string; score: number; residualScore: number | null; assessments: { score: number; residualScore: number | null; assessedAt: string }[] }[] } }>(
      `{ risks(first: 100) { nodes { title score residualScore assessments { score residualScore assessedAt } } } }`,
      {},
      demo.executive,
    );
    const seeded = (result.data?.risks.nodes ?? []).filter((risk) => DEMO_RISKS.some((demo) => demo.title === risk.title));
    expect(seeded).toHaveLength(DEMO_RISKS.length);
    const oldest = addDays(DEMO_REFERENCE_DATE, -7 * DEMO_HISTORY_WEEKS);
    for (const risk of seeded) {
      const { history } = DEMO_RISKS.find((demo) => demo.title === risk.title)!;
      // Newest first: the newest assessment is the risk's current rating.
      expect(risk.assessments[0]).toMatchObject({ score: risk.score, residualScore: risk.residualScore });
      expect(risk.assessments.map((assessment) => [assessment.assessedAt.slice(0, 10), assessment.score, assessment.residualScore])).toEqual(
        [...history].reverse().map(([weeksAgo, likelihood, impact, residualLikelihood, residualImpact]) => [
          addDays(DEMO_REFERENCE_DATE, -7 * weeksAgo),
          likelihood * impact,
          residualLikelihood === undefined ? null : residualLikelihood * residualImpact!,
        ]),
      );
      for (const assessment of risk.assessments) expect(assessment.assessedAt.slice(0, 10) >= oldest && assessment.assessedAt.slice(0, 10) < DEMO_REFERENCE_DATE).toBe(true);
      // A risk is first rated without treatment, and its residual score never rises afterwards.
      expect(risk.assessments.at(-1)!.residualScore).toBeNull();
      const residuals = risk.assessments.map((assessment) => assessment.residualScore).filter((score): score is number => score !== null);
      expect([...residuals].sort((x, y) => x - y)).toEqual(residuals);
    }
    expect(seeded.reduce((sum, risk) => sum + risk.assessments.length, 0)).toBeGreaterThan(2.5 * DEMO_RISKS.length);
  });

  it('ends a session on sign-out', async () => {
    const token = await demo.api.signIn(DEMO_SIGN_IN.email, DEMO_SIGN_IN.password);
    expect((await demo.api.graphql(`mutation { signOut }`, {}, token)).data).toEqual({ signOut: true });
    expect((await demo.api.graphql<{ me: unknown }>(`{ me { role } }`, {}, token)).data?.me).toBeNull();
  });
});
