import type { GroupCounts } from '@assay/risk-engine';
import type { EntityManager } from '@mikro-orm/core';
import type { AiSystem } from '../entities/ai-system.entity.js';
import { FairnessWindow } from '../entities/fairness-window.entity.js';
import { FairnessWindowCell } from '../entities/fairness-window-cell.entity.js';
import type { Organisation } from '../entities/organisation.entity.js';
import { addDays, mondayOnOrBefore } from '../services/dates.js';

/** How many weekly windows each monitored model gets. */
export const DEMO_FAIRNESS_WEEKS = 78;

/** One group's behaviour in a week: rows, share of actual positives, and the model's TPR and FPR. */
interface GroupProfile {
  readonly rows: number;
  readonly baseRate: number;
  readonly truePositiveRate: number;
  readonly falsePositiveRate: number;
}

/** A monitored model: its attribute, and each group's profile in week w of 0 … weeks − 1. */
export interface DemoFairnessModel {
  readonly system: string;
  readonly attribute: string;
  readonly groups: Record<string, (week: number) => GroupProfile>;
}

/** Linear change from `from` to `to` over weeks [start, end], flat outside. */
function ramp(week: number, start: number, end: number, from: number, to: number): number {
  if (week <= start) return from;
  if (week >= end) return to;
  return from + ((to - from) * (week - start)) / (end - start);
}

const LAST = DEMO_FAIRNESS_WEEKS - 1;

/**
 * The demo's monitored models. The CV screener drifts: from 16 weeks ago its true and false
 * positive rates for women fall, so disparate impact (women's selection rate over men's) drops
 * from about 0.94 through the four-fifths line about ten weeks ago to about 0.68 now. The credit
 * model erodes slowly for applicants over 60, heading for the line within months. The fraud model
 * stays level.
 */
export const DEMO_FAIRNESS_MODELS: readonly DemoFairnessModel[] = [
  {
    system: 'CV screening model',
    attribute: 'sex',
    groups: {
      F: (week) => ({
        rows: 2000,
        baseRate: 0.3,
        truePositiveRate: ramp(week, LAST - 16, LAST, 0.76, 0.55),
        falsePositiveRate: ramp(week, LAST - 16, LAST, 0.09, 0.06),
      }),
      M: () => ({ rows: 2200, baseRate: 0.3, truePositiveRate: 0.8, falsePositiveRate: 0.1 }),
    },
  },
  {
    system: 'Credit decisioning model',
    attribute: 'age band',
    groups: {
      'under 60': () => ({ rows: 5600, baseRate: 0.61, truePositiveRate: 0.85, falsePositiveRate: 0.2 }),
      '60 and over': (week) => ({
        rows: 1400,
        baseRate: 0.6,
        truePositiveRate: ramp(week, 0, LAST, 0.81, 0.74),
        falsePositiveRate: ramp(week, 0, LAST, 0.17, 0.145),
      }),
    },
  },
  {
    system: 'Fraud detection model',
    attribute: 'sex',
    groups: {
      F: () => ({ rows: 20000, baseRate: 0.02, truePositiveRate: 0.7, falsePositiveRate: 0.03 }),
      M: () => ({ rows: 21000, baseRate: 0.021, truePositiveRate: 0.71, falsePositiveRate: 0.031 }),
    },
  },
];

/** A fixed generator, so every demo database holds the same counts (for the same start date). */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return (state + 0.5) / 4294967296;
  };
}

/** A binomial draw by the normal approximation (every demo count is large), clamped to [0, n]. */
function binomial(random: () => number, trials: number, probability: number): number {
  const z = Math.sqrt(-2 * Math.log(random())) * Math.cos(2 * Math.PI * random());
  const draw = Math.round(trials * probability + z * Math.sqrt(trials * probability * (1 - probability)));
  return Math.min(trials, Math.max(0, draw));
}

/**
 * Creates DEMO_FAIRNESS_WEEKS weekly windows per monitored model, the last one ending on the
 * Monday on or before `today`, so the demo's drift is always recent.
 */
export async function seedDemoFairness(
  em: EntityManager,
  organisation: Organisation,
  systems: ReadonlyMap<string, AiSystem>,
  today: string,
  afterWindow: (window: FairnessWindow, counts: GroupCounts) => Promise<unknown> = async () => undefined,
): Promise<number> {
  const lastEnd = mondayOnOrBefore(today);
  const firstStart = addDays(lastEnd, -7 * DEMO_FAIRNESS_WEEKS);
  let windows = 0;
  for (const [modelIndex, model] of DEMO_FAIRNESS_MODELS.entries()) {
    const aiSystem = systems.get(model.system);
    if (aiSystem === undefined) throw new Error(`demo fairness model names an unknown AI system: ${model.system}`);
    const random = generator(4200 + modelIndex);
    for (let week = 0; week < DEMO_FAIRNESS_WEEKS; week += 1) {
      const startsOn = addDays(firstStart, 7 * week);
      let rowsInWindow = 0;
      const cells = Object.entries(model.groups).map(([groupKey, profileOf]) => {
        const profile = profileOf(week);
        const positives = binomial(random, profile.rows, profile.baseRate);
        const tp = binomial(random, positives, profile.truePositiveRate);
        const fp = binomial(random, profile.rows - positives, profile.falsePositiveRate);
        rowsInWindow += profile.rows;
        return { groupKey, tp, fn: positives - tp, fp, tn: profile.rows - positives - fp, rows: profile.rows };
      });
      const window = em.create(FairnessWindow, { organisation, aiSystem, attribute: model.attribute, startsOn, endsOn: addDays(startsOn, 7), rows: rowsInWindow });
      for (const cell of cells) window.cells.add(em.create(FairnessWindowCell, { window, ...cell }));
      const groups = Object.fromEntries(cells.map(({ groupKey, ...counts }) => [groupKey, counts]));
      await afterWindow(window, { groups, missing: { tp: 0, fp: 0, tn: 0, fn: 0, rows: 0 } });
      windows += 1;
    }
  }
  return windows;
}
