import { OperationTypeNode } from 'graphql';
import { timedOut } from '../errors.js';

/**
 * The deadline of one GraphQL request. When it passes before the answer is ready, `onExpiry`
 * answers the client at once and the answer computed later is dropped; root fields that have not
 * started by then refuse to start.
 *
 * A mutation is exempt from the moment its first root field starts: answering "timed out" while
 * its transaction may still commit would mislead the client. So a request answered TIMEOUT has
 * changed nothing: either it was a query, or its mutation never started. (On PostgreSQL each
 * statement of a mutation still has the database's statement limit.)
 */
export class RequestDeadline {
  private state: 'running' | 'exempt' | 'expired' | 'finished' = 'running';
  private readonly expiresAt: number;
  private readonly timer: NodeJS.Timeout;

  constructor(
    readonly timeoutMs: number,
    private readonly onExpiry: () => void,
  ) {
    this.expiresAt = Date.now() + timeoutMs;
    this.timer = setTimeout(() => this.expire(), timeoutMs);
  }

  /**
   * Called as a root field is about to start. Refuses with TIMEOUT once the deadline has passed
   * (answering the client, if the timer has not yet); the first root field of a mutation exempts
   * the request.
   */
  enterRootField(operation: OperationTypeNode): void {
    // The clock is read as well as the timer: a field starting at the deadline need not wait for it.
    if (this.state === 'running' && Date.now() >= this.expiresAt) this.expire();
    if (this.state === 'expired') throw timedOut('request', this.timeoutMs);
    if (operation === OperationTypeNode.MUTATION && this.state === 'running') {
      this.state = 'exempt';
      clearTimeout(this.timer);
    }
  }

  /** The answer is ready: true when it is to be sent, false when the client was already answered. */
  finish(): boolean {
    clearTimeout(this.timer);
    if (this.state === 'expired') return false;
    this.state = 'finished';
    return true;
  }

  private expire(): void {
    if (this.state !== 'running') return;
    this.state = 'expired';
    clearTimeout(this.timer);
    this.onExpiry();
  }
}
