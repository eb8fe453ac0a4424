import { expect } from 'vitest';
import { RiskEngineError } from '../src/index.js';

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
