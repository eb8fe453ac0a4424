import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { GraphQLError } from 'graphql';
import { SignInFailure } from '../entities/sign-in-failure.entity.js';

/** Failed password checks an account may have within the window before further attempts are refused. */
export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MINUTES = 15;

/** The account as the failure table names it: the SHA-256 of its normalised email, never the address. */
function emailHashOf(email: string): string {
  return createHash('sha256').update(email).digest('hex');
}

/**
 * Password guessing is slowed per account: after MAX_FAILURES failures in the window, every
 * password check (signing in, or confirming the current password) is refused until the oldest of
 * them leaves the window, right password or not.
 */
export async function refuseWhenThrottled(em: EntityManager, email: string, now = new Date()): Promise<void> {
  const windowStart = new Date(now.getTime() - FAILURE_WINDOW_MINUTES * 60_000);
  const failures = await em.find(SignInFailure, { emailHash: emailHashOf(email), at: { $gt: windowStart } }, { orderBy: { at: 'asc' }, limit: MAX_FAILURES });
  if (failures.length >= MAX_FAILURES) {
    const minutes = Math.max(1, Math.ceil((failures[0]!.at.getTime() + FAILURE_WINDOW_MINUTES * 60_000 - now.getTime()) / 60_000));
    throw new GraphQLError(`Too many failed sign-ins for this account; try again in ${minutes} minute${minutes === 1 ? '' : 's'}`, { extensions: { code: 'RATE_LIMITED' } });
  }
}

/** Counts one wrong password against the account (an unknown email counts the same). */
export async function recordPasswordFailure(em: EntityManager, email: string): Promise<void> {
  await em.persist(em.create(SignInFailure, { emailHash: emailHashOf(email) })).flush();
}
