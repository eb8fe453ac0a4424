import { Field, ObjectType } from 'type-graphql';
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

  @Field(() => Viewer)
  viewer!: Viewer;
}
