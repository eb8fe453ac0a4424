import { Migration } from '@mikro-orm/migrations';
import { addStatements } from './dialect.js';

/** AI system impact assessments (ISO/IEC 42005, with the Art. 27 FRIA fields) and their harms and benefits. */
export class Migration20261129050000_impact_assessments extends Migration {
  override async up(): Promise<void> {
    addStatements(this, {
      sqlite: `
create table \`impact_assessment\` (\`id\` text not null, \`organisation_id\` text not null, \`ai_system_id\` text not null, \`title\` text not null, \`status\` text not null default 'draft', \`assessed_on\` date not null, \`next_review_on\` date null, \`scope\` text null, \`intended_use\` text null, \`foreseeable_misuse\` text null, \`data_considerations\` text null, \`model_considerations\` text null, \`human_oversight\` text null, \`fria_required\` integer not null default false, \`fria_deployer_processes\` text null, \`fria_period_and_frequency\` text null, \`fria_affected_categories\` text null, \`fria_risks_of_harm\` text null, \`fria_measures_and_complaints\` text null, \`fria_notified_on\` date null, \`risk_ids\` json not null, \`approved_by\` text null, \`approved_on\` date null, \`version\` integer not null default 1, \`created_at\` datetime not null, \`updated_at\` datetime not null, constraint \`impact_assessment_organisation_id_foreign\` foreign key(\`organisation_id\`) references \`organisation\`(\`id\`) on delete cascade on update cascade, constraint \`impact_assessment_ai_system_id_foreign\` foreign key(\`ai_system_id\`) references \`ai_system\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));
create index \`impact_assessment_organisation_id_index\` on \`impact_assessment\` (\`organisation_id\`);
create index \`impact_assessment_ai_system_id_index\` on \`impact_assessment\` (\`ai_system_id\`);
create index \`impact_assessment_organisation_id_ai_system_id_index\` on \`impact_assessment\` (\`organisation_id\`, \`ai_system_id\`);
create table \`impact_item\` (\`id\` text not null, \`organisation_id\` text not null, \`assessment_id\` text not null, \`kind\` text not null, \`affected\` text not null, \`affected_parties\` text null, \`description\` text not null, \`severity\` integer not null, \`likelihood\` integer not null, \`mitigation\` text null, \`version\` integer not null default 1, constraint \`impact_item_organisation_id_foreign\` foreign key(\`organisation_id\`) references \`organisation\`(\`id\`) on delete cascade on update cascade, constraint \`impact_item_assessment_id_foreign\` foreign key(\`assessment_id\`) references \`impact_assessment\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));
create index \`impact_item_organisation_id_index\` on \`impact_item\` (\`organisation_id\`);
create index \`impact_item_assessment_id_index\` on \`impact_item\` (\`assessment_id\`);
create index \`impact_item_assessment_id_kind_index\` on \`impact_item\` (\`assessment_id\`, \`kind\`);
`,
      postgresql: `
create table "impact_assessment" ("id" uuid not null, "organisation_id" uuid not null, "ai_system_id" uuid not null, "title" varchar(200) not null, "status" varchar(20) not null default 'draft', "assessed_on" date not null, "next_review_on" date null, "scope" text null, "intended_use" text null, "foreseeable_misuse" text null, "data_considerations" text null, "model_considerations" text null, "human_oversight" text null, "fria_required" boolean not null default false, "fria_deployer_processes" text null, "fria_period_and_frequency" text null, "fria_affected_categories" text null, "fria_risks_of_harm" text null, "fria_measures_and_complaints" text null, "fria_notified_on" date null, "risk_ids" jsonb not null, "approved_by" varchar(200) null, "approved_on" date null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "impact_assessment_pkey" primary key ("id"));
create index "impact_assessment_organisation_id_ai_system_id_index" on "impact_assessment" ("organisation_id", "ai_system_id");
create table "impact_item" ("id" uuid not null, "organisation_id" uuid not null, "assessment_id" uuid not null, "kind" varchar(10) not null, "affected" varchar(20) not null, "affected_parties" varchar(200) null, "description" text not null, "severity" int not null, "likelihood" int not null, "mitigation" text null, "version" int not null default 1, constraint "impact_item_pkey" primary key ("id"));
create index "impact_item_assessment_id_kind_index" on "impact_item" ("assessment_id", "kind");
alter table "impact_assessment" add constraint "impact_assessment_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete cascade;
alter table "impact_assessment" add constraint "impact_assessment_ai_system_id_foreign" foreign key ("ai_system_id") references "ai_system" ("id") on update cascade on delete cascade;
alter table "impact_item" add constraint "impact_item_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete cascade;
alter table "impact_item" add constraint "impact_item_assessment_id_foreign" foreign key ("assessment_id") references "impact_assessment" ("id") on update cascade on delete cascade;
`,
    });
  }
}
