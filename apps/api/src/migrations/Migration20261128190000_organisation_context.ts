import { Migration } from '@mikro-orm/migrations';
import { addStatements } from './dialect.js';

/** The organisation's context: issues (clause 4.1) and interested parties (clause 4.2). */
export class Migration20261128190000_organisation_context extends Migration {
  override async up(): Promise<void> {
    addStatements(this, {
      sqlite: `
create table \`interested_party\` (\`id\` text not null, \`organisation_id\` text not null, \`name\` text not null, \`needs\` text not null, \`addressed_through_aims\` integer not null default true, \`recorded_on\` date not null, \`retired_on\` date null, \`version\` integer not null default 1, constraint \`interested_party_organisation_id_foreign\` foreign key(\`organisation_id\`) references \`organisation\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));
create index \`interested_party_organisation_id_index\` on \`interested_party\` (\`organisation_id\`);
create index \`interested_party_organisation_id_recorded_on_index\` on \`interested_party\` (\`organisation_id\`, \`recorded_on\`);
create table \`context_issue\` (\`id\` text not null, \`organisation_id\` text not null, \`external\` integer not null, \`description\` text not null, \`effect\` text null, \`climate_related\` integer not null default false, \`recorded_on\` date not null, \`retired_on\` date null, \`version\` integer not null default 1, constraint \`context_issue_organisation_id_foreign\` foreign key(\`organisation_id\`) references \`organisation\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));
create index \`context_issue_organisation_id_index\` on \`context_issue\` (\`organisation_id\`);
create index \`context_issue_organisation_id_recorded_on_index\` on \`context_issue\` (\`organisation_id\`, \`recorded_on\`);
`,
      postgresql: `
create table "interested_party" ("id" uuid not null, "organisation_id" uuid not null, "name" varchar(200) not null, "needs" text not null, "addressed_through_aims" boolean not null default true, "recorded_on" date not null, "retired_on" date null, "version" int not null default 1, constraint "interested_party_pkey" primary key ("id"));
create index "interested_party_organisation_id_recorded_on_index" on "interested_party" ("organisation_id", "recorded_on");
create table "context_issue" ("id" uuid not null, "organisation_id" uuid not null, "external" boolean not null, "description" text not null, "effect" text null, "climate_related" boolean not null default false, "recorded_on" date not null, "retired_on" date null, "version" int not null default 1, constraint "context_issue_pkey" primary key ("id"));
create index "context_issue_organisation_id_recorded_on_index" on "context_issue" ("organisation_id", "recorded_on");
alter table "interested_party" add constraint "interested_party_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete cascade;
alter table "context_issue" add constraint "context_issue_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete cascade;
`,
    });
  }
}
