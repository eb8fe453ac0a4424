import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Role } from '../auth/roles.js';

@ObjectType({ description: 'A member of your organisation: who they are, their role, since when, and when they last signed in.' })
export class Member {
  @Field(() => ID, { description: 'The membership, which changeMemberRole and removeMember take (not the user).' })
  id!: string;

  @Field(() => ID, { description: 'The user, the same in every organisation they belong to.' })
  userId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  email!: string;

  @Field(() => Role)
  role!: Role;

  @Field(() => Date, { description: 'When they were added to the organisation.' })
  since!: Date;

  @Field(() => Date, { nullable: true, description: 'Their latest sign-in to this organisation; null when none is recorded. Using an API token is not a sign-in.' })
  lastSignInAt!: Date | null;

  @Field(() => Int, { description: 'Send as expectedVersion to change or remove the member.' })
  version!: number;
}
