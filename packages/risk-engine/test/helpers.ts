import { expect } from 'vitest';
import { createRiskMatrix, RiskEngineError, type RiskMatrix } from '../src/index.js';

/** Asserts that `action` throws a RiskEngineError with exactly `message`. */
export function expectRiskEngineError(action: () => unknown, message: string): void {
  let thrown: unknown;
  try {
    action();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(RiskEngineError);
  expect(thrown).toMatchObject({ name: 'RiskEngineError', message });
}

/** Freezes a value and everything inside it, so any attempt to mutate it throws (ES modules are strict). */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/**
 * A 3×3 matrix with an explicit grid in which impact weighs more than likelihood (not a
 * product): grid[likelihood - 1][impact - 1], bands Low 1–2, Medium 3–5, High 6–9.
 */
export function impactWeightedMatrix(): RiskMatrix {
  return createRiskMatrix({
    likelihood: ['Low', 'Medium', 'High'],
    impact: ['Low', 'Medium', 'High'],
    scoring: { grid: [[1, 3, 5], [2, 4, 7], [3, 6, 9]] },
    bands: [
      { level: 'Low', min: 1, max: 2 },
      { level: 'Medium', min: 3, max: 5 },
      { level: 'High', min: 6, max: 9 },
    ],
  });
}
