import { describe, expect, it } from 'vitest';
import { AiObjective } from '../src/entities/ai-objective.entity.js';
import { KpiMeasurement } from '../src/entities/kpi-measurement.entity.js';
import { isOnTarget, kpiTrend, latestReading } from '../src/services/objective-kpi.js';
import { DEMO_OBJECTIVES, monthEndsBefore } from '../src/seed/demo.js';
import { useDemoApi } from './support/api.js';
import { testDatabases } from './support/databases.js';

const databases = await testDatabases();

// Five readings ten days apart, rising every time. By hand: days d = 0, 10, 20, 30, 40 (mean 20),
// values x = 60, 62, 65, 66, 70 (mean 64.6); Σ(d − d̄)(x − x̄) = 92 + 26 + 0 + 14 + 108 = 240 and
// Σ(d − d̄)² = 1000, so the slope is 0.24 a day. Mann–Kendall: all 10 pairs rise, S = 10, no ties,
// variance 5·4·15/18 = 50/3, z = (10 − 1)/√(50/3) = 2.20454, two-sided p = 0.027486 < 0.05
// (normal table), tau = 10/10 = 1: increasing.
const RISING = [
  { measuredOn: '2026-01-21', value: 65 },
  { measuredOn: '2026-01-01', value: 60 },
  { measuredOn: '2026-02-10', value: 70 },
  { measuredOn: '2026-01-11', value: 62 },
  { measuredOn: '2026-01-31', value: 66 },
];

describe('KPI status', () => {
  it('takes the latest reading by date, whatever the order of the rows', () => {
    expect(latestReading(RISING)).toEqual({ measuredOn: '2026-02-10', value: 70 });
    expect(latestReading([])).toBeNull();
  });

  it.each([
    [70, 'higher-is-better', 65, true],
    [65, 'higher-is-better', 65, true], // reaching the target exactly counts
    [64.9, 'higher-is-better', 65, false],
    [70, 'lower-is-better', 65, false],
    [65, 'lower-is-better', 65, true],
    [null, 'lower-is-better', 65, null], // nothing measured yet
  ] as const)('calls %s on target (%s, target %s): %s', (value, direction, target, expected) => {
    expect(isOnTarget(value, { direction, target })).toBe(expected);
  });

  it('gives the least-squares slope and the Mann–Kendall direction worked out by hand', () => {
    const result = kpiTrend(RISING);
    expect(result.slopePerDay).toBeCloseTo(0.24, 12);
    expect(result.tau).toBe(1);
    expect(result.pValue).toBeCloseTo(0.0274863, 6);
    expect(result.direction).toBe('increasing');
  });

  it('has no slope for one reading and no Mann–Kendall test below three', () => {
    expect(kpiTrend([{ measuredOn: '2026-01-01', value: 5 }])).toEqual({ slopePerDay: null, tau: null, pValue: null, direction: 'no trend' });
    // Two readings: slope (8 − 5)/3 days = 1 a day, but too few for the test.
    expect(kpiTrend([{ measuredOn: '2026-01-04', value: 8 }, { measuredOn: '2026-01-01', value: 5 }])).toEqual({ slopePerDay: 1, tau: null, pValue: null, direction: 'no trend' });
    expect(kpiTrend([])).toEqual({ slopePerDay: null, tau: null, pValue: null, direction: 'no trend' });
  });

  it('seeds on the last day of each of the months before the seed day', () => {
    expect(monthEndsBefore('2026-03-15', 4)).toEqual(['2025-11-30', '2025-12-31', '2026-01-31', '2026-02-28']);
    expect(monthEndsBefore('2024-03-01', 1)).toEqual(['2024-02-29']);
  });
});

const FIELDS = 'id title description owner targetDate status controlIds kpiName kpiUnit kpiDirection kpiTarget latestValue latestMeasuredOn onTarget trend { slopePerDay tau pValue direction } version';

interface ObjectiveView {
  id: string;
  title: string;
  latestValue: number | null;
  latestMeasuredOn: string | null;
  onTarget: boolean | null;
  kpiDirection: string;
  trend: { slopePerDay: number | null; tau: number | null; pValue: number | null; direction: string };
  version: number;
  measurements?: { id: string; measuredOn: string; value: number; version: number }[];
}

describe.each(databases.available)('AI objectives on $name', (database) => {
  const demo = useDemoApi(database);

  async function createObjective(input: Record<string, unknown>): Promise<ObjectiveView> {
    const result = await demo.api.graphql<{ createAiObjective: ObjectiveView }>(`mutation($input: CreateAiObjectiveInput!) { createAiObjective(input: $input) { ${FIELDS} } }`, { input }, demo.admin);
    expect(result.errors).toBeUndefined();
    return result.data!.createAiObjective;
  }

  async function addMeasurement(objectiveId: string, input: Record<string, unknown>) {
    return demo.api.graphql<{ addKpiMeasurement: { id: string; measuredOn: string; version: number; objective: ObjectiveView } }>(
      `mutation($id: ID!, $input: CreateKpiMeasurementInput!) { addKpiMeasurement(objectiveId: $id, input: $input) { id measuredOn value note version objective { ${FIELDS} } } }`,
      { id: objectiveId, input },
      demo.admin,
    );
  }

  it('shows the seeded objectives to every member, each with a year of monthly measurements', async () => {
    const result = await demo.api.graphql<{ objectives: { nodes: (ObjectiveView & { kpiName: string; measurements: { measuredOn: string }[] })[] } }>(
      `{ objectives { nodes { ${FIELDS} measurements { id measuredOn value version } } } }`,
      {},
      demo.executive,
    );
    expect(result.errors).toBeUndefined();
    const objectives = result.data!.objectives.nodes;
    expect(objectives.map((objective) => objective.kpiName).sort()).toEqual(DEMO_OBJECTIVES.map((objective) => objective.kpiName).sort());
    const monthEnds = monthEndsBefore(new Date().toISOString().slice(0, 10), 12);
    for (const objective of objectives) {
      expect(objective.measurements.map((measurement) => measurement.measuredOn)).toEqual(monthEnds);
      expect(objective.latestMeasuredOn).toBe(monthEnds[11]);
    }
    const byKpi = new Map(objectives.map((objective) => [objective.kpiName, objective]));
    // Latest values 96 ≥ 95, 80 < 100, and 9 ≤ 10 days (lower is better), moving the way the values do.
    expect(byKpi.get('Fairness reviews completed on time')).toMatchObject({ latestValue: 96, onTarget: true, trend: { direction: 'increasing' } });
    expect(byKpi.get('Share of AI systems with an approved impact assessment')).toMatchObject({ latestValue: 80, onTarget: false, trend: { direction: 'increasing' } });
    expect(byKpi.get('Median days to close an AI incident')).toMatchObject({ latestValue: 9, onTarget: true, trend: { direction: 'decreasing' } });
    expect(byKpi.get('Median days to close an AI incident')!.trend.slopePerDay).toBeLessThan(0);
  });

  it('creates an objective, measures its KPI and works out latest value, target and trend', async () => {
    const created = await createObjective({
      title: '  Explain every declined application  ',
      targetDate: '2026-12-31',
      kpiName: 'Declines with a specific reason',
      kpiUnit: '%',
      kpiDirection: 'HIGHER_IS_BETTER',
      kpiTarget: 65,
      controlIds: ['A.8.2', ' A.8.2', 'A.9.4'],
      owner: 'Head of Credit Risk',
    });
    expect(created).toMatchObject({
      title: 'Explain every declined application',
      status: 'PLANNED',
      controlIds: ['A.8.2', 'A.9.4'],
      latestValue: null,
      latestMeasuredOn: null,
      onTarget: null,
      trend: { slopePerDay: null, tau: null, pValue: null, direction: 'no trend' },
      version: 1,
    });
    let last: ObjectiveView | undefined;
    for (const reading of RISING) {
      const added = await addMeasurement(created.id, reading);
      expect(added.errors).toBeUndefined();
      expect(added.data?.addKpiMeasurement).toMatchObject({ measuredOn: reading.measuredOn, version: 1 });
      last = added.data?.addKpiMeasurement.objective;
    }
    // The worked example above: latest 70 on 10 February, at least the target of 65.
    expect(last).toMatchObject({ latestValue: 70, latestMeasuredOn: '2026-02-10', onTarget: true, trend: { tau: 1, direction: 'increasing' } });
    expect(last!.trend.slopePerDay).toBeCloseTo(0.24, 12);
    expect(last!.trend.pValue).toBeCloseTo(0.0274863, 6);

    // Lower is better now: 70 is above the ceiling of 65.
    const flipped = await demo.api.graphql<{ updateAiObjective: ObjectiveView }>(
      `mutation($id: ID!) { updateAiObjective(id: $id, input: { expectedVersion: 1, kpiDirection: LOWER_IS_BETTER, status: ACTIVE }) { ${FIELDS} } }`,
      { id: created.id },
      demo.admin,
    );
    expect(flipped.errors).toBeUndefined();
    expect(flipped.data?.updateAiObjective).toMatchObject({ kpiDirection: 'LOWER_IS_BETTER', status: 'ACTIVE', onTarget: false, latestValue: 70, version: 2 });

    const fetched = await demo.api.graphql<{ objective: ObjectiveView }>(`query($id: ID!) { objective(id: $id) { ${FIELDS} measurements { id measuredOn value version } } }`, { id: created.id }, demo.executive);
    expect(fetched.data?.objective.measurements?.map((measurement) => measurement.measuredOn)).toEqual(['2026-01-01', '2026-01-11', '2026-01-21', '2026-01-31', '2026-02-10']);

    // Correct the latest reading to 64 and remove the first: readings 62, 65, 66, 64 on days 0, 10, 20, 30.
    const latest = fetched.data!.objective.measurements!.at(-1)!;
    const corrected = await demo.api.graphql<{ updateKpiMeasurement: { value: number; note: string; version: number; objective: ObjectiveView } }>(
      `mutation($id: ID!) { updateKpiMeasurement(id: $id, input: { expectedVersion: 1, value: 64, note: "Recounted" }) { value note version objective { ${FIELDS} } } }`,
      { id: latest.id },
      demo.admin,
    );
    expect(corrected.errors).toBeUndefined();
    expect(corrected.data?.updateKpiMeasurement).toMatchObject({ value: 64, note: 'Recounted', version: 2, objective: { latestValue: 64, onTarget: true } });
    const first = fetched.data!.objective.measurements![0]!;
    const removed = await demo.api.graphql<{ deleteKpiMeasurement: boolean }>(`mutation($id: ID!) { deleteKpiMeasurement(id: $id) }`, { id: first.id }, demo.admin);
    expect(removed.data?.deleteKpiMeasurement).toBe(true);
    // By hand: d̄ = 15, x̄ = 64.25; Σ(d − d̄)(x − x̄) = 33.75 − 3.75 + 8.75 − 3.75 = 35, Σ(d − d̄)² = 500,
    // slope 0.07 a day. S = (+1 +1 +1) + (+1 −1) + (−1) = 2, variance 4·3·13/18 = 26/3,
    // z = 1/√(26/3) = 0.3397, p = 0.734, tau = 2/6: no trend.
    const after = await demo.api.graphql<{ objective: ObjectiveView }>(`query($id: ID!) { objective(id: $id) { ${FIELDS} } }`, { id: created.id }, demo.admin);
    expect(after.data?.objective.trend.slopePerDay).toBeCloseTo(0.07, 12);
    expect(after.data?.objective.trend.tau).toBeCloseTo(1 / 3, 12);
    expect(after.data?.objective.trend.pValue).toBeCloseTo(0.7341, 4);
    expect(after.data?.objective.trend.direction).toBe('no trend');

    const deleted = await demo.api.graphql<{ deleteAiObjective: boolean }>(`mutation($id: ID!) { deleteAiObjective(id: $id) }`, { id: created.id }, demo.admin);
    expect(deleted.data?.deleteAiObjective).toBe(true);
    const gone = await demo.api.graphql<{ objective: null }>(`query($id: ID!) { objective(id: $id) { id } }`, { id: created.id }, demo.admin);
    expect(gone.data?.objective).toBeNull();
    // Its measurements went with it.
    expect(await demo.api.orm.em.fork().count(KpiMeasurement, { objective: created.id })).toBe(0);
  });

  it.each([
    [{ controlIds: ['A.5.4', 'A.99'] }, 'controlIds', 'controlIds item 2 names no Annex A control: "A.99"'],
    [{ targetDate: '2027-02-30' }, 'targetDate', 'targetDate must be a date as YYYY-MM-DD, got "2027-02-30"'],
    [{ title: '   ' }, 'title', 'title must not be empty'],
    [{ kpiName: 'k'.repeat(201) }, 'kpiName', 'kpiName must be at most 200 characters, got 201'],
    [{ kpiUnit: 'u'.repeat(41) }, 'kpiUnit', 'kpiUnit must be at most 40 characters, got 41'],
    [{ status: null }, 'status', 'status must not be null; leave it out to keep the current value'],
  ])('rejects %j naming the field, and stores nothing', async (change, field, message) => {
    const input = { title: 'Objective', targetDate: '2027-01-31', kpiName: 'KPI', kpiDirection: 'HIGHER_IS_BETTER', kpiTarget: 1, ...change };
    const before = await demo.api.orm.em.fork().count(AiObjective, {});
    const result = await demo.api.graphql(`mutation($input: CreateAiObjectiveInput!) { createAiObjective(input: $input) { id } }`, { input }, demo.admin);
    expect(result.errors?.[0]).toMatchObject({ message, extensions: { code: 'BAD_USER_INPUT', field } });
    expect(await demo.api.orm.em.fork().count(AiObjective, {})).toBe(before);
  });

  it('refuses a second measurement on the same day and a bad date, storing nothing', async () => {
    const objective = await createObjective({ title: 'One a day', targetDate: '2027-01-31', kpiName: 'KPI', kpiDirection: 'LOWER_IS_BETTER', kpiTarget: 3 });
    expect((await addMeasurement(objective.id, { measuredOn: '2026-05-01', value: 4 })).errors).toBeUndefined();
    const second = await addMeasurement(objective.id, { measuredOn: '2026-06-01', value: 2 });
    const count = () => demo.api.orm.em.fork().count(KpiMeasurement, { objective: objective.id });
    const duplicate = await addMeasurement(objective.id, { measuredOn: '2026-05-01', value: 5 });
    expect(duplicate.errors?.[0]).toMatchObject({ message: 'measuredOn already has a measurement of this KPI on 2026-05-01; change that one instead', extensions: { code: 'BAD_USER_INPUT', field: 'measuredOn' } });
    const badDate = await addMeasurement(objective.id, { measuredOn: '1 May', value: 5 });
    expect(badDate.errors?.[0]).toMatchObject({ message: 'measuredOn must be a date as YYYY-MM-DD, got "1 May"', extensions: { code: 'BAD_USER_INPUT', field: 'measuredOn' } });
    expect(await count()).toBe(2);
    // Moving a measurement onto a taken day is refused the same way, and leaves it as it was.
    const moved = await demo.api.graphql(`mutation($id: ID!) { updateKpiMeasurement(id: $id, input: { expectedVersion: 1, measuredOn: "2026-05-01", value: 9 }) { id } }`, { id: second.data?.addKpiMeasurement.id }, demo.admin);
    expect(moved.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'measuredOn' });
    const stored = await demo.api.orm.em.fork().findOneOrFail(KpiMeasurement, { id: second.data!.addKpiMeasurement.id });
    expect({ measuredOn: stored.measuredOn, value: stored.value, version: stored.version }).toEqual({ measuredOn: '2026-06-01', value: 2, version: 1 });
  });

  it('refuses edits based on a stale version as a conflict', async () => {
    const objective = await createObjective({ title: 'Versioned', targetDate: '2027-01-31', kpiName: 'KPI', kpiDirection: 'HIGHER_IS_BETTER', kpiTarget: 1 });
    const update = (expectedVersion: number, title: string) =>
      demo.api.graphql<{ updateAiObjective: { title: string; version: number } }>(`mutation($id: ID!, $input: UpdateAiObjectiveInput!) { updateAiObjective(id: $id, input: $input) { title version } }`, { id: objective.id, input: { expectedVersion, title } }, demo.admin);
    expect((await update(1, 'First edit')).data?.updateAiObjective).toEqual({ title: 'First edit', version: 2 });
    const stale = await update(1, 'Second edit from an old copy');
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(stale.errors?.[0]?.message).toContain('now version 2, your edit is based on 1');
    expect((await demo.api.orm.em.fork().findOneOrFail(AiObjective, { id: objective.id })).title).toBe('First edit');

    const measurement = await addMeasurement(objective.id, { measuredOn: '2026-07-01', value: 1 });
    const measurementId = measurement.data?.addKpiMeasurement.id;
    const edit = () => demo.api.graphql(`mutation($id: ID!) { updateKpiMeasurement(id: $id, input: { expectedVersion: 1, value: 2 }) { version } }`, { id: measurementId }, demo.admin);
    expect((await edit()).errors).toBeUndefined();
    expect((await edit()).errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('keeps the executive read-only', async () => {
    const [seeded] = (await demo.api.graphql<{ objectives: { nodes: { id: string; version: number }[] } }>(`{ objectives { nodes { id version } } }`, {}, demo.executive)).data!.objectives.nodes;
    const attempts = [
      [`mutation { createAiObjective(input: { title: "x", targetDate: "2027-01-01", kpiName: "k", kpiDirection: HIGHER_IS_BETTER, kpiTarget: 1 }) { id } }`, {}],
      [`mutation($id: ID!) { updateAiObjective(id: $id, input: { expectedVersion: 1, title: "x" }) { id } }`, { id: seeded!.id }],
      [`mutation($id: ID!) { deleteAiObjective(id: $id) }`, { id: seeded!.id }],
      [`mutation($id: ID!) { addKpiMeasurement(objectiveId: $id, input: { measuredOn: "2026-01-15", value: 1 }) { id } }`, { id: seeded!.id }],
    ] as const;
    for (const [query, variables] of attempts) {
      const result = await demo.api.graphql(query, variables, demo.executive);
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect(await demo.api.orm.em.fork().count(KpiMeasurement, { objective: seeded!.id })).toBe(12);
    expect((await demo.api.orm.em.fork().findOneOrFail(AiObjective, { id: seeded!.id })).version).toBe(seeded!.version);
  });

  it('answers NOT_FOUND for an objective of no one', async () => {
    const result = await demo.api.graphql(`mutation { deleteAiObjective(id: "00000000-0000-4000-8000-000000000000") }`, {}, demo.admin);
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
