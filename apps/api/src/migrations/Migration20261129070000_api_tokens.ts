import { Migration } from '@mikro-orm/migrations';
import { addStatements } from './dialect.js';

/** API tokens: long-lived, named sessions that analysts create for scripts, with the day each was last used. */
export class Migration20261129070000_api_tokens extends Migration {
  override async up(): Promise<void> {
    addStatements(this, {
      sqlite: `
alter table \`session\` add column \`token_name\` text null;
alter table \`session\` add column \`last_used_at\` date null;
`,
      postgresql: `
alter table "session" add column "token_name" varchar(100) null, add column "last_used_at" date null;
`,
    });
  }
}
