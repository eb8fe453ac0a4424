import { Migration } from '@mikro-orm/migrations';
import { addStatements } from './dialect.js';

/** AI incidents, with the facts Art. 73 deadlines are computed from. */
export class Migration20261128160000_incidents extends Migration {
  override async up(): Promise<void> {
    addStatements(this, {
      sqlite: `
create table \`incident\` (\`id\` text not null, \`organisation_id\` text not null, \`ai_system_id\` text null, \`title\` text not null, \`description\` text null, \`aware_on\` date not null, \`serious_case\` text not null default 'none', \`reported_on\` date null, \`status\` text not null default 'open', \`version\` integer not null default 1, \`created_at\` datetime not null, \`updated_at\` datetime not null, constraint \`incident_organisation_id_foreign\` foreign key(\`organisation_id\`) references \`organisation\`(\`id\`) on delete cascade on update cascade, constraint \`incident_ai_system_id_foreign\` foreign key(\`ai_system_id\`) references \`ai_system\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));
create index \`incident_organisation_id_index\` on \`incident\` (\`organisation_id\`);
create index \`incident_ai_system_id_index\` on \`incident\` (\`ai_system_id\`);
create index \`incident_organisation_id_aware_on_index\` on \`incident\` (\`organisation_id\`, \`aware_on\`);
`,
      postgresql: `
create table "incident" ("id" uuid not null, "organisation_id" uuid not null, "ai_system_id" uuid null, "title" varchar(200) not null, "description" text null, "aware_on" date not null, "serious_case" varchar(40) not null default 'none', "reported_on" date null, "status" varchar(20) not null default 'open', "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "incident_pkey" primary key ("id"));
create index "incident_organisation_id_aware_on_index" on "incident" ("organisation_id", "aware_on");
alter table "incident" add constraint "incident_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete cascade;
alter table "incident" add constraint "incident_ai_system_id_foreign" foreign key ("ai_system_id") references "ai_system" ("id") on update cascade on delete set null;
`,
    });
  }
}
