/**
 * Benjamini–Hochberg q-values for a family of p-values, in the order given (internal): sorted
 * ascending, q₍ᵢ₎ = min over j ≥ i of p₍ⱼ₎·m/j, capped at 1. A q-value is the smallest false
 * discovery rate at which that test would be called significant. Cost: O(m log m).
 */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const count = pValues.length;
  const order = pValues.map((_, index) => index).sort((a, b) => pValues[a]! - pValues[b]!);
  const qValues = new Array<number>(count);
  let smallestSoFar = 1;
  for (let rank = count; rank >= 1; rank -= 1) {
    const index = order[rank - 1]!;
    smallestSoFar = Math.min(smallestSoFar, (pValues[index]! * count) / rank);
    qValues[index] = smallestSoFar;
  }
  return qValues;
}
