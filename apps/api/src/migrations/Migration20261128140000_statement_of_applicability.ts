import { Migration } from '@mikro-orm/migrations';
import { addStatements } from './dialect.js';

/** The Statement of Applicability: one decision per organisation and Annex A control. */
export class Migration20261128140000_statement_of_applicability extends Migration {
  override async up(): Promise<void> {
    addStatements(this, {
      sqlite: `
create table \`soa_entry\` (\`id\` text not null, \`organisation_id\` text not null, \`control_id\` text not null, \`applicable\` integer not null default true, \`justification\` text null, \`implementation_status\` text not null default 'not-started', \`owner\` text null, \`due_date\` date null, \`implemented_date\` date null, \`version\` integer not null default 1, \`updated_at\` datetime not null, constraint \`soa_entry_organisation_id_foreign\` foreign key(\`organisation_id\`) references \`organisation\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));
create index \`soa_entry_organisation_id_index\` on \`soa_entry\` (\`organisation_id\`);
create unique index \`soa_entry_organisation_id_control_id_unique\` on \`soa_entry\` (\`organisation_id\`, \`control_id\`);
`,
      postgresql: `
create table "soa_entry" ("id" uuid not null, "organisation_id" uuid not null, "control_id" varchar(20) not null, "applicable" boolean not null default true, "justification" text null, "implementation_status" varchar(20) not null default 'not-started', "owner" varchar(200) null, "due_date" date null, "implemented_date" date null, "version" int not null default 1, "updated_at" timestamptz not null, constraint "soa_entry_pkey" primary key ("id"));
alter table "soa_entry" add constraint "soa_entry_organisation_id_control_id_unique" unique ("organisation_id", "control_id");
alter table "soa_entry" add constraint "soa_entry_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete cascade;
`,
    });
  }
}
