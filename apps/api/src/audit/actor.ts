import { AsyncLocalStorage } from 'node:async_hooks';

/** Who is changing records in the current request (or command). */
export interface Actor {
  id: string | null;
  label: string;
  /**
   * The moment the audit log records for changes, when it is not now. Only the demo seed sets
   * it, to write the demo organisation's 18 months of history as it would have been logged.
   */
  recordedAt?: Date;
}

const storage = new AsyncLocalStorage<Actor>();

/** Runs `work` with an actor that the request's authentication may fill in later. */
export function withActor<T>(actor: Actor, work: () => T): T {
  return storage.run(actor, work);
}

/** The current actor; outside any request (seed, migrations, scripts) Assay itself. */
export function currentActor(): Actor {
  return storage.getStore() ?? { id: null, label: 'Assay' };
}

/** Makes `actor` the current one for the rest of this process's synchronous flow (scripts). */
export function enterActor(actor: Actor): void {
  storage.enterWith(actor);
}
