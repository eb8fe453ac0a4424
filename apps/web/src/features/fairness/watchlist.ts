import type { ResultOf } from '@graphql-typed-document-node/core';
import type { FairnessThresholdsQuery } from './fairness.js';

/** A threshold with its metric on the latest window of its AI system and attribute (FairnessThreshold.latest). */
export type WatchedThreshold = ResultOf<typeof FairnessThresholdsQuery>['fairnessThresholds'][number];

/** How many fairness charts the overview draws at most; the rest are counted, and each system's page has its own. */
export const OVERVIEW_FAIRNESS_CHARTS = 4;

/**
 * How far a reading is from crossing its threshold, relative to the threshold: below 0 when it is
 * already beyond (more negative further beyond), Infinity when the latest window has no value.
 */
export function headroom(threshold: WatchedThreshold): number {
  const value = threshold.latest?.value;
  if (value == null) return Infinity;
  const gap = threshold.direction === 'BELOW' ? value - threshold.value : threshold.value - value;
  return gap / Math.max(Math.abs(threshold.value), 1e-9);
}

/**
 * The thresholds the overview charts first: those beyond their line in the latest window, the
 * furthest first, then those nearest to it; thresholds without a reading come last, in the
 * order given. Returns at most `limit`, with how many are monitored and how many are breached.
 */
export function watchlist(thresholds: readonly WatchedThreshold[], limit = OVERVIEW_FAIRNESS_CHARTS): { shown: WatchedThreshold[]; total: number; breached: number } {
  const ranked = thresholds.map((threshold, index) => ({ threshold, index, headroom: headroom(threshold) }));
  ranked.sort((a, b) => a.headroom - b.headroom || a.index - b.index);
  return {
    shown: ranked.slice(0, limit).map((entry) => entry.threshold),
    total: thresholds.length,
    breached: thresholds.filter((threshold) => threshold.latest?.breached === true).length,
  };
}
