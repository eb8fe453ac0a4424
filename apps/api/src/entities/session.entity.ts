import { randomUUID } from 'node:crypto';
import { Entity, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Membership } from './membership.entity.js';

/**
 * A signed-in session. Only the SHA-256 of the bearer token is stored, so a copy of the
 * database does not hand out working tokens. Kept in the database, so any API replica can
 * check it.
 */
@Entity({ tableName: 'session' })
export class Session {
  [OptionalProps]?: 'createdAt' | 'revokedAt' | 'tokenName' | 'lastUsedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 64, unique: true })
  tokenHash!: string;

  @ManyToOne(() => Membership, { deleteRule: 'cascade' })
  membership!: Membership;

  @Property({ type: Date })
  createdAt: Date = new Date();

  @Property({ type: Date })
  expiresAt!: Date;

  @Property({ type: Date, nullable: true })
  revokedAt: Date | null = null;

  /** Set for an API token (a long-lived session an analyst created for scripts); null for a sign-in. */
  @Property({ type: 'string', length: 100, nullable: true })
  tokenName: string | null = null;

  /** When an API token was last used (to the day), so forgotten tokens can be spotted and revoked. */
  @Property({ type: 'date', nullable: true })
  lastUsedAt: string | null = null;
}
