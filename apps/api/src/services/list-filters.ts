import { type EntityManager, type FilterQuery, raw } from '@mikro-orm/core';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';

/**
 * The words of a search, lower-cased. LIKE's wildcards and escape character split words as spaces
 * do, because SQLite and PostgreSQL disagree on escaping them.
 */
export function searchWords(search: string | null | undefined): string[] {
  return (search ?? '').toLowerCase().split(/[\s%_\\]+/).filter((word) => word !== '');
}

/**
 * Rows where every word appears in at least one of the columns, case aside: PostgreSQL's ILIKE,
 * SQLite's LIKE (which ignores the case of ASCII letters).
 */
export function searchWhere<T>(em: EntityManager, search: string | null | undefined, columns: readonly (keyof T & string)[]): FilterQuery<T>[] {
  const like = em.getPlatform() instanceof PostgreSqlPlatform ? '$ilike' : '$like';
  return searchWords(search).map((word) => ({ $or: columns.map((column) => ({ [column]: { [like]: `%${word}%` } })) }) as FilterQuery<T>);
}

/** Whether a record's text columns contain every word of a search (for lists built in memory). */
export function matchesSearch(words: readonly string[], texts: readonly (string | null | undefined)[]): boolean {
  return words.every((word) => texts.some((text) => text?.toLowerCase().includes(word)));
}

/**
 * Rows whose JSON array column holds `value`. The value must be a catalogue id (checked by the
 * caller): it holds no LIKE wildcard, and the JSON text holds it in quotes on both databases.
 */
export function jsonArrayContains<T>(column: string, value: string): FilterQuery<T> {
  return { [raw((alias) => `cast(${alias}.${column} as text)`)]: { $like: `%"${value}"%` } } as FilterQuery<T>;
}
