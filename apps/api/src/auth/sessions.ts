import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { Membership } from '../entities/membership.entity.js';
import { Session } from '../entities/session.entity.js';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Opens a session for a membership and returns the bearer token (shown once, stored hashed). */
export async function openSession(
  em: EntityManager,
  membership: Membership,
  lifetimeHours: number,
  now = new Date(),
  tokenName: string | null = null,
): Promise<{ token: string; session: Session }> {
  const token = randomBytes(32).toString('base64url');
  const session = em.create(Session, {
    tokenHash: hashToken(token),
    membership,
    createdAt: now,
    expiresAt: new Date(now.getTime() + lifetimeHours * 3_600_000),
    tokenName,
  });
  await em.persist(session).flush();
  return { token, session };
}

/** The live session a bearer token belongs to, with its membership, user and organisation. */
export async function findSession(em: EntityManager, token: string, now = new Date()): Promise<Session | null> {
  const session = await em.findOne(
    Session,
    { tokenHash: hashToken(token), revokedAt: null, expiresAt: { $gt: now } },
    { populate: ['membership.user', 'membership.organisation'] },
  );
  const today = now.toISOString().slice(0, 10);
  if (session?.tokenName != null && session.lastUsedAt !== today) {
    // One write a day per API token, outside the request's unit of work.
    session.lastUsedAt = today;
    await em.nativeUpdate(Session, { id: session.id }, { lastUsedAt: today });
  }
  return session;
}

/** Reads `Authorization: Bearer <token>`; null when absent or malformed. */
export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+([A-Za-z0-9_-]{20,200})$/i.exec(header.trim());
  return match?.[1] ?? null;
}
