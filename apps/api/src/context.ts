import type { EntityManager } from '@mikro-orm/core';
import { currentActor } from './audit/actor.js';
import { bearerToken, findSession } from './auth/sessions.js';
import type { Membership } from './entities/membership.entity.js';
import type { Session } from './entities/session.entity.js';
import type { Orm } from './db.js';
import type { RequestDeadline } from './http/request-deadline.js';
import { unauthenticated } from './errors.js';

/** Who is calling: the membership (user, organisation, role) of a live session. */
export interface Viewer {
  session: Session;
  membership: Membership;
}

export interface Context {
  /** A fork of the EntityManager for this request alone. */
  em: EntityManager;
  viewer: Viewer | null;
  sessionHours: number;
  /** The deadline of the GraphQL request (absent outside GraphQL, e.g. the CSV import route). */
  deadline?: RequestDeadline;
}

/** Builds the per-request context: a fresh EntityManager and the viewer of the bearer token. */
export async function createContext(orm: Orm, authorization: string | undefined, sessionHours: number): Promise<Context> {
  const em = orm.em.fork();
  const token = bearerToken(authorization);
  const session = token ? await findSession(em, token) : null;
  if (session) {
    // The audit log records changes under the signed-in user (and the API token's name).
    const actor = currentActor();
    actor.id = session.membership.user.id;
    actor.label = session.tokenName ? `${session.membership.user.email} (API token "${session.tokenName}")` : session.membership.user.email;
  }
  return {
    em,
    sessionHours,
    viewer: session ? { session, membership: session.membership } : null,
  };
}

/** The viewer of an authorised operation (the auth checker has already run). */
export function viewerOf(context: Context): Viewer {
  if (!context.viewer) throw unauthenticated();
  return context.viewer;
}
