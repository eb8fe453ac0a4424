import { Migration } from '@mikro-orm/migrations';
import { addStatements, dialectOf } from './dialect.js';

/**
 * Fairness thresholds; findings raised by monitoring (no audit, linked to an AI system, a risk and
 * the threshold); risks that await re-assessment.
 *
 * SQLite cannot make a column nullable, so the finding table is rebuilt. Dropping the old table
 * with foreign keys on would delete every corrective action through their cascade, and the
 * setting cannot change inside a transaction: on SQLite this migration turns foreign keys off,
 * runs its own transaction, and turns them on again, refusing to go on if they stay on.
 */
export class Migration20261129030000_fairness_thresholds extends Migration {
  override isTransactional(): boolean {
    return dialectOf(this) !== 'sqlite';
  }

  override async up(): Promise<void> {
    if (dialectOf(this) === 'sqlite') {
      await this.execute('pragma foreign_keys = off');
      const [setting] = (await this.execute('pragma foreign_keys')) as { foreign_keys: number }[];
      if (setting?.foreign_keys !== 0) throw new Error('Migration20261129030000_fairness_thresholds: foreign keys could not be turned off (a transaction is open); nothing was changed');
    }
    addStatements(this, {
      sqlite: `
begin;
create table \`fairness_threshold\` (\`id\` text not null, \`organisation_id\` text not null, \`ai_system_id\` text not null, \`attribute\` text not null, \`metric\` text not null, \`direction\` text not null, \`value\` double not null, \`privileged_group\` text null, \`min_group_size\` integer not null default 0, \`risk_id\` text null, \`version\` integer not null default 1, \`created_at\` datetime not null, constraint \`fairness_threshold_organisation_id_foreign\` foreign key(\`organisation_id\`) references \`organisation\`(\`id\`) on delete cascade on update cascade, constraint \`fairness_threshold_ai_system_id_foreign\` foreign key(\`ai_system_id\`) references \`ai_system\`(\`id\`) on delete cascade on update cascade, constraint \`fairness_threshold_risk_id_foreign\` foreign key(\`risk_id\`) references \`risk\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));
create index \`fairness_threshold_organisation_id_index\` on \`fairness_threshold\` (\`organisation_id\`);
create index \`fairness_threshold_ai_system_id_index\` on \`fairness_threshold\` (\`ai_system_id\`);
create index \`fairness_threshold_risk_id_index\` on \`fairness_threshold\` (\`risk_id\`);
create index \`fairness_threshold_ai_system_id_attribute_index\` on \`fairness_threshold\` (\`ai_system_id\`, \`attribute\`);
alter table \`risk\` add column \`reassessment_reason\` text null;
create table \`finding_next\` (\`id\` text not null, \`organisation_id\` text not null, \`audit_id\` text null, \`kind\` text not null, \`clause_id\` text null, \`control_id\` text null, \`description\` text not null, \`root_cause\` text null, \`raised_on\` date not null, \`status\` text not null default 'open', \`version\` integer not null default 1, \`source\` text not null default 'audit', \`ai_system_id\` text null, \`risk_id\` text null, \`threshold_id\` text null, constraint \`finding_organisation_id_foreign\` foreign key(\`organisation_id\`) references \`organisation\`(\`id\`) on delete cascade on update cascade, constraint \`finding_audit_id_foreign\` foreign key(\`audit_id\`) references \`audit\`(\`id\`) on delete cascade on update cascade, constraint \`finding_ai_system_id_foreign\` foreign key(\`ai_system_id\`) references \`ai_system\`(\`id\`) on delete set null on update cascade, constraint \`finding_risk_id_foreign\` foreign key(\`risk_id\`) references \`risk\`(\`id\`) on delete set null on update cascade, constraint \`finding_threshold_id_foreign\` foreign key(\`threshold_id\`) references \`fairness_threshold\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));
insert into \`finding_next\` (\`id\`, \`organisation_id\`, \`audit_id\`, \`kind\`, \`clause_id\`, \`control_id\`, \`description\`, \`root_cause\`, \`raised_on\`, \`status\`, \`version\`) select \`id\`, \`organisation_id\`, \`audit_id\`, \`kind\`, \`clause_id\`, \`control_id\`, \`description\`, \`root_cause\`, \`raised_on\`, \`status\`, \`version\` from \`finding\`;
drop table \`finding\`;
alter table \`finding_next\` rename to \`finding\`;
create index \`finding_organisation_id_index\` on \`finding\` (\`organisation_id\`);
create index \`finding_audit_id_index\` on \`finding\` (\`audit_id\`);
create index \`finding_audit_id_raised_on_index\` on \`finding\` (\`audit_id\`, \`raised_on\`);
create index \`finding_ai_system_id_index\` on \`finding\` (\`ai_system_id\`);
create index \`finding_risk_id_index\` on \`finding\` (\`risk_id\`);
create index \`finding_threshold_id_index\` on \`finding\` (\`threshold_id\`);
commit;
pragma foreign_keys = on
`,
      postgresql: `
create table "fairness_threshold" ("id" uuid not null, "organisation_id" uuid not null, "ai_system_id" uuid not null, "attribute" varchar(100) not null, "metric" varchar(40) not null, "direction" varchar(10) not null, "value" double precision not null, "privileged_group" varchar(200) null, "min_group_size" int not null default 0, "risk_id" uuid null, "version" int not null default 1, "created_at" timestamptz not null, constraint "fairness_threshold_pkey" primary key ("id"));
create index "fairness_threshold_ai_system_id_attribute_index" on "fairness_threshold" ("ai_system_id", "attribute");
alter table "fairness_threshold" add constraint "fairness_threshold_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete cascade;
alter table "fairness_threshold" add constraint "fairness_threshold_ai_system_id_foreign" foreign key ("ai_system_id") references "ai_system" ("id") on update cascade on delete cascade;
alter table "fairness_threshold" add constraint "fairness_threshold_risk_id_foreign" foreign key ("risk_id") references "risk" ("id") on update cascade on delete set null;
alter table "risk" add column "reassessment_reason" text null;
alter table "finding" add column "source" varchar(20) not null default 'audit', add column "ai_system_id" uuid null, add column "risk_id" uuid null, add column "threshold_id" uuid null;
alter table "finding" alter column "audit_id" drop default;
alter table "finding" alter column "audit_id" type uuid using ("audit_id"::text::uuid);
alter table "finding" alter column "audit_id" drop not null;
alter table "finding" add constraint "finding_ai_system_id_foreign" foreign key ("ai_system_id") references "ai_system" ("id") on update cascade on delete set null;
alter table "finding" add constraint "finding_risk_id_foreign" foreign key ("risk_id") references "risk" ("id") on update cascade on delete set null;
alter table "finding" add constraint "finding_threshold_id_foreign" foreign key ("threshold_id") references "fairness_threshold" ("id") on update cascade on delete set null;
`,
    });
  }
}
