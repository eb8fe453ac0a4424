import { Migration } from '@mikro-orm/migrations';
import { addStatements } from './dialect.js';

/** Fairness windows keep when their counts were last written, so answers kept between requests see a change. */
export class Migration20261129190000_fairness_window_updated_at extends Migration {
  override async up(): Promise<void> {
    addStatements(this, {
      sqlite: `
alter table \`fairness_window\` add column \`updated_at\` datetime null;
create index \`fairness_window_organisation_id_updated_at_index\` on \`fairness_window\` (\`organisation_id\`, \`updated_at\`);
`,
      postgresql: `
alter table "fairness_window" add column "updated_at" timestamptz null;
create index "fairness_window_organisation_id_updated_at_index" on "fairness_window" ("organisation_id", "updated_at");
`,
    });
  }
}
