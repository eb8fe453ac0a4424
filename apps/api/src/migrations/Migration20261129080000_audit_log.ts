import { Migration } from '@mikro-orm/migrations';
import { addStatements } from './dialect.js';

/** The audit log: every change to an AIMS record, chained per organisation by SHA-256. */
export class Migration20261129080000_audit_log extends Migration {
  override async up(): Promise<void> {
    addStatements(this, {
      sqlite: `
create table \`audit_log_entry\` (\`id\` text not null, \`organisation_id\` text not null, \`sequence\` integer not null, \`at\` datetime not null, \`actor_id\` text null, \`actor\` text not null, \`entity_type\` text not null, \`entity_id\` text not null, \`operation\` text not null, \`before\` text null, \`after\` text null, \`previous_hash\` text not null, \`hash\` text not null, constraint \`audit_log_entry_organisation_id_foreign\` foreign key(\`organisation_id\`) references \`organisation\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));
create index \`audit_log_entry_organisation_id_index\` on \`audit_log_entry\` (\`organisation_id\`);
create index \`audit_log_entry_organisation_id_entity_type_entity_id_index\` on \`audit_log_entry\` (\`organisation_id\`, \`entity_type\`, \`entity_id\`);
create unique index \`audit_log_entry_organisation_id_sequence_unique\` on \`audit_log_entry\` (\`organisation_id\`, \`sequence\`);
`,
      postgresql: `
create table "audit_log_entry" ("id" uuid not null, "organisation_id" uuid not null, "sequence" int not null, "at" timestamptz not null, "actor_id" uuid null, "actor" varchar(200) not null, "entity_type" varchar(60) not null, "entity_id" varchar(60) not null, "operation" varchar(10) not null, "before" text null, "after" text null, "previous_hash" varchar(64) not null, "hash" varchar(64) not null, constraint "audit_log_entry_pkey" primary key ("id"));
create index "audit_log_entry_organisation_id_entity_type_entity_id_index" on "audit_log_entry" ("organisation_id", "entity_type", "entity_id");
alter table "audit_log_entry" add constraint "audit_log_entry_organisation_id_sequence_unique" unique ("organisation_id", "sequence");
alter table "audit_log_entry" add constraint "audit_log_entry_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete cascade;
`,
    });
  }
}
