import { Migration } from '@mikro-orm/migrations';
import { addStatements } from './dialect.js';

/** Risks gain their Annex C source and objective and the Annex A controls that treat them. */
export class Migration20261128180000_risk_sources_and_controls extends Migration {
  override async up(): Promise<void> {
    addStatements(this, {
      sqlite: `
alter table \`risk\` add column \`source\` text null;
alter table \`risk\` add column \`objective\` text null;
alter table \`risk\` add column \`control_ids\` json not null default '[]';
`,
      postgresql: `
alter table "risk" add column "source" varchar(60) null, add column "objective" varchar(60) null, add column "control_ids" jsonb not null default '[]';
`,
    });
  }
}
