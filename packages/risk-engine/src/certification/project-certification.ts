import { RiskEngineError } from '../errors/risk-engine-error.js';
import { seededRandom } from '../random/seeded-random.js';
import { describe } from '../time/prepare-series.js';
import { addMonths, isoDateOfDay } from './calendar.js';
import { checkArray, checkControls, checkObject, dayOfIsoDate, isDone } from './check-input.js';
import { certificationStages, implementationMonthsFor, sampleTriangle, stageDays } from './stage-model.js';
import type {
  CertificationProfile,
  CertificationProjection,
  CertificationStage,
  CertificationStageProjection,
  CertificationStageStatus,
  DatePercentiles,
  ProjectCertificationOptions,
} from './types.js';

const NAME = 'projectCertification';
const DAYS_PER_MONTH = 365.25 / 12;
const MINIMUM_HISTORY_WEEKS = 4;
const MAXIMUM_SIMULATIONS = 1_000_000;
const DEFAULT_PROFILE: CertificationProfile = { size: 'medium', complexity: 'medium' };
const DATE_FIELDS = ['plannedStart', 'plannedEnd', 'actualStart', 'actualEnd'] as const;

/** A stage of the plan with its dates as day counts since 1970-01-01, null when not given. */
interface CheckedStage {
  readonly stage: CertificationStage;
  readonly status: CertificationStageStatus;
  readonly plannedStart: number | null;
  readonly plannedEnd: string | null;
  readonly actualStart: number | null;
  readonly actualEnd: number | null;
}

/** How long the implementation work left takes, in days, from one simulation's random numbers. */
interface ImplementationModel {
  readonly basis: 'history' | 'prior';
  readonly note: string;
  readonly sampleDays: (random: () => number) => number;
}

/**
 * Forecasts the date of ISO/IEC 42001 certification by Monte Carlo simulation of the remaining
 * stages: gap analysis, implementation, internal audit, management review, Stage 1, Stage 2 and
 * the certification decision, in that order (the ISO/IEC 17021-1 audit process).
 *
 * A stage with `actualEnd` is done and ends then; one with only `actualStart` is in progress; the
 * others have not started. Each simulation runs the stages in order. A stage becomes ready when
 * every stage before it has ended (and not before `asOf`). A stage not started begins after its
 * lead time (Stage 1 and 2 only), or on its `plannedStart` if that is later, and lasts a sampled
 * duration. A stage in progress ends `duration` after its `actualStart`, but not before it is ready.
 * Durations are triangular: gap analysis 14/28/42 days (min/mode/max), internal audit 7/14/28,
 * management review 3/7/21, Stage 1 1/2/5 after a 14/28/56-day lead, Stage 2 2/4/10 after a
 * 14/28/56-day lead, decision 14/28/56.
 *
 * Implementation lasts until the applicable controls not implemented or verified are done, counted
 * from `asOf` when it is in progress. With at least 4 weeks of `completionHistory` and some
 * completions, each future week's completions are drawn at random from the history weeks (a
 * bootstrap; runs of zero weeks are skipped in one geometric draw), and implementation ends after
 * the week in which they reach the work left (`basis: 'history'`). Otherwise implementing all
 * applicable controls takes a typical number of months for the `profile` (triangular, from
 * 3/4/6 for small and low up to 8/10/12 for large and high), scaled by the share still to do
 * (`basis: 'prior'`). A major nonconformity at Stage 2 (up to 6 months to correct) is not modelled.
 *
 * Percentiles are nearest-rank over the simulations. `criticalStage` is the stage not done whose
 * added days (how far it moves the latest end so far) have the largest covariance with the
 * certification date, that is the largest share of its variance. `cycle` counts from the P50
 * certification date. Cost: O(simulations × (stages + controls left)), plus sorting.
 *
 * @throws {RiskEngineError} for an invalid `asOf` or other date, an unknown or repeated stage, an
 *   end before its start, an actual date after `asOf`, invalid controls (as `readiness`), a
 *   history week that is invalid, repeated or after `asOf`, a count that is not a whole number ≥ 0,
 *   an unknown profile, a seed that is not an integer, or a number of simulations that is not a
 *   whole number from 1 to 1,000,000, e.g. `projectCertification: plan[0].stage must be one of
 *   'gap-analysis', …, got "kick-off"`.
 * @example
 * projectCertification({
 *   asOf: '2026-09-28',
 *   plan: [
 *     { stage: 'gap-analysis', actualStart: '2026-06-01', actualEnd: '2026-06-26' },
 *     { stage: 'implementation', actualStart: '2026-06-29' },
 *     { stage: 'stage-1', plannedStart: '2027-01-11', plannedEnd: '2027-01-12' },
 *   ],
 *   // 38 controls: 10 in progress, 27 implemented, 1 excluded.
 *   controls: Array.from({ length: 38 }, (_, index) => ({
 *     id: `C${index + 1}`, objective: 'A.2', applicable: index < 37, status: index < 10 ? 'in-progress' : 'implemented',
 *   })),
 *   completionHistory: ['2026-08-31', '2026-09-07', '2026-09-14', '2026-09-21'].map((week) => ({ week, completed: 2 })),
 *   seed: 42,
 * });
 * // 10 controls at 2 a week: implementation ends 5 weeks after asOf, on 2026-11-02, every time;
 * // Stage 1, booked for 2027-01-11, slips when the management review and the booking lead run later:
 * // { stages: [
 * //     { stage: 'gap-analysis', status: 'done', plannedEnd: null, projected: { p50: '2026-06-26', p80: '2026-06-26', p95: '2026-06-26' } },
 * //     { stage: 'implementation', status: 'in-progress', plannedEnd: null, projected: { p50: '2026-11-02', p80: '2026-11-02', p95: '2026-11-02' } },
 * //     { stage: 'internal-audit', status: 'not-started', plannedEnd: null, projected: { p50: '2026-11-17', p80: '2026-11-22', p95: '2026-11-26' } },
 * //     { stage: 'management-review', status: 'not-started', plannedEnd: null, projected: { p50: '2026-11-28', p80: '2026-12-03', p95: '2026-12-08' } },
 * //     { stage: 'stage-1', status: 'not-started', plannedEnd: '2027-01-12', projected: { p50: '2027-01-13', p80: '2027-01-15', p95: '2027-01-21' } },
 * //     { stage: 'stage-2', status: 'not-started', plannedEnd: null, projected: { p50: '2027-02-20', p80: '2027-03-02', p95: '2027-03-10' } },
 * //     { stage: 'certification-decision', status: 'not-started', plannedEnd: null, projected: { p50: '2027-03-26', p80: '2027-04-06', p95: '2027-04-17' } } ],
 * //   certificationDate: { p50: '2027-03-26', p80: '2027-04-06', p95: '2027-04-17' },
 * //   criticalStage: 'stage-2',
 * //   cycle: { decision: '2027-03-26', firstSurveillanceBy: '2028-03-26', secondSurveillanceBy: '2029-03-26',
 * //            recertificationBy: '2030-03-25', expiry: '2030-03-26' },
 * //   basis: 'history',
 * //   note: 'Implementation is projected by resampling your 4 weeks of completion history (2 controls a week
 * //          on average); 10 of 37 applicable controls are left. The other stages take typical durations;
 * //          a major nonconformity at Stage 2 (up to 6 months to correct) is not modelled.',
 * //   remainingControls: 10, simulations: 10000 }
 */
export function projectCertification(options: ProjectCertificationOptions): CertificationProjection {
  const fields = checkObject(NAME, 'options', options, 'an object { asOf, plan, controls, completionHistory, seed }');
  const asOfDay = dayOfIsoDate(NAME, 'asOf', fields.asOf);
  const stages = checkPlan(fields.plan, asOfDay);
  const controls = checkControls(NAME, fields.controls);
  const history = checkHistory(fields.completionHistory, asOfDay);
  const profile = checkProfile(fields.profile);
  const seed = checkSeed(fields.seed);
  const simulations = checkSimulations(fields.simulations);

  const applicable = controls.filter((control) => control.applicable).length;
  const remaining = controls.filter((control) => control.applicable && !isDone(control.status)).length;
  const implementation = implementationModel(history, profile, remaining, applicable);

  // ends[stage][simulation]: the day each stage ends; added[stage][simulation]: how many days it
  // moves the latest end so far (so the certification date is asOf + the sum over stages).
  const ends = certificationStages.map(() => new Float64Array(simulations));
  const added = certificationStages.map(() => new Float64Array(simulations));
  const latestEnd = new Float64Array(simulations);
  const random = seededRandom(seed);
  for (let simulation = 0; simulation < simulations; simulation += 1) {
    let ready = asOfDay;
    for (let index = 0; index < stages.length; index += 1) {
      const end = stageEnd(stages[index] as CheckedStage, ready, asOfDay, implementation, random);
      (ends[index] as Float64Array)[simulation] = end;
      const next = Math.max(ready, end);
      (added[index] as Float64Array)[simulation] = next - ready;
      ready = next;
    }
    latestEnd[simulation] = ready;
  }

  const decisionDone = stages.at(-1)?.status === 'done';
  const criticalStage = decisionDone ? null : findCriticalStage(stages, added, latestEnd);
  const projections: CertificationStageProjection[] = stages.map((stage, index) => {
    const projected = percentiles(ends[index] as Float64Array);
    return Object.freeze({ stage: stage.stage, status: stage.status, plannedEnd: stage.plannedEnd, projected });
  });
  const certificationDate = (projections.at(-1) as CertificationStageProjection).projected;
  const decision = certificationDate.p50;
  const expiry = addMonths(NAME, decision, 36);
  const cycle = Object.freeze({
    decision,
    firstSurveillanceBy: addMonths(NAME, decision, 12),
    secondSurveillanceBy: addMonths(NAME, decision, 24),
    recertificationBy: isoDateOfDay(NAME, dayOfIsoDate(NAME, 'expiry', expiry) - 1),
    expiry,
  });
  return Object.freeze({
    stages: Object.freeze(projections),
    certificationDate,
    criticalStage,
    cycle,
    basis: implementation.basis,
    note: composeNote(stages, implementation, remaining),
    remainingControls: remaining,
    simulations,
  });
}

/** The day one stage ends in one simulation, given the day every stage before it has ended by. */
function stageEnd(stage: CheckedStage, ready: number, asOfDay: number, implementation: ImplementationModel, random: () => number): number {
  if (stage.actualEnd !== null) return stage.actualEnd;
  if (stage.stage === 'implementation') {
    // The controls left are worked on from today when implementation is under way.
    if (stage.actualStart !== null) return Math.max(asOfDay + implementation.sampleDays(random), ready);
    return Math.max(ready, stage.plannedStart ?? -Infinity) + implementation.sampleDays(random);
  }
  const { lead, duration } = stageDays[stage.stage];
  if (stage.actualStart !== null) return Math.max(stage.actualStart + sampleTriangle(duration, random()), ready);
  const leadDays = lead === null ? 0 : sampleTriangle(lead, random());
  const start = Math.max(ready + leadDays, stage.plannedStart ?? -Infinity);
  return start + sampleTriangle(duration, random());
}

/** Implementation from the organisation's own weekly completions, or from the profile's typical months. */
function implementationModel(history: readonly number[], profile: CertificationProfile, remaining: number, applicable: number): ImplementationModel {
  const completions = history.filter((count) => count > 0);
  if (history.length >= MINIMUM_HISTORY_WEEKS && completions.length > 0) {
    const weeks = Float64Array.from(completions);
    const busyShare = completions.length / history.length;
    const logQuietShare = Math.log(1 - busyShare);
    const total = completions.reduce((sum, count) => sum + count, 0);
    const perWeek = Math.round((total / history.length) * 10) / 10;
    return {
      basis: 'history',
      note: `Implementation is projected by resampling your ${history.length} weeks of completion history (${perWeek} controls a week on average); ${remaining} of ${applicable} applicable controls are left.`,
      sampleDays: (random) => {
        let left = remaining;
        let elapsedWeeks = 0;
        while (left > 0) {
          // Quiet weeks before the next busy one: geometric, P(k) = quietShare^k × busyShare.
          if (busyShare < 1) elapsedWeeks += Math.floor(Math.log(1 - random()) / logQuietShare);
          elapsedWeeks += 1;
          left -= weeks[Math.floor(random() * weeks.length)] as number;
        }
        return elapsedWeeks * 7;
      },
    };
  }
  const months = implementationMonthsFor(profile);
  const shareLeft = applicable === 0 ? 0 : remaining / applicable;
  let reason = `No controls were completed in the ${history.length} weeks of completion history`;
  if (history.length === 0) reason = 'There is no completion history';
  else if (history.length < MINIMUM_HISTORY_WEEKS) reason = `There ${history.length === 1 ? 'is only 1 week' : `are only ${history.length} weeks`} of completion history (${MINIMUM_HISTORY_WEEKS} are needed)`;
  return {
    basis: 'prior',
    note: `${reason}, so implementation is projected from a typical ${months.min} to ${months.max} months (most likely ${months.mode}) for a ${profile.size} organisation of ${profile.complexity} complexity, scaled to the ${remaining} of ${applicable} applicable controls left.`,
    sampleDays: (random) => sampleTriangle(months, random()) * DAYS_PER_MONTH * shareLeft,
  };
}

/**
 * The stage not done whose added days covary most with the certification date: Var(date) is the sum
 * of these covariances, so it carries the largest share. When the date does not vary, the stage not
 * done that adds the most days on average. Ties go to the earlier stage.
 */
function findCriticalStage(stages: readonly CheckedStage[], added: readonly Float64Array[], latestEnd: Float64Array): CertificationStage | null {
  const count = latestEnd.length;
  const meanEnd = mean(latestEnd);
  let varianceEnd = 0;
  for (let simulation = 0; simulation < count; simulation += 1) varianceEnd += ((latestEnd[simulation] as number) - meanEnd) ** 2;
  const datesVary = varianceEnd > 1e-9 * count;
  let best: CertificationStage | null = null;
  let bestScore = -Infinity;
  for (let index = 0; index < stages.length; index += 1) {
    const stage = stages[index] as CheckedStage;
    if (stage.status === 'done') continue;
    const days = added[index] as Float64Array;
    const meanDays = mean(days);
    let score = meanDays;
    if (datesVary) {
      score = 0;
      for (let simulation = 0; simulation < count; simulation += 1) {
        score += ((days[simulation] as number) - meanDays) * ((latestEnd[simulation] as number) - meanEnd);
      }
    }
    if (score > bestScore) {
      best = stage.stage;
      bestScore = score;
    }
  }
  return best;
}

function mean(values: Float64Array): number {
  let total = 0;
  for (const value of values) total += value;
  return total / values.length;
}

/** Nearest-rank P50, P80 and P95 of the days, as ISO dates; sorts the array in place. */
function percentiles(days: Float64Array): DatePercentiles {
  days.sort();
  const at = (share: number): string => isoDateOfDay(NAME, days[Math.max(0, Math.ceil(share * days.length) - 1)] as number);
  return Object.freeze({ p50: at(0.5), p80: at(0.8), p95: at(0.95) });
}

function composeNote(stages: readonly CheckedStage[], implementation: ImplementationModel, remaining: number): string {
  if (stages.every((stage) => stage.status === 'done')) return 'Every stage is done: the dates are the actual ones.';
  const implementationStage = stages[1] as CheckedStage;
  const implementationPart = implementationStage.status === 'done'
    ? 'Implementation is done, so the completion history does not affect the dates.'
    : implementation.note;
  const workPart = implementationStage.status !== 'done' && remaining === 0 ? ' No controls are left, so implementation ends as soon as it can start.' : '';
  return `${implementationPart}${workPart} The other stages take typical durations; a major nonconformity at Stage 2 (up to 6 months to correct) is not modelled.`;
}

function checkPlan(plan: unknown, asOfDay: number): CheckedStage[] {
  const list = checkArray(NAME, 'plan', plan, 'stages { stage, plannedStart?, plannedEnd?, actualStart?, actualEnd? }');
  const byStage = new Map<CertificationStage, CheckedStage>();
  list.forEach((entry, index) => {
    const field = `plan[${index}]`;
    const record = checkObject(NAME, field, entry, 'a stage { stage, plannedStart?, plannedEnd?, actualStart?, actualEnd? }');
    const stage = record.stage as CertificationStage;
    if (!certificationStages.includes(stage)) {
      throw new RiskEngineError(`${NAME}: ${field}.stage must be one of ${certificationStages.map((name) => `'${name}'`).join(', ')}, got ${describe(record.stage)}`);
    }
    if (byStage.has(stage)) throw new RiskEngineError(`${NAME}: ${field}.stage repeats ${describe(stage)}; each stage may appear once`);
    const day: Partial<Record<(typeof DATE_FIELDS)[number], number>> = {};
    for (const name of DATE_FIELDS) {
      const value = record[name];
      if (value !== undefined && value !== null) day[name] = dayOfIsoDate(NAME, `${field}.${name}`, value);
    }
    for (const [startName, endName] of [['plannedStart', 'plannedEnd'], ['actualStart', 'actualEnd']] as const) {
      const start = day[startName];
      const end = day[endName];
      if (start !== undefined && end !== undefined && end < start) {
        throw new RiskEngineError(`${NAME}: ${field}.${endName} must not be before ${startName}, got ${describe(record[endName])} before ${describe(record[startName])}`);
      }
    }
    for (const name of ['actualStart', 'actualEnd'] as const) {
      const value = day[name];
      if (value !== undefined && value > asOfDay) {
        throw new RiskEngineError(`${NAME}: ${field}.${name} must not be after asOf, got ${describe(record[name])}`);
      }
    }
    let status: CertificationStageStatus = 'not-started';
    if (day.actualEnd !== undefined) status = 'done';
    else if (day.actualStart !== undefined) status = 'in-progress';
    byStage.set(stage, {
      stage,
      status,
      plannedStart: day.plannedStart ?? null,
      plannedEnd: day.plannedEnd === undefined ? null : (record.plannedEnd as string),
      actualStart: day.actualStart ?? null,
      actualEnd: day.actualEnd ?? null,
    });
  });
  return certificationStages.map((stage) => byStage.get(stage) ?? { stage, status: 'not-started', plannedStart: null, plannedEnd: null, actualStart: null, actualEnd: null });
}

/** The weekly counts, in input order, after checking them. */
function checkHistory(history: unknown, asOfDay: number): number[] {
  const list = checkArray(NAME, 'completionHistory', history, 'weeks { week, completed }');
  const weeks = new Set<number>();
  return list.map((entry, index) => {
    const field = `completionHistory[${index}]`;
    const { week, completed } = checkObject(NAME, field, entry, 'a week { week, completed }');
    const day = dayOfIsoDate(NAME, `${field}.week`, week);
    if (day > asOfDay) throw new RiskEngineError(`${NAME}: ${field}.week must not be after asOf, got ${describe(week)}`);
    if (weeks.has(day)) throw new RiskEngineError(`${NAME}: ${field}.week repeats ${describe(week)}; each week may appear once`);
    weeks.add(day);
    if (typeof completed !== 'number' || !Number.isInteger(completed) || completed < 0) {
      throw new RiskEngineError(`${NAME}: ${field}.completed must be a whole number ≥ 0, got ${describe(completed)}`);
    }
    return completed;
  });
}

function checkProfile(profile: unknown): CertificationProfile {
  if (profile === undefined) return DEFAULT_PROFILE;
  const { size, complexity } = checkObject(NAME, 'profile', profile, 'an object { size, complexity }');
  if (size !== 'small' && size !== 'medium' && size !== 'large') {
    throw new RiskEngineError(`${NAME}: profile.size must be one of 'small', 'medium', 'large', got ${describe(size)}`);
  }
  if (complexity !== 'low' && complexity !== 'medium' && complexity !== 'high') {
    throw new RiskEngineError(`${NAME}: profile.complexity must be one of 'low', 'medium', 'high', got ${describe(complexity)}`);
  }
  return { size, complexity };
}

function checkSeed(seed: unknown): number {
  if (typeof seed !== 'number' || !Number.isInteger(seed)) {
    throw new RiskEngineError(`${NAME}: seed must be an integer, got ${describe(seed)}`);
  }
  return seed;
}

function checkSimulations(simulations: unknown): number {
  if (simulations === undefined) return 10_000;
  if (typeof simulations !== 'number' || !Number.isInteger(simulations) || simulations < 1 || simulations > MAXIMUM_SIMULATIONS) {
    throw new RiskEngineError(`${NAME}: simulations must be a whole number from 1 to 1000000, got ${describe(simulations)}`);
  }
  return simulations;
}
