import { type EntityManager, LockMode, UniqueConstraintViolationException, raw } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { hashPassword, verifyPassword } from '../auth/password.js';
import { checkNewPassword } from '../auth/password-rules.js';
import { Role } from '../auth/roles.js';
import { recordPasswordFailure, refuseWhenThrottled } from '../auth/sign-in-throttle.js';
import { type Context, viewerOf } from '../context.js';
import { Membership } from '../entities/membership.entity.js';
import type { Organisation } from '../entities/organisation.entity.js';
import { Session } from '../entities/session.entity.js';
import { User } from '../entities/user.entity.js';
import { badInput, conflict, notFound } from '../errors.js';
import { emailAddress } from '../services/email.js';
import { SHORT_TEXT_MAX, requiredText } from '../services/text.js';
import { checkVersion, flushOrConflict } from '../services/versioning.js';
import { AddMemberInput } from './member.input.js';
import { Member } from './member.type.js';
import { lookupId } from '../services/records.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The latest sign-in of each membership (API tokens left out), in one grouped query. */
async function lastSignIns(em: EntityManager, memberships: readonly Membership[]): Promise<Map<string, Date>> {
  if (memberships.length === 0) return new Map();
  // Both databases' EntityManagers are SQL ones, which can group.
  const rows: { membership_id: string; last_sign_in_at: Date | number | string }[] = await (em as SqlEntityManager)
    .createQueryBuilder(Session, 'session')
    .select(['session.membership', raw('max(session.created_at) as last_sign_in_at')])
    .where({ membership: { $in: memberships.map((membership) => membership.id) }, tokenName: null })
    .groupBy('session.membership')
    .execute('all', false);
  // SQLite hands dates over as milliseconds, PostgreSQL as Date objects.
  return new Map(rows.map((row) => [row.membership_id, new Date(row.last_sign_in_at)]));
}

function memberView(membership: Membership, lastSignInAt: Date | null): Member {
  return Object.assign(new Member(), {
    id: membership.id,
    userId: membership.user.id,
    name: membership.user.name,
    email: membership.user.email,
    role: membership.role,
    since: membership.createdAt,
    lastSignInAt,
    version: membership.version,
  });
}

async function memberViews(em: EntityManager, memberships: readonly Membership[]): Promise<Member[]> {
  const signIns = await lastSignIns(em, memberships);
  return memberships.map((membership) => memberView(membership, signIns.get(membership.id) ?? null));
}

/**
 * A member of the organisation and how many administrators it has, both read afresh and locked
 * until the transaction ends: two administrators demoting or removing each other at the same
 * moment are taken one after the other, so the organisation never loses its last one. (SQLite
 * has a single connection, so its transactions run one at a time anyway.)
 */
async function lockedMember(tx: EntityManager, organisation: Organisation, id: string): Promise<{ membership: Membership; administrators: number }> {
  if (!UUID.test(id)) throw notFound('Member', id);
  const administrators = await tx.find(Membership, { organisation, role: Role.ADMIN }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true, orderBy: { id: 'asc' } });
  const membership = await tx.findOne(Membership, { id: lookupId(id), organisation }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  if (!membership) throw notFound('Member', id);
  await tx.populate(membership, ['user']);
  return { membership, administrators: administrators.length };
}

@Resolver()
export class MemberResolver {
  @Query(() => [Member], { description: 'The members of your organisation, by name.' })
  async members(@Ctx() context: Context): Promise<Member[]> {
    const { organisation } = viewerOf(context).membership;
    const memberships = await context.em.find(Membership, { organisation }, { populate: ['user'] });
    // Sorted here, so both databases give the same order whatever their collation.
    memberships.sort((left, right) => left.user.name.localeCompare(right.user.name) || left.user.email.localeCompare(right.user.email));
    return memberViews(context.em, memberships);
  }

  @Query(() => Member, { nullable: true, description: 'One member of your organisation by membership id; null when there is none.' })
  async member(@Arg('id', () => ID) id: string, @Ctx() context: Context): Promise<Member | null> {
    const { organisation } = viewerOf(context).membership;
    if (!UUID.test(id)) return null;
    const membership = await context.em.findOne(Membership, { id: lookupId(id), organisation }, { populate: ['user'] });
    return membership ? ((await memberViews(context.em, [membership]))[0] ?? null) : null;
  }

  @Mutation(() => Member, {
    description:
      'Adds a person to your organisation with a role: a new account (name and initialPassword required), or an existing account by its email (initialPassword left out; it keeps its password).',
  })
  async addMember(@Arg('input', () => AddMemberInput) input: AddMemberInput, @Ctx() context: Context): Promise<Member> {
    const { em } = context;
    const { organisation } = viewerOf(context).membership;
    const email = emailAddress('email', input.email);
    const existing = await em.findOne(User, { email });
    let membership: Membership;
    if (existing) {
      if ((await em.count(Membership, { user: existing, organisation })) > 0) throw badInput('email', `is already a member of this organisation: ${email}`);
      if (input.initialPassword != null) throw badInput('initialPassword', `must be left out: ${email} already has an account, which keeps its own password`);
      membership = em.create(Membership, { user: existing, organisation, role: input.role });
    } else {
      if (input.name == null) throw badInput('name', 'is required for a new account');
      const name = requiredText('name', input.name, SHORT_TEXT_MAX);
      if (input.initialPassword == null) throw badInput('initialPassword', 'is required for a new account');
      const passwordHash = await hashPassword(checkNewPassword('initialPassword', input.initialPassword));
      const user = em.create(User, { email, name, passwordHash });
      membership = em.create(Membership, { user, organisation, role: input.role });
    }
    try {
      await em.flush();
    } catch (error) {
      // Someone added the same email at the same moment: the unique email or membership caught it.
      if (error instanceof UniqueConstraintViolationException) throw conflict(`${email} was added by someone else at the same moment; reload the members`);
      throw error;
    }
    return memberView(membership, null);
  }

  @Mutation(() => Member, {
    description: "Changes a member's role; the last administrator cannot be demoted. Refused as a conflict when someone changed the member since expectedVersion.",
  })
  async changeMemberRole(
    @Arg('id', () => ID) id: string,
    @Arg('role', () => Role) role: Role,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Ctx() context: Context,
  ): Promise<Member> {
    const { organisation } = viewerOf(context).membership;
    const membership = await context.em.transactional(async (tx) => {
      const { membership, administrators } = await lockedMember(tx, organisation, id);
      checkVersion(`Member ${id}`, membership.version, expectedVersion);
      if (membership.role === Role.ADMIN && role !== Role.ADMIN && administrators <= 1) {
        throw badInput('role', `cannot be changed: ${membership.user.email} is the organisation's last ADMIN; make another member ADMIN first`);
      }
      membership.role = role;
      await flushOrConflict(tx, `Member ${id}`);
      return membership;
    });
    return (await memberViews(context.em, [membership]))[0]!;
  }

  @Mutation(() => Boolean, {
    description:
      "Removes a member from your organisation; the last administrator cannot be removed. Their sign-ins and API tokens for this organisation stop working at once; their account stays, with any other organisation's membership.",
  })
  async removeMember(@Arg('id', () => ID) id: string, @Arg('expectedVersion', () => Int) expectedVersion: number, @Ctx() context: Context): Promise<boolean> {
    const { organisation } = viewerOf(context).membership;
    await context.em.transactional(async (tx) => {
      const { membership, administrators } = await lockedMember(tx, organisation, id);
      checkVersion(`Member ${id}`, membership.version, expectedVersion);
      if (membership.role === Role.ADMIN && administrators <= 1) {
        throw badInput('id', `names the organisation's last ADMIN (${membership.user.email}), who cannot be removed; make another member ADMIN first`);
      }
      // The sessions and API tokens of this membership go with it (the foreign key would cascade
      // too); the user row stays, since other organisations and the registers' history name it.
      await tx.nativeDelete(Session, { membership });
      tx.remove(membership);
      await flushOrConflict(tx, `Member ${id}`);
    });
    return true;
  }

  @Mutation(() => Int, {
    description:
      'Changes your password after checking the current one, and ends your other sessions and your API tokens (in every organisation), keeping the one you call with. Answers how many were ended.',
  })
  async changePassword(
    @Arg('currentPassword', () => String) currentPassword: string,
    @Arg('newPassword', () => String) newPassword: string,
    @Ctx() context: Context,
  ): Promise<number> {
    const { em } = context;
    const { membership, session } = viewerOf(context);
    const { email, id: userId } = membership.user;
    // Confirming the current password counts against the same limit as signing in, so a stolen
    // session cannot be used to guess it.
    await refuseWhenThrottled(em, email);
    const account = await em.findOneOrFail(User, { id: userId }, { populate: ['passwordHash'] });
    if (!currentPassword || !(await verifyPassword(currentPassword, account.passwordHash))) {
      await recordPasswordFailure(em, email);
      throw badInput('currentPassword', 'is not correct');
    }
    checkNewPassword('newPassword', newPassword);
    if (newPassword === currentPassword) throw badInput('newPassword', 'must differ from currentPassword');
    const passwordHash = await hashPassword(newPassword);
    const now = new Date();
    return em.transactional(async (tx) => {
      await tx.nativeUpdate(User, { id: userId }, { passwordHash });
      const memberships = await tx.find(Membership, { user: userId }, { fields: ['id'] });
      const others = { membership: { $in: memberships.map((entry) => entry.id) }, id: { $ne: session.id }, revokedAt: null, expiresAt: { $gt: now } };
      return tx.nativeUpdate(Session, others, { revokedAt: now });
    });
  }
}
