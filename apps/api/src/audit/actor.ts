import { AsyncLocalStorage } from 'node:async_hooks';

/** Who is changing records in the current request (or command). */
export interface Actor {
  id: string | null;
  label: string;
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
