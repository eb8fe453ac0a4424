import { Migration } from '@mikro-orm/migrations';
import { addStatements } from './dialect.js';

/** Internal audits, their findings and the corrective actions that answer them (clauses 9.2, 10.2). */
export class Migration20261128170000_audits extends Migration {
  override async up(): Promise<void> {
    addStatements(this, {
      sqlite: `
create table \`audit\` (\`id\` text not null, \`organisation_id\` text not null, \`title\` text not null, \`scope\` text null, \`auditor\` text null, \`planned_on\` date not null, \`completed_on\` date null, \`status\` text not null default 'planned', \`version\` integer not null default 1, \`created_at\` datetime not null, constraint \`audit_organisation_id_foreign\` foreign key(\`organisation_id\`) references \`organisation\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));
create index \`audit_organisation_id_index\` on \`audit\` (\`organisation_id\`);
create index \`audit_organisation_id_planned_on_index\` on \`audit\` (\`organisation_id\`, \`planned_on\`);
create table \`finding\` (\`id\` text not null, \`organisation_id\` text not null, \`audit_id\` text not null, \`kind\` text not null, \`clause_id\` text null, \`control_id\` text null, \`description\` text not null, \`root_cause\` text null, \`raised_on\` date not null, \`status\` text not null default 'open', \`version\` integer not null default 1, constraint \`finding_organisation_id_foreign\` foreign key(\`organisation_id\`) references \`organisation\`(\`id\`) on delete cascade on update cascade, constraint \`finding_audit_id_foreign\` foreign key(\`audit_id\`) references \`audit\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));
create index \`finding_organisation_id_index\` on \`finding\` (\`organisation_id\`);
create index \`finding_audit_id_index\` on \`finding\` (\`audit_id\`);
create index \`finding_audit_id_raised_on_index\` on \`finding\` (\`audit_id\`, \`raised_on\`);
create table \`corrective_action\` (\`id\` text not null, \`organisation_id\` text not null, \`finding_id\` text not null, \`description\` text not null, \`owner\` text null, \`due_date\` date not null, \`completed_on\` date null, \`effectiveness_check\` text null, \`effective\` integer null, \`version\` integer not null default 1, constraint \`corrective_action_organisation_id_foreign\` foreign key(\`organisation_id\`) references \`organisation\`(\`id\`) on delete cascade on update cascade, constraint \`corrective_action_finding_id_foreign\` foreign key(\`finding_id\`) references \`finding\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));
create index \`corrective_action_organisation_id_index\` on \`corrective_action\` (\`organisation_id\`);
create index \`corrective_action_finding_id_index\` on \`corrective_action\` (\`finding_id\`);
create index \`corrective_action_finding_id_due_date_index\` on \`corrective_action\` (\`finding_id\`, \`due_date\`);
`,
      postgresql: `
create table "audit" ("id" uuid not null, "organisation_id" uuid not null, "title" varchar(200) not null, "scope" text null, "auditor" varchar(200) null, "planned_on" date not null, "completed_on" date null, "status" varchar(20) not null default 'planned', "version" int not null default 1, "created_at" timestamptz not null, constraint "audit_pkey" primary key ("id"));
create index "audit_organisation_id_planned_on_index" on "audit" ("organisation_id", "planned_on");
create table "finding" ("id" uuid not null, "organisation_id" uuid not null, "audit_id" uuid not null, "kind" varchar(30) not null, "clause_id" varchar(20) null, "control_id" varchar(20) null, "description" text not null, "root_cause" text null, "raised_on" date not null, "status" varchar(20) not null default 'open', "version" int not null default 1, constraint "finding_pkey" primary key ("id"));
create index "finding_audit_id_raised_on_index" on "finding" ("audit_id", "raised_on");
create table "corrective_action" ("id" uuid not null, "organisation_id" uuid not null, "finding_id" uuid not null, "description" text not null, "owner" varchar(200) null, "due_date" date not null, "completed_on" date null, "effectiveness_check" text null, "effective" boolean null, "version" int not null default 1, constraint "corrective_action_pkey" primary key ("id"));
create index "corrective_action_finding_id_due_date_index" on "corrective_action" ("finding_id", "due_date");
alter table "audit" add constraint "audit_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete cascade;
alter table "finding" add constraint "finding_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete cascade;
alter table "finding" add constraint "finding_audit_id_foreign" foreign key ("audit_id") references "audit" ("id") on update cascade on delete cascade;
alter table "corrective_action" add constraint "corrective_action_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete cascade;
alter table "corrective_action" add constraint "corrective_action_finding_id_foreign" foreign key ("finding_id") references "finding" ("id") on update cascade on delete cascade;
`,
    });
  }
}
