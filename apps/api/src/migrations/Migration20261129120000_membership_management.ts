import { Migration } from '@mikro-orm/migrations';
import { addStatements } from './dialect.js';

/** Members managed in the API: a membership's role is edited with optimistic versions. */
export class Migration20261129120000_membership_management extends Migration {
  override async up(): Promise<void> {
    addStatements(this, {
      sqlite: `
alter table \`membership\` add column \`version\` integer not null default 1;
`,
      postgresql: `
alter table "membership" add column "version" int not null default 1;
`,
    });
  }
}
