import { Migration } from '@mikro-orm/migrations';
import { addStatements } from './dialect.js';

/** Failed sign-ins, counted per account to slow down password guessing. */
export class Migration20261129090000_sign_in_failures extends Migration {
  override async up(): Promise<void> {
    addStatements(this, {
      sqlite: `
create table \`sign_in_failure\` (\`id\` text not null, \`email_hash\` text not null, \`at\` datetime not null, primary key (\`id\`));
create index \`sign_in_failure_email_hash_at_index\` on \`sign_in_failure\` (\`email_hash\`, \`at\`);
`,
      postgresql: `
create table "sign_in_failure" ("id" uuid not null, "email_hash" varchar(64) not null, "at" timestamptz not null, constraint "sign_in_failure_pkey" primary key ("id"));
create index "sign_in_failure_email_hash_at_index" on "sign_in_failure" ("email_hash", "at");
`,
    });
  }
}
