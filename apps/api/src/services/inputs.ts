import { badInput } from '../errors.js';
import { checkDate } from './dates.js';

/** A value a new record must have. */
export function required<Value>(field: string, value: Value | null | undefined): Value {
  if (value === null || value === undefined) throw badInput(field, 'is required');
  return value;
}

/** A field that may be left out but not cleared: null is refused, undefined passes through. */
export function notNull<Value>(field: string, value: Value | null | undefined): Value | undefined {
  if (value === null) throw badInput(field, 'must not be null; leave it out to keep the current value');
  return value;
}

/** An optional date field: left out keeps `current`, null clears it, a value must be YYYY-MM-DD. */
export function optionalDate(field: string, value: string | null | undefined, current: string | null): string | null {
  if (value === undefined) return current;
  return value === null ? null : checkDate(field, value);
}
