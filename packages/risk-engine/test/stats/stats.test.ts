import { describe, expect, it } from 'vitest';
import { normalCdf } from '../../src/stats/normal-cdf.js';
import { normalQuantile } from '../../src/stats/normal-quantile.js';
import { wilsonInterval } from '../../src/stats/wilson-interval.js';
import { seededRandom } from '../../src/random/seeded-random.js';

describe('normal distribution', () => {
  it.each([
    // Published values of the standard normal (e.g. any z-table to 9 places).
    [0, 0.5],
    [1.959963985, 0.975],
    [-1.644853627, 0.05],
    [2.575829304, 0.995],
    [-3.090232306, 0.001],
  ])('Φ(%f) = %f', (z, p) => {
    expect(normalCdf(z)).toBeCloseTo(p, 7);
  });

  it('keeps relative precision in the far tail: Φ(−8) ≈ 6.22096e-16', () => {
    expect(normalCdf(-8) / 6.220960574e-16).toBeCloseTo(1, 5);
  });

  it.each([
    [0.975, 1.959963985],
    [0.5, 0],
    [0.05, -1.644853627],
    [0.995, 2.575829304],
    [1e-6, -4.753424309],
  ])('quantile(%f) = %f', (p, z) => {
    expect(normalQuantile(p)).toBeCloseTo(z, 7);
  });

  it('gives infinities at 0 and 1', () => {
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('wilsonInterval', () => {
  it('matches a hand calculation for 8 of 10 at 95%', () => {
    // z = 1.959964, z² = 3.841459; centre = (8 + 1.920729)/13.841459 = 0.716741;
    // half-width = 1.959964·√(1.6 + 0.960365)/13.841459 = 0.226578 → [0.490163, 0.943319]
    // to six places.
    const interval = wilsonInterval(8, 10);
    expect(interval?.lower).toBeCloseTo(0.490163, 5);
    expect(interval?.upper).toBeCloseTo(0.943319, 5);
  });

  it('stays inside [0, 1] at k = 0 and k = n, and is null without trials', () => {
    expect(wilsonInterval(0, 5)?.lower).toBe(0);
    expect(wilsonInterval(5, 5)?.upper).toBe(1);
    expect(wilsonInterval(0, 0)).toBeNull();
  });
});

describe('seededRandom', () => {
  it('repeats its sequence for a seed and differs across seeds', () => {
    const first = seededRandom(42);
    const again = seededRandom(42);
    const other = seededRandom(43);
    const a = Array.from({ length: 5 }, () => first());
    expect(Array.from({ length: 5 }, () => again())).toEqual(a);
    expect(Array.from({ length: 5 }, () => other())).not.toEqual(a);
    expect(a.every((value) => value >= 0 && value < 1)).toBe(true);
  });
});
