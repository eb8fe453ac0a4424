import type { CombinedError, Client, Operation } from 'urql';
import { vi } from 'vitest';
import { concat, fromValue, never } from 'wonka';

/** What the mock client answers to one query: data, an error, or nothing yet. */
export type Answer = { data?: unknown; error?: CombinedError } | 'pending';

export function operationName(operation: Operation): string | undefined {
  const definition = operation.query.definitions[0];
  return definition?.kind === 'OperationDefinition' ? definition.name?.value : undefined;
}

/**
 * A client that answers each query by its operation name with one fixed result, as urql's testing
 * guide suggests; a query it has no answer for stays pending. The stream stays open after the
 * result, as a real client's does, so urql does not re-run it. Every operation is pushed to `seen`.
 */
export function clientAnswering(answers: Readonly<Record<string, Answer>>, seen: Operation[] = []): Client {
  return {
    executeQuery: (operation: Operation) => {
      seen.push(operation);
      const answer = answers[operationName(operation) ?? ''] ?? 'pending';
      if (answer === 'pending') return never;
      return concat([fromValue({ operation, ...answer, stale: false, hasNext: false }), never]);
    },
    executeMutation: () => never,
    executeSubscription: () => never,
  } as unknown as Client;
}

/**
 * Gives every element a size, so recharts' ResponsiveContainer (which measures its parent, and
 * finds 0 × 0 in happy-dom) draws the chart. Call in beforeEach; vi.restoreAllMocks undoes it.
 */
export function giveElementsASize(width = 800, height = 400): void {
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue({ x: 0, y: 0, top: 0, left: 0, right: width, bottom: height, width, height, toJSON: () => ({}) } as DOMRect);
}
