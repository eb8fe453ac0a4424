import { complementaryErrorFunction } from './complementary-error-function.js';

/** P(Z ≤ z) for a standard normal Z; precise in both tails (internal). */
export function normalCdf(z: number): number {
  return 0.5 * complementaryErrorFunction(-z / Math.SQRT2);
}
