import { RiskEngineError } from '../errors/risk-engine-error.js';
import { parseIsoDate } from '../time/parse-iso-date.js';
import { describe } from '../time/prepare-series.js';
import type { ReadinessControl, ReadinessStatus } from './types.js';

const MILLISECONDS_PER_DAY = 86_400_000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** The implementation statuses, as in the shared vocabulary (internal). */
export const readinessStatuses: readonly ReadinessStatus[] = ['not-started', 'planned', 'in-progress', 'implemented', 'verified'];

/** Whether a status counts as done: implemented or verified (internal). */
export function isDone(status: ReadinessStatus): boolean {
  return status === 'implemented' || status === 'verified';
}

/** Throws unless `value` is one of the implementation statuses (internal). */
export function checkStatus(functionName: string, field: string, value: unknown): ReadinessStatus {
  if (!readinessStatuses.includes(value as ReadinessStatus)) {
    throw new RiskEngineError(`${functionName}: ${field} must be one of ${readinessStatuses.map((status) => `'${status}'`).join(', ')}, got ${describe(value)}`);
  }
  return value as ReadinessStatus;
}

/** Throws unless `value` is an object (internal). */
export function checkObject(functionName: string, field: string, value: unknown, shape: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new RiskEngineError(`${functionName}: ${field} must be ${shape}, got ${describe(value)}`);
  }
  return value as Record<string, unknown>;
}

/** Throws unless `value` is an array (internal). */
export function checkArray(functionName: string, field: string, value: unknown, shape: string): readonly unknown[] {
  if (!Array.isArray(value)) {
    throw new RiskEngineError(`${functionName}: ${field} must be an array of ${shape}, got ${describe(value)}`);
  }
  return value;
}

/** Throws unless `value` is a non-empty string (internal). */
export function checkText(functionName: string, field: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new RiskEngineError(`${functionName}: ${field} must be a non-empty string, got ${describe(value)}`);
  }
  return value;
}

/**
 * Checks the Statement of Applicability rows `{ id, objective, applicable, status }`, with unique
 * ids, and returns them unchanged (internal).
 */
export function checkControls(functionName: string, controls: unknown): readonly ReadinessControl[] {
  const list = checkArray(functionName, 'controls', controls, 'controls { id, objective, applicable, status }');
  const seen = new Set<string>();
  list.forEach((control, index) => {
    const field = `controls[${index}]`;
    const { id, objective, applicable, status } = checkObject(functionName, field, control, 'a control { id, objective, applicable, status }');
    checkText(functionName, `${field}.id`, id);
    if (seen.has(id as string)) throw new RiskEngineError(`${functionName}: ${field}.id repeats ${describe(id)}; each control may appear once`);
    seen.add(id as string);
    checkText(functionName, `${field}.objective`, objective);
    if (typeof applicable !== 'boolean') throw new RiskEngineError(`${functionName}: ${field}.applicable must be true or false, got ${describe(applicable)}`);
    checkStatus(functionName, `${field}.status`, status);
  });
  return list as readonly ReadinessControl[];
}

/** Days since 1970-01-01 of an ISO date `YYYY-MM-DD`, or a RiskEngineError naming the field (internal). */
export function dayOfIsoDate(functionName: string, field: string, value: unknown): number {
  const time = typeof value === 'string' && DATE_ONLY.test(value) ? parseIsoDate(value) : null;
  if (time === null) throw new RiskEngineError(`${functionName}: ${field} must be an ISO date YYYY-MM-DD, got ${describe(value)}`);
  return time / MILLISECONDS_PER_DAY;
}
