import { Field, ID, ObjectType } from 'type-graphql';
import { Role } from '../auth/roles.js';
import { Organisation } from '../entities/organisation.entity.js';
import { User } from '../entities/user.entity.js';

@ObjectType({ description: 'The signed-in user, the organisation they act for, and their role in it.' })
export class Viewer {
  @Field(() => User)
  user!: User;

  @Field(() => Organisation)
  organisation!: Organisation;

  @Field(() => Role)
  role!: Role;

  @Field(() => Date, { description: 'When this session stops being valid.' })
  sessionExpiresAt!: Date;
}

@ObjectType()
export class SignInPayload {
  @Field(() => String, { description: 'Send as `Authorization: Bearer <token>`.' })
  token!: string;

  @Field(() => User, { description: 'Who signed in.' })
  user!: User;

  @Field(() => Viewer)
  viewer!: Viewer;
}

@ObjectType({ description: 'A long-lived API token for scripts; the token itself is shown only when created.' })
export class ApiToken {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  expiresAt!: Date;

  @Field(() => String, { nullable: true, description: 'The last day the token was used.' })
  lastUsedAt!: string | null;

  @Field(() => Date, { nullable: true })
  revokedAt!: Date | null;
}

@ObjectType()
export class CreatedApiToken {
  @Field(() => String, { description: 'Send as `Authorization: Bearer <token>`. Shown this once: Assay keeps only its hash.' })
  token!: string;

  @Field(() => ApiToken)
  apiToken!: ApiToken;
}
