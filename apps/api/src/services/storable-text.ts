import { badInput } from '../errors.js';

/**
 * Text neither database can keep: the NUL character (PostgreSQL refuses it in text, and SQLite
 * cuts the statement short at it) and a UTF-16 surrogate without its pair (no UTF-8 for it).
 */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The path of the first string inside `value` that cannot be stored, e.g. `input.bands.0.level`. */
export function unstorableTextPath(value: unknown, path: string): string | null {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? path : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = unstorableTextPath(item, `${path}.${index}`);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = unstorableTextPath(item, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return null;
}

/**
 * Refuses, for every root field, an argument holding text that cannot be stored, naming the
 * field, before a resolver passes it to the database (where it was an internal error).
 */
export function refuseUnstorableText(args: Record<string, unknown>): void {
  const field = unstorableTextPath(args, '');
  if (field) throw badInput(field, 'must not contain the NUL character or an unpaired UTF-16 surrogate');
}
