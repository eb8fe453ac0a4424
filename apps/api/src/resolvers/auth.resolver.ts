import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { verifyPassword } from '../auth/password.js';
import { openSession } from '../auth/sessions.js';
import type { Context, Viewer as ContextViewer } from '../context.js';
import { Membership } from '../entities/membership.entity.js';
import { User } from '../entities/user.entity.js';
import type { Session } from '../entities/session.entity.js';
import { badInput, unauthenticated } from '../errors.js';
import { SignInPayload, Viewer } from './viewer.type.js';

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

  @Mutation(() => SignInPayload, { description: 'Signs in with email and password and opens a session.' })
  async signIn(
    @Arg('email', () => String) email: string,
    @Arg('password', () => String) password: string,
    @Ctx() { em, sessionHours }: Context,
  ): Promise<SignInPayload> {
    const normalised = email.trim().toLowerCase();
    if (!normalised) throw badInput('email', 'must not be empty');
    if (!password) throw badInput('password', 'must not be empty');
    const user = await em.findOne(User, { email: normalised }, { populate: ['passwordHash'] });
    // The same answer for an unknown email and a wrong password: no account probing.
    if (!user || !(await verifyPassword(password, user.passwordHash))) {
      throw unauthenticated('Email or password is not correct');
    }
    const membership = await em.findOne(Membership, { user }, { populate: ['organisation'], orderBy: { createdAt: 'asc' } });
    if (!membership) throw unauthenticated('This account belongs to no organisation yet');
    const { token, session } = await openSession(em, membership, sessionHours);
    return Object.assign(new SignInPayload(), { token, viewer: toViewer(membership, session) });
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Ends the current session; its token stops working at once.' })
  async signOut(@Ctx() { em, viewer }: Context): Promise<boolean> {
    const { session } = viewer as ContextViewer;
    session.revokedAt = new Date();
    await em.flush();
    return true;
  }
}
