import { badInput } from '../errors.js';

/** Limits of names and titles, and of free text such as descriptions. */
export const SHORT_TEXT_MAX = 200;
export const LONG_TEXT_MAX = 10_000;

/** A required one-line text: trimmed, not empty, at most `max` characters. */
export function requiredText(field: string, raw: string, max: number): string {
  const text = raw.trim();
  if (!text) throw badInput(field, 'must not be empty');
  if (text.length > max) throw badInput(field, `must be at most ${max} characters, got ${text.length}`);
  return text;
}

/** An optional text: trimmed, at most `max` characters; empty becomes null. */
export function optionalText(field: string, raw: string | null | undefined, max: number): string | null {
  const text = raw?.trim() ?? '';
  if (text.length > max) throw badInput(field, `must be at most ${max} characters, got ${text.length}`);
  return text || null;
}
