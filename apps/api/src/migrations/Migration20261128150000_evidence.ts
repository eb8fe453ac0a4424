import { Migration } from '@mikro-orm/migrations';
import { addStatements } from './dialect.js';

/** Evidence, linked to the Annex A controls and clauses it supports. */
export class Migration20261128150000_evidence extends Migration {
  override async up(): Promise<void> {
    addStatements(this, {
      sqlite: `
create table \`evidence\` (\`id\` text not null, \`organisation_id\` text not null, \`title\` text not null, \`description\` text null, \`location\` text null, \`owner\` text null, \`collected_on\` date null, \`valid_until\` date null, \`control_ids\` json not null, \`clause_ids\` json not null, \`version\` integer not null default 1, \`created_at\` datetime not null, \`updated_at\` datetime not null, constraint \`evidence_organisation_id_foreign\` foreign key(\`organisation_id\`) references \`organisation\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));
create index \`evidence_organisation_id_index\` on \`evidence\` (\`organisation_id\`);
create index \`evidence_organisation_id_valid_until_index\` on \`evidence\` (\`organisation_id\`, \`valid_until\`);
`,
      postgresql: `
create table "evidence" ("id" uuid not null, "organisation_id" uuid not null, "title" varchar(200) not null, "description" text null, "location" varchar(1000) null, "owner" varchar(200) null, "collected_on" date null, "valid_until" date null, "control_ids" jsonb not null, "clause_ids" jsonb not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "evidence_pkey" primary key ("id"));
create index "evidence_organisation_id_valid_until_index" on "evidence" ("organisation_id", "valid_until");
alter table "evidence" add constraint "evidence_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete cascade;
`,
    });
  }
}
