import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { projectCertification } from '../../src/certification/project-certification.js';
import type {
  CertificationStage,
  CertificationStagePlan,
  ProjectCertificationOptions,
  ReadinessControl,
  WeeklyCompletions,
} from '../../src/certification/types.js';
import { deepFreeze, expectRiskEngineError } from '../helpers.js';

const STAGES: readonly CertificationStage[] = ['gap-analysis', 'implementation', 'internal-audit', 'management-review', 'stage-1', 'stage-2', 'certification-decision'];
const NOT_MODELLED = 'The other stages take typical durations; a major nonconformity at Stage 2 (up to 6 months to correct) is not modelled.';
const DAY = 86_400_000;

/** The ISO date `days` days after `date`. */
function addDays(date: string, days: number): string {
  return new Date(Date.parse(date) + days * DAY).toISOString().slice(0, 10);
}

/** Days from `from` to `to`. */
function daysBetween(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / DAY;
}

/** `applicable` applicable controls, the first `left` of them planned and the rest implemented. */
function controlsLeft(left: number, applicable = 38): ReadinessControl[] {
  return Array.from({ length: applicable }, (_, index) => ({ id: `C${index + 1}`, objective: 'A.2', applicable: true, status: index < left ? 'planned' : 'implemented' }));
}

/** One history entry per week from 2026-06-01 on. */
function weeks(counts: readonly number[]): WeeklyCompletions[] {
  return counts.map((completed, index) => ({ week: addDays('2026-06-01', index * 7), completed }));
}

function done(stage: CertificationStage, actualStart: string, actualEnd: string): CertificationStagePlan {
  return { stage, actualStart, actualEnd };
}

/** Every stage before the decision done, by 2026-09-10. */
const doneBeforeDecision: CertificationStagePlan[] = [
  done('gap-analysis', '2026-01-05', '2026-01-30'),
  done('implementation', '2026-02-02', '2026-06-26'),
  done('internal-audit', '2026-07-01', '2026-07-10'),
  done('management-review', '2026-07-15', '2026-07-15'),
  done('stage-1', '2026-08-03', '2026-08-04'),
  done('stage-2', '2026-09-07', '2026-09-10'),
];

/** Gap analysis done and implementation under way since 2026-02-02. */
const implementing: CertificationStagePlan[] = [done('gap-analysis', '2026-01-05', '2026-01-30'), { stage: 'implementation', actualStart: '2026-02-02' }];

function options(overrides: Partial<ProjectCertificationOptions> = {}): ProjectCertificationOptions {
  return { asOf: '2026-10-01', plan: implementing, controls: controlsLeft(10), completionHistory: weeks([2, 2, 2, 2]), seed: 7, ...overrides };
}

describe('projectCertification', () => {
  it('repeats the doc example', () => {
    const result = projectCertification({
      asOf: '2026-09-28',
      plan: [
        { stage: 'gap-analysis', actualStart: '2026-06-01', actualEnd: '2026-06-26' },
        { stage: 'implementation', actualStart: '2026-06-29' },
        { stage: 'stage-1', plannedStart: '2027-01-11', plannedEnd: '2027-01-12' },
      ],
      controls: Array.from({ length: 38 }, (_, index) => ({
        id: `C${index + 1}`, objective: 'A.2', applicable: index < 37, status: index < 10 ? 'in-progress' : 'implemented',
      })),
      completionHistory: ['2026-08-31', '2026-09-07', '2026-09-14', '2026-09-21'].map((week) => ({ week, completed: 2 })),
      seed: 42,
    });
    // Implementation: 10 controls at 2 a week end 35 days after 2026-09-28, on 2026-11-02, in every
    // simulation. The later dates are the seeded simulation's; they agree with the stage ranges
    // (internal audit 7–28 days after 2026-11-02, and so on).
    expect(result).toEqual({
      stages: [
        { stage: 'gap-analysis', status: 'done', plannedEnd: null, projected: { p50: '2026-06-26', p80: '2026-06-26', p95: '2026-06-26' } },
        { stage: 'implementation', status: 'in-progress', plannedEnd: null, projected: { p50: '2026-11-02', p80: '2026-11-02', p95: '2026-11-02' } },
        { stage: 'internal-audit', status: 'not-started', plannedEnd: null, projected: { p50: '2026-11-17', p80: '2026-11-22', p95: '2026-11-26' } },
        { stage: 'management-review', status: 'not-started', plannedEnd: null, projected: { p50: '2026-11-28', p80: '2026-12-03', p95: '2026-12-08' } },
        { stage: 'stage-1', status: 'not-started', plannedEnd: '2027-01-12', projected: { p50: '2027-01-13', p80: '2027-01-15', p95: '2027-01-21' } },
        { stage: 'stage-2', status: 'not-started', plannedEnd: null, projected: { p50: '2027-02-20', p80: '2027-03-02', p95: '2027-03-10' } },
        { stage: 'certification-decision', status: 'not-started', plannedEnd: null, projected: { p50: '2027-03-26', p80: '2027-04-06', p95: '2027-04-17' } },
      ],
      certificationDate: { p50: '2027-03-26', p80: '2027-04-06', p95: '2027-04-17' },
      criticalStage: 'stage-2',
      cycle: { decision: '2027-03-26', firstSurveillanceBy: '2028-03-26', secondSurveillanceBy: '2029-03-26', recertificationBy: '2030-03-25', expiry: '2030-03-26' },
      basis: 'history',
      note: `Implementation is projected by resampling your 4 weeks of completion history (2 controls a week on average); 10 of 37 applicable controls are left. ${NOT_MODELLED}`,
      remainingControls: 10,
      simulations: 10000,
    });
  });

  it('ends implementation exactly when constant throughput finishes the work', () => {
    // 2 a week with 10 left: 5 weeks = 35 days after asOf in every simulation.
    const underWay = projectCertification(options());
    expect(underWay.stages[1]?.projected).toEqual({ p50: '2026-11-05', p80: '2026-11-05', p95: '2026-11-05' });
    // Not started yet, gap analysis done: it starts on asOf, or on its later planned start.
    const notStarted = projectCertification(options({ plan: [implementing[0] as CertificationStagePlan] }));
    expect(notStarted.stages[1]).toEqual({ stage: 'implementation', status: 'not-started', plannedEnd: null, projected: { p50: '2026-11-05', p80: '2026-11-05', p95: '2026-11-05' } });
    const planned = projectCertification(options({ plan: [implementing[0] as CertificationStagePlan, { stage: 'implementation', plannedStart: '2026-12-01', plannedEnd: '2027-01-01' }] }));
    expect(planned.stages[1]).toEqual({ stage: 'implementation', status: 'not-started', plannedEnd: '2027-01-01', projected: { p50: '2027-01-05', p80: '2027-01-05', p95: '2027-01-05' } });
    // 9 left at 2 a week also takes 5 weeks: the fifth week finishes the work with one to spare.
    expect(projectCertification(options({ controls: controlsLeft(9) })).stages[1]?.projected.p50).toBe('2026-11-05');
  });

  it('resamples weeks without completions like a week-by-week bootstrap', () => {
    // History 4, 0, 0, 0 with 4 left: one busy week finishes the work, and each week is busy with
    // probability 1/4, so the weeks needed W are geometric: P(W ≤ k) = 1 − 0.75^k. The nearest-rank
    // percentiles are the smallest k with 1 − 0.75^k ≥ 0.5, 0.8, 0.95: k = 3, 6 and 11 weeks.
    const result = projectCertification(options({ controls: controlsLeft(4), completionHistory: weeks([4, 0, 0, 0]) }));
    expect(result.stages[1]?.projected).toEqual({ p50: addDays('2026-10-01', 21), p80: addDays('2026-10-01', 42), p95: addDays('2026-10-01', 77) });
    expect(result.basis).toBe('history');
  });

  it('samples later stages from their triangular ranges', () => {
    // Only the decision is left, 14/28/56 days from asOf (mode at F = 14/42 = 1/3). Inverting the
    // distribution function above the mode, x = 56 − √((1 − F) × 42 × 28): F = 0.5 → 31.75 days,
    // 0.8 → 40.66, 0.95 → 48.33 (sampling error of 10,000 draws about ±0.2 day).
    const result = projectCertification(options({ plan: doneBeforeDecision, controls: controlsLeft(0) }));
    expect(result.certificationDate).toEqual({ p50: addDays('2026-10-01', 31), p80: addDays('2026-10-01', 40), p95: addDays('2026-10-01', 48) });
    expect(result.criticalStage).toBe('certification-decision');
    expect(result.stages.slice(0, 6).every((stage) => stage.status === 'done')).toBe(true);
  });

  it('respects a planned start as the earliest start of a stage', () => {
    const plan = [...doneBeforeDecision.slice(0, 2), { stage: 'internal-audit', plannedStart: '2027-06-01' } as const];
    const result = projectCertification(options({ plan, controls: controlsLeft(0) }));
    // 7/14/28 days from 2027-06-01 (mode at F = 1/3): x = 28 − √((1 − F) × 21 × 14), so F = 0.5 →
    // 15.88 days, 0.8 → 20.33, 0.95 → 24.17 (sampling error about ±0.1 day).
    expect(result.stages[2]?.projected).toEqual({ p50: '2027-06-16', p80: '2027-06-21', p95: '2027-06-25' });
  });

  it('ends an overrun stage in progress no earlier than asOf', () => {
    // The decision started on 2026-05-01; even its longest duration, 56 days, has passed by 2026-10-01.
    const plan = [...doneBeforeDecision, { stage: 'certification-decision', actualStart: '2026-05-01' } as const];
    const result = projectCertification(options({ plan, controls: controlsLeft(0) }));
    expect(result.certificationDate).toEqual({ p50: '2026-10-01', p80: '2026-10-01', p95: '2026-10-01' });
    expect(result.stages[6]?.status).toBe('in-progress');
  });

  it('projects a later date when more controls are left', () => {
    const history = weeks([1, 3, 0, 2, 4, 2, 1, 3]);
    const medians = [0, 5, 10, 20, 30].map((left) => projectCertification(options({ controls: controlsLeft(left), completionHistory: history })).certificationDate.p50);
    expect([...medians].sort()).toEqual(medians);
    expect(new Set(medians).size).toBe(medians.length);
  });

  it('says when no control is left', () => {
    const result = projectCertification(options({ controls: controlsLeft(0) }));
    expect(result.stages[1]?.projected).toEqual({ p50: '2026-10-01', p80: '2026-10-01', p95: '2026-10-01' });
    expect(result.remainingControls).toBe(0);
    expect(result.note).toContain('No controls are left, so implementation ends as soon as it can start.');
  });

  it('falls back to the prior for too short a history, and says so', () => {
    // Small and low: 3/4/6 months (mode at F = 1/3), all 38 controls left. Above the mode,
    // x = 6 − √((1 − F) × 3 × 2) months of 30.4375 days: F = 0.5 → 129.9 days, 0.8 → 149.3,
    // 0.95 → 166.0 (sampling error about ±0.3 day).
    const result = projectCertification(options({ controls: controlsLeft(38), completionHistory: weeks([5, 5, 5]), profile: { size: 'small', complexity: 'low' } }));
    expect(result.basis).toBe('prior');
    expect(result.note).toBe(
      `There are only 3 weeks of completion history (4 are needed), so implementation is projected from a typical 3 to 6 months (most likely 4) for a small organisation of low complexity, scaled to the 38 of 38 applicable controls left. ${NOT_MODELLED}`,
    );
    const projected = result.stages[1]?.projected;
    expect(daysBetween('2026-10-01', projected?.p50 ?? '')).toBe(129);
    expect(Math.abs(daysBetween('2026-10-01', projected?.p80 ?? '') - 149.3)).toBeLessThan(1.5);
    expect(Math.abs(daysBetween('2026-10-01', projected?.p95 ?? '') - 166.0)).toBeLessThan(1.5);
    expect(result.criticalStage).toBe('implementation');
  });

  it('falls back to the prior when no week had completions, scaled to the share left', () => {
    const result = projectCertification(options({ controls: controlsLeft(19), completionHistory: weeks([0, 0, 0, 0, 0]) }));
    // The default profile, medium and medium, gives 5/7/10 months; half the controls left halves them.
    expect(result.note).toBe(
      `No controls were completed in the 5 weeks of completion history, so implementation is projected from a typical 5 to 10 months (most likely 7) for a medium organisation of medium complexity, scaled to the 19 of 38 applicable controls left. ${NOT_MODELLED}`,
    );
    const days = daysBetween('2026-10-01', result.stages[1]?.projected.p50 ?? '');
    // Median of 5/7/10: F(mode) = 0.4, so 10 − √(0.5 × 5 × 3) = 7.26 months × 30.4375 / 2 = 110.5 days.
    expect(Math.abs(days - 110.5)).toBeLessThan(1.5);
    expect(projectCertification(options({ completionHistory: [] })).note.startsWith('There is no completion history, so')).toBe(true);
    expect(projectCertification(options({ completionHistory: weeks([1]) })).note.startsWith('There is only 1 week of completion history (4 are needed), so')).toBe(true);
  });

  it('takes longer for a larger, more complex organisation under the prior', () => {
    const small = projectCertification(options({ completionHistory: [], profile: { size: 'small', complexity: 'low' } }));
    const large = projectCertification(options({ completionHistory: [], profile: { size: 'large', complexity: 'high' } }));
    expect(small.certificationDate.p50 < large.certificationDate.p50).toBe(true);
  });

  it('gives the actual decision date when every stage is done', () => {
    // A leap-day decision: each anniversary falls on 28 February.
    const plan = [...doneBeforeDecision, done('certification-decision', '2026-09-20', '2028-02-29')];
    const result = projectCertification(options({ asOf: '2028-03-01', plan }));
    expect(result.certificationDate).toEqual({ p50: '2028-02-29', p80: '2028-02-29', p95: '2028-02-29' });
    expect(result.stages.map((stage) => stage.status)).toEqual(STAGES.map(() => 'done'));
    expect(result.stages[0]?.projected.p95).toBe('2026-01-30');
    expect(result.criticalStage).toBeNull();
    expect(result.note).toBe('Every stage is done: the dates are the actual ones.');
    expect(result.cycle).toEqual({ decision: '2028-02-29', firstSurveillanceBy: '2029-02-28', secondSurveillanceBy: '2030-02-28', recertificationBy: '2031-02-27', expiry: '2031-02-28' });
  });

  it('counts the cycle in calendar months from the P50 decision', () => {
    // Decision 31 days after 2026-12-31: 2027-01-31 → 2028-01-31, 2029-01-31, 2030-01-31.
    const plan = [...doneBeforeDecision, done('certification-decision', '2026-09-20', '2027-01-31')];
    expect(projectCertification(options({ asOf: '2027-02-01', plan })).cycle).toEqual({
      decision: '2027-01-31', firstSurveillanceBy: '2028-01-31', secondSurveillanceBy: '2029-01-31', recertificationBy: '2030-01-30', expiry: '2030-01-31',
    });
  });

  it('names implementation as critical while it dominates, a later stage once it is fixed', () => {
    expect(projectCertification(options({ completionHistory: weeks([0, 1, 0, 0, 3, 0, 1, 0]), controls: controlsLeft(30) })).criticalStage).toBe('implementation');
    // Constant throughput makes implementation certain: Stage 2 (lead 14–56 days plus 2–10) varies most.
    expect(projectCertification(options()).criticalStage).toBe('stage-2');
  });

  it('gives the same result for the same seed', () => {
    const input = options({ completionHistory: weeks([1, 3, 0, 2, 4, 2]), controls: controlsLeft(20), simulations: 2000 });
    expect(projectCertification(input)).toEqual(projectCertification(input));
    expect(projectCertification({ ...input, seed: 8 })).not.toEqual(projectCertification(input));
  });

  it('returns frozen, JSON-safe results and leaves the input unchanged', () => {
    const input = deepFreeze(options({ completionHistory: weeks([1, 3, 0, 2]) }));
    const copy = structuredClone(input);
    const result = projectCertification(input);
    expect(input).toEqual(copy);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    for (const part of [result, result.stages, result.stages[0], result.stages[0]?.projected, result.certificationDate, result.cycle]) {
      expect(Object.isFrozen(part)).toBe(true);
    }
  });

  it('orders p50 ≤ p80 ≤ p95, and puts the certification date last', () => {
    const date = fc.integer({ min: 0, max: 400 }).map((day) => addDays('2025-06-01', day));
    const stagePlan = fc.record(
      { plannedStart: fc.option(fc.integer({ min: 0, max: 600 }).map((day) => addDays('2025-06-01', day)), { nil: undefined }), progress: fc.constantFrom('none', 'started', 'done'), start: date, length: fc.integer({ min: 0, max: 60 }) },
    );
    fc.assert(
      fc.property(
        fc.array(stagePlan, { minLength: 7, maxLength: 7 }),
        fc.integer({ min: 0, max: 38 }),
        fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 12 }),
        fc.constantFrom('small', 'medium', 'large'),
        fc.integer(),
        (stages, left, counts, size, seed) => {
          // asOf 2026-12-31 is after every actual date (at most 2025-06-01 + 460 days = 2026-09-04).
          const plan: CertificationStagePlan[] = stages.map((entry, index) => ({
            stage: STAGES[index] as CertificationStage,
            plannedStart: entry.plannedStart,
            actualStart: entry.progress === 'none' ? undefined : entry.start,
            actualEnd: entry.progress === 'done' ? addDays(entry.start, entry.length) : undefined,
          }));
          const result = projectCertification({ asOf: '2026-12-31', plan, controls: controlsLeft(left), completionHistory: weeks(counts), profile: { size, complexity: 'high' }, seed, simulations: 200 });
          const decisionDone = plan[6]?.actualEnd !== undefined;
          for (const { projected } of [...result.stages, { projected: result.certificationDate }]) {
            expect(projected.p50 <= projected.p80 && projected.p80 <= projected.p95).toBe(true);
          }
          if (!decisionDone) {
            for (const { projected } of result.stages) {
              expect(projected.p95 <= result.certificationDate.p95).toBe(true);
              expect(projected.p50 <= result.certificationDate.p50).toBe(true);
            }
            expect(result.certificationDate.p50 >= '2026-12-31').toBe(true);
          }
          expect(result.cycle.decision).toBe(result.certificationDate.p50);
        },
      ),
      { numRuns: 60 },
    );
  });

  it.each<[string, Partial<Record<keyof ProjectCertificationOptions, unknown>>, string]>([
    ['no asOf', { asOf: undefined }, 'projectCertification: asOf must be an ISO date YYYY-MM-DD, got undefined'],
    ['an impossible asOf', { asOf: '2026-02-30' }, 'projectCertification: asOf must be an ISO date YYYY-MM-DD, got "2026-02-30"'],
    ['a date-time asOf', { asOf: '2026-10-01T12:00Z' }, 'projectCertification: asOf must be an ISO date YYYY-MM-DD, got "2026-10-01T12:00Z"'],
    ['a plan that is not an array', { plan: 'soon' }, 'projectCertification: plan must be an array of stages { stage, plannedStart?, plannedEnd?, actualStart?, actualEnd? }, got "soon"'],
    ['an unknown stage', { plan: [{ stage: 'kick-off' }] }, "projectCertification: plan[0].stage must be one of 'gap-analysis', 'implementation', 'internal-audit', 'management-review', 'stage-1', 'stage-2', 'certification-decision', got \"kick-off\""],
    ['a repeated stage', { plan: [{ stage: 'stage-1' }, { stage: 'stage-2' }, { stage: 'stage-1' }] }, 'projectCertification: plan[2].stage repeats "stage-1"; each stage may appear once'],
    ['a bad planned date', { plan: [{ stage: 'stage-1', plannedStart: '2027-1-5' }] }, 'projectCertification: plan[0].plannedStart must be an ISO date YYYY-MM-DD, got "2027-1-5"'],
    ['an actual end before its start', { plan: [done('gap-analysis', '2026-02-01', '2026-01-15')] }, 'projectCertification: plan[0].actualEnd must not be before actualStart, got "2026-01-15" before "2026-02-01"'],
    ['a planned end before its start', { plan: [{ stage: 'stage-2', plannedStart: '2027-03-10', plannedEnd: '2027-03-08' }] }, 'projectCertification: plan[0].plannedEnd must not be before plannedStart, got "2027-03-08" before "2027-03-10"'],
    ['an actual start after asOf', { plan: [{ stage: 'gap-analysis', actualStart: '2026-10-02' }] }, 'projectCertification: plan[0].actualStart must not be after asOf, got "2026-10-02"'],
    ['controls with an unknown status', { controls: [{ id: 'A.2.2', objective: 'A.2', applicable: true, status: 'done' }] }, "projectCertification: controls[0].status must be one of 'not-started', 'planned', 'in-progress', 'implemented', 'verified', got \"done\""],
    ['a history that is not an array', { completionHistory: null }, 'projectCertification: completionHistory must be an array of weeks { week, completed }, got null'],
    ['a negative count', { completionHistory: weeks([2, -1]) }, 'projectCertification: completionHistory[1].completed must be a whole number ≥ 0, got -1'],
    ['a fractional count', { completionHistory: weeks([1.5]) }, 'projectCertification: completionHistory[0].completed must be a whole number ≥ 0, got 1.5'],
    ['a bad week', { completionHistory: [{ week: 'W36', completed: 1 }] }, 'projectCertification: completionHistory[0].week must be an ISO date YYYY-MM-DD, got "W36"'],
    ['a week after asOf', { completionHistory: [{ week: '2026-10-05', completed: 1 }] }, 'projectCertification: completionHistory[0].week must not be after asOf, got "2026-10-05"'],
    ['a repeated week', { completionHistory: [{ week: '2026-09-07', completed: 1 }, { week: '2026-09-07', completed: 2 }] }, 'projectCertification: completionHistory[1].week repeats "2026-09-07"; each week may appear once'],
    ['an unknown size', { profile: { size: 'huge', complexity: 'low' } }, "projectCertification: profile.size must be one of 'small', 'medium', 'large', got \"huge\""],
    ['an unknown complexity', { profile: { size: 'small', complexity: 'extreme' } }, "projectCertification: profile.complexity must be one of 'low', 'medium', 'high', got \"extreme\""],
    ['no seed', { seed: undefined }, 'projectCertification: seed must be an integer, got undefined'],
    ['a fractional seed', { seed: 1.5 }, 'projectCertification: seed must be an integer, got 1.5'],
    ['zero simulations', { simulations: 0 }, 'projectCertification: simulations must be a whole number from 1 to 1000000, got 0'],
    ['fractional simulations', { simulations: 10.5 }, 'projectCertification: simulations must be a whole number from 1 to 1000000, got 10.5'],
    ['simulations as text', { simulations: '100' }, 'projectCertification: simulations must be a whole number from 1 to 1000000, got "100"'],
    ['too many simulations', { simulations: 2_000_000 }, 'projectCertification: simulations must be a whole number from 1 to 1000000, got 2000000'],
  ])('rejects %s', (_case, overrides, message) => {
    expectRiskEngineError(() => projectCertification({ ...options(), ...overrides } as ProjectCertificationOptions), message);
  });

  it('rejects options that are not an object', () => {
    expectRiskEngineError(() => projectCertification(null as unknown as ProjectCertificationOptions), 'projectCertification: options must be an object { asOf, plan, controls, completionHistory, seed }, got null');
  });
});
