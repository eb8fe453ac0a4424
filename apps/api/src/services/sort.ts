/**
 * Sorts records in memory the way the lists order them in the database for `orderBy`: each key
 * in turn, empty values last in either direction, the id last.
 */
export function sortInMemory<T extends { id: string }>(items: readonly T[], orderBy: Readonly<Record<string, unknown>>): T[] {
  const keys = [...Object.entries(orderBy), ['id', 'asc']] as [string, unknown][];
  return [...items].sort((a, b) => {
    for (const [key, direction] of keys) {
      const [x, y] = [(a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]];
      if (x == null || y == null) {
        if (x == null && y == null) continue;
        return x == null ? 1 : -1;
      }
      const order = compare(x, y);
      if (order !== 0) return String(direction).toLowerCase().startsWith('desc') ? -order : order;
    }
    return 0;
  });
}

/** Ascending order of two column values, neither empty. */
function compare(a: unknown, b: unknown): number {
  if (a instanceof Date && b instanceof Date) return a.getTime() - b.getTime();
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const [x, y] = [String(a), String(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}
