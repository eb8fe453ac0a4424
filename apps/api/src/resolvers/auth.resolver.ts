import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { verifyPassword } from '../auth/password.js';
import { openSession } from '../auth/sessions.js';
import { recordPasswordFailure, refuseWhenThrottled } from '../auth/sign-in-throttle.js';
import { type Context, type Viewer as ContextViewer, viewerOf } from '../context.js';
import { Membership } from '../entities/membership.entity.js';
import { User } from '../entities/user.entity.js';
import { Session } from '../entities/session.entity.js';
import { badInput, notFound, unauthenticated } from '../errors.js';
import { requiredText } from '../services/text.js';
import { ApiToken, CreatedApiToken, SignInPayload, Viewer } from './viewer.type.js';
import { lookupId } from '../services/records.js';

const MAX_TOKEN_DAYS = 730;

function apiTokenView(session: Session): ApiToken {
  return Object.assign(new ApiToken(), {
    id: session.id,
    name: session.tokenName ?? '',
    createdAt: session.createdAt,
    expiresAt: session.expiresAt,
    lastUsedAt: session.lastUsedAt,
    revokedAt: session.revokedAt,
  });
}

function toViewer(membership: Membership, session: Session): Viewer {
  return Object.assign(new Viewer(), {
    user: membership.user,
    organisation: membership.organisation,
    role: membership.role,
    sessionExpiresAt: session.expiresAt,
  });
}

@Resolver()
export class AuthResolver {
  @Query(() => Viewer, { nullable: true, description: 'The signed-in viewer, or null without a valid session.' })
  me(@Ctx() { viewer }: Context): Viewer | null {
    return viewer ? toViewer(viewer.membership, viewer.session) : null;
  }

  @Mutation(() => SignInPayload, { description: 'Signs in with email and password and opens a session: `{ token, user }`.' })
  login(@Arg('email', () => String) email: string, @Arg('password', () => String) password: string, @Ctx() context: Context): Promise<SignInPayload> {
    return this.signIn(email, password, context);
  }

  @Mutation(() => SignInPayload, { description: 'The same as login (the name the dashboard first used).' })
  async signIn(
    @Arg('email', () => String) email: string,
    @Arg('password', () => String) password: string,
    @Ctx() { em, sessionHours }: Context,
  ): Promise<SignInPayload> {
    const normalised = email.trim().toLowerCase();
    if (!normalised) throw badInput('email', 'must not be empty');
    if (!password) throw badInput('password', 'must not be empty');
    await refuseWhenThrottled(em, normalised);
    const user = await em.findOne(User, { email: normalised }, { populate: ['passwordHash'] });
    // The same answer for an unknown email and a wrong password: no account probing.
    if (!user || !(await verifyPassword(password, user.passwordHash))) {
      await recordPasswordFailure(em, normalised);
      throw unauthenticated('Email or password is not correct');
    }
    const membership = await em.findOne(Membership, { user }, { populate: ['organisation'], orderBy: { createdAt: 'asc' } });
    if (!membership) throw unauthenticated('This account belongs to no organisation yet');
    const { token, session } = await openSession(em, membership, sessionHours);
    return Object.assign(new SignInPayload(), { token, user: membership.user, viewer: toViewer(membership, session) });
  }

  @Query(() => [ApiToken], { description: 'Your API tokens, newest first (revoked ones included).' })
  async apiTokens(@Ctx() context: Context): Promise<ApiToken[]> {
    const { membership } = viewerOf(context);
    const sessions = await context.em.find(Session, { membership, tokenName: { $ne: null } }, { orderBy: { createdAt: 'desc' } });
    return sessions.map(apiTokenView);
  }

  @Mutation(() => CreatedApiToken, {
    description: 'Creates a revocable long-lived API token with your role, for scripts. The token is shown only in this answer.',
  })
  async createApiToken(
    @Arg('name', () => String, { description: 'What the token is for, e.g. "weekly fairness export".' }) name: string,
    @Arg('expiresInDays', () => Int, { nullable: true, description: 'Default 365, at most 730.' }) expiresInDays: number | null,
    @Ctx() context: Context,
  ): Promise<CreatedApiToken> {
    const { membership } = viewerOf(context);
    const label = requiredText('name', name, 100);
    const days = expiresInDays ?? 365;
    if (!Number.isInteger(days) || days < 1 || days > MAX_TOKEN_DAYS) throw badInput('expiresInDays', `must be a whole number from 1 to ${MAX_TOKEN_DAYS}, got ${days}`);
    const { token, session } = await openSession(context.em, membership, days * 24, new Date(), label);
    return Object.assign(new CreatedApiToken(), { token, apiToken: apiTokenView(session) });
  }

  @Mutation(() => ApiToken, { description: 'Revokes one of your API tokens; it stops working at once.' })
  async revokeApiToken(@Arg('id', () => ID) id: string, @Ctx() context: Context): Promise<ApiToken> {
    const { membership } = viewerOf(context);
    const session = await context.em.findOne(Session, { id: lookupId(id), membership, tokenName: { $ne: null } });
    if (!session) throw notFound('API token', id);
    session.revokedAt ??= new Date();
    await context.em.flush();
    return apiTokenView(session);
  }
  @Mutation(() => Boolean, { description: 'Ends the current session; its token stops working at once.' })
  async signOut(@Ctx() { em, viewer }: Context): Promise<boolean> {
    const { session } = viewer as ContextViewer;
    session.revokedAt = new Date();
    await em.flush();
    return true;
  }
}
