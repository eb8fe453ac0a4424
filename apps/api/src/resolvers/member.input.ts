import { Field, InputType } from 'type-graphql';
import { Role } from '../auth/roles.js';

@InputType({ description: 'A person to add to your organisation: a new account, or an existing one (by its email).' })
export class AddMemberInput {
  @Field(() => String, { description: 'Trimmed and lower-cased; an email that already has an account adds that account.' })
  email!: string;

  @Field(() => String, { nullable: true, description: 'Required for a new account; an existing account keeps its name.' })
  name?: string | null;

  @Field(() => Role)
  role!: Role;

  @Field(() => String, {
    nullable: true,
    description: 'Required for a new account (at least 12 characters), to be changed by its owner with changePassword; must be left out for an existing account, which keeps its password.',
  })
  initialPassword?: string | null;
}
