import { Migration } from '@mikro-orm/migrations';
import { addStatements } from './dialect.js';

/** Each organisation's own risk criteria (clause 6.1.1); an organisation without a row uses the default 5×5 matrix. */
export class Migration20261129100000_risk_criteria extends Migration {
  override async up(): Promise<void> {
    addStatements(this, {
      sqlite: `
create table \`risk_criteria\` (\`id\` text not null, \`organisation_id\` text not null, \`likelihood\` json not null, \`impact\` json not null, \`bands\` json not null, \`appetite\` integer not null, \`version\` integer not null default 1, \`created_at\` datetime not null, \`updated_at\` datetime not null, constraint \`risk_criteria_organisation_id_foreign\` foreign key(\`organisation_id\`) references \`organisation\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));
create index \`risk_criteria_organisation_id_index\` on \`risk_criteria\` (\`organisation_id\`);
create unique index \`risk_criteria_organisation_id_unique\` on \`risk_criteria\` (\`organisation_id\`);
`,
      postgresql: `
create table "risk_criteria" ("id" uuid not null, "organisation_id" uuid not null, "likelihood" jsonb not null, "impact" jsonb not null, "bands" jsonb not null, "appetite" int not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "risk_criteria_pkey" primary key ("id"));
alter table "risk_criteria" add constraint "risk_criteria_organisation_id_unique" unique ("organisation_id");
alter table "risk_criteria" add constraint "risk_criteria_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete cascade;
`,
    });
  }
}
