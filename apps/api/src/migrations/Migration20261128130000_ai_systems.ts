import { Migration } from '@mikro-orm/migrations';
import { addStatements } from './dialect.js';

/** The AI system inventory, and risks linked to the system they belong to. */
export class Migration20261128130000_ai_systems extends Migration {
  override async up(): Promise<void> {
    addStatements(this, {
      sqlite: `
create table \`ai_system\` (\`id\` text not null, \`organisation_id\` text not null, \`name\` text not null, \`purpose\` text null, \`intended_use\` text null, \`life_cycle_stage\` text not null default 'inception', \`organisation_role\` text not null, \`owner\` text null, \`data_resources\` text null, \`supplier\` text null, \`eu_ai_act_tier\` text not null default 'unclassified', \`tier_rationale\` text null, \`version\` integer not null default 1, \`created_at\` datetime not null, \`updated_at\` datetime not null, constraint \`ai_system_organisation_id_foreign\` foreign key(\`organisation_id\`) references \`organisation\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));
create index \`ai_system_organisation_id_index\` on \`ai_system\` (\`organisation_id\`);
create index \`ai_system_organisation_id_name_index\` on \`ai_system\` (\`organisation_id\`, \`name\`);

alter table \`risk\` add column \`ai_system_id\` text null constraint \`risk_ai_system_id_foreign\` references \`ai_system\` (\`id\`) on update cascade on delete set null;
create index \`risk_ai_system_id_index\` on \`risk\` (\`ai_system_id\`);
create index \`risk_organisation_id_ai_system_id_index\` on \`risk\` (\`organisation_id\`, \`ai_system_id\`);
`,
      postgresql: `
create table "ai_system" ("id" uuid not null, "organisation_id" uuid not null, "name" varchar(200) not null, "purpose" text null, "intended_use" text null, "life_cycle_stage" varchar(40) not null default 'inception', "organisation_role" varchar(40) not null, "owner" varchar(200) null, "data_resources" text null, "supplier" varchar(200) null, "eu_ai_act_tier" varchar(30) not null default 'unclassified', "tier_rationale" text null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "ai_system_pkey" primary key ("id"));
create index "ai_system_organisation_id_name_index" on "ai_system" ("organisation_id", "name");

alter table "ai_system" add constraint "ai_system_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete cascade;

alter table "risk" add column "ai_system_id" uuid null;
alter table "risk" add constraint "risk_ai_system_id_foreign" foreign key ("ai_system_id") references "ai_system" ("id") on update cascade on delete set null;
create index "risk_organisation_id_ai_system_id_index" on "risk" ("organisation_id", "ai_system_id");
`,
    });
  }
}
