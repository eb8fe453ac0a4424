import { randomUUID } from 'node:crypto';
import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A failed sign-in, kept to slow down password guessing. The account is named by the SHA-256 of
 * its normalised email, so the table holds no address in clear; unknown emails count the same.
 * Kept in the database, so every API replica sees the same count.
 */
@Entity({ tableName: 'sign_in_failure' })
@Index({ properties: ['emailHash', 'at'] })
export class SignInFailure {
  [OptionalProps]?: 'at';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 64 })
  emailHash!: string;

  @Property({ type: Date })
  at: Date = new Date();
}
