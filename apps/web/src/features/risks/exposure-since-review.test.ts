import { describe, expect, it } from 'vitest';
import { exposureChange } from './exposure-since-review.js';

describe('exposureChange', () => {
  it('compares the last point with the first', () => {
    const points = [
      { date: '2026-06-24', residual: { totalScore: 324 } },
      { date: '2026-07-24', residual: { totalScore: 300 } },
      { date: '2026-11-29', residual: { totalScore: 235 } },
    ];
    expect(exposureChange(points)).toEqual({ since: '2026-06-24', then: 324, now: 235, change: -89, share: -89 / 324 });
  });

  it('has no share of an empty register, and nothing without points', () => {
    expect(exposureChange([{ date: '2026-01-01', residual: { totalScore: 0 } }, { date: '2026-02-01', residual: { totalScore: 12 } }])?.share).toBeNull();
    expect(exposureChange([])).toBeNull();
  });
});
