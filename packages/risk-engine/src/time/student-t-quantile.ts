import { normalQuantile } from '../stats/normal-quantile.js';

/** Above this many degrees of freedom the Cornish–Fisher expansion is used (its error is then that of normalQuantile, about 4e-8). */
const SERIES_LIMIT = 1000;

/**
 * The t with P(T ≤ t) = p for Student's t with `degreesOfFreedom` (a whole number ≥ 1) (internal).
 * Up to 1000 degrees of freedom it inverts the exact finite series for P(|T| ≤ t) of Abramowitz &
 * Stegun 26.7.3–4 by bisection (cost O(degrees of freedom × 60)); above, it uses the Cornish–Fisher
 * expansion in the normal quantile, A&S 26.7.5. t(0.975, 3) = 3.182446305284263.
 */
export function studentTQuantile(p: number, degreesOfFreedom: number): number {
  if (p === 0.5) return 0;
  if (p < 0.5) return -studentTQuantile(1 - p, degreesOfFreedom);
  if (p >= 1) return Number.POSITIVE_INFINITY;
  if (degreesOfFreedom > SERIES_LIMIT) return cornishFisher(normalQuantile(p), degreesOfFreedom);
  // P(|T| ≤ t) = 2p − 1 for the upper quantile.
  const target = 2 * p - 1;
  let low = 0;
  let high = 1;
  while (centralProbability(high, degreesOfFreedom) < target) high *= 2;
  for (let step = 0; step < 200 && high - low > 1e-15 * high; step++) {
    const middle = (low + high) / 2;
    if (centralProbability(middle, degreesOfFreedom) < target) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}

/** P(|T| ≤ t) for t ≥ 0: A&S 26.7.3 (odd degrees of freedom) and 26.7.4 (even). */
function centralProbability(t: number, degreesOfFreedom: number): number {
  const theta = Math.atan(t / Math.sqrt(degreesOfFreedom));
  const cosineSquared = Math.cos(theta) ** 2;
  let term = 1;
  let sum = 1;
  if (degreesOfFreedom % 2 === 1) {
    // (2/π)(θ + sin θ cos θ [1 + (2/3)cos²θ + (2·4)/(3·5)cos⁴θ + … up to cos^(ν−3)θ]).
    for (let k = 1; k <= (degreesOfFreedom - 3) / 2; k++) {
      term *= ((2 * k) / (2 * k + 1)) * cosineSquared;
      sum += term;
    }
    const series = degreesOfFreedom === 1 ? 0 : Math.sin(theta) * Math.cos(theta) * sum;
    return (2 / Math.PI) * (theta + series);
  }
  // sin θ [1 + (1/2)cos²θ + (1·3)/(2·4)cos⁴θ + … up to cos^(ν−2)θ].
  for (let k = 1; k <= (degreesOfFreedom - 2) / 2; k++) {
    term *= ((2 * k - 1) / (2 * k)) * cosineSquared;
    sum += term;
  }
  return Math.sin(theta) * sum;
}

/** A&S 26.7.5: t ≈ z + g1/ν + g2/ν² + g3/ν³ + g4/ν⁴. */
function cornishFisher(z: number, degreesOfFreedom: number): number {
  const z2 = z * z;
  const g1 = (z * (z2 + 1)) / 4;
  const g2 = (z * ((5 * z2 + 16) * z2 + 3)) / 96;
  const g3 = (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / 384;
  const g4 = (z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945)) / 92160;
  const v = degreesOfFreedom;
  return z + g1 / v + g2 / v ** 2 + g3 / v ** 3 + g4 / v ** 4;
}
