import type { CombinedError, Client, Operation } from 'urql';
import { vi } from 'vitest';
import { concat, fromValue, never } from 'wonka';

/** What the mock client answers to one query: data, an error, or nothing yet. */
export type Answer = { data?: unknown; error?: CombinedError } | 'pending';

/** A fixed answer, or one that depends on the operation (its variables, say). */
export type Answering = Answer | ((operation: Operation) => Answer);

export function operationName(operation: Operation): string | undefined {
  const definition = operation.query.definitions[0];
  return definition?.kind === 'OperationDefinition' ? definition.name?.value : undefined;
}

/**
 * A client that answers each query and mutation by its operation name, as urql's testing guide
 * suggests; an operation it has no answer for stays pending. A query's stream stays open after the
 * result, as a real client's does, so urql does not re-run it. Every operation is pushed to `seen`.
 */
export function clientAnswering(answers: Readonly<Record<string, Answering>>, seen: Operation[] = []): Client {
  const answerTo = (operation: Operation): Answer => {
    seen.push(operation);
    const answering = answers[operationName(operation) ?? ''] ?? 'pending';
    return typeof answering === 'function' ? answering(operation) : answering;
  };
  return {
    executeQuery: (operation: Operation) => {
      const answer = answerTo(operation);
      if (answer === 'pending') return never;
      return concat([fromValue({ operation, ...answer, stale: false, hasNext: false }), never]);
    },
    executeMutation: (operation: Operation) => {
      const answer = answerTo(operation);
      if (answer === 'pending') return never;
      return fromValue({ operation, ...answer, stale: false, hasNext: false });
    },
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
