import { describe, expect, it } from 'vitest';
import { headroom, type WatchedThreshold, watchlist } from './watchlist.js';

const base: Omit<WatchedThreshold, 'id' | 'latest'> = {
  aiSystem: { id: 's', name: 'Model' },
  attribute: 'age',
  metric: 'DEMOGRAPHIC_PARITY_DIFFERENCE',
  value: 0.1,
  direction: 'ABOVE',
  privilegedGroup: null,
  minGroupSize: 0,
};
const reading = (value: number | null, breached = false) => ({ start: '2026-11-16', end: '2026-11-23', value, n: 1000, breached });
const above = (id: string, value: number | null): WatchedThreshold => ({ ...base, id, latest: reading(value, value !== null && value > 0.1) });

describe('watchlist', () => {
  it('measures headroom relative to the threshold, on the side that breaches', () => {
    expect(headroom(above('a', 0.05))).toBeCloseTo(0.5);
    expect(headroom(above('a', 0.15))).toBeCloseTo(-0.5);
    const ratio: WatchedThreshold = { ...base, id: 'r', metric: 'DISPARATE_IMPACT', direction: 'BELOW', value: 0.8, latest: reading(0.72, true) };
    expect(headroom(ratio)).toBeCloseTo(-0.1);
    expect(headroom({ ...ratio, latest: null })).toBe(Infinity);
    expect(headroom({ ...ratio, latest: reading(null) })).toBe(Infinity);
  });

  it('puts the breached first, furthest beyond first, then the nearest, and counts the rest', () => {
    const thresholds = [above('calm', 0.02), above('none', null), above('near', 0.09), above('far', 0.3), above('just', 0.11), above('mid', 0.06)];
    const { shown, total, breached } = watchlist(thresholds, 4);
    expect(shown.map((threshold) => threshold.id)).toEqual(['far', 'just', 'near', 'mid']);
    expect(total).toBe(6);
    expect(breached).toBe(2);
  });

  it('keeps every threshold, in order, when there are no more than the limit and none has a reading', () => {
    const thresholds = [above('first', null), { ...above('second', null), latest: null }];
    expect(watchlist(thresholds).shown.map((threshold) => threshold.id)).toEqual(['first', 'second']);
  });
});
