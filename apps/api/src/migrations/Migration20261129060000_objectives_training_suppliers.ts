import { Migration } from '@mikro-orm/migrations';
import { addStatements } from './dialect.js';

/**
 * AI objectives with their KPI measurements (clauses 6.2 and 9.1), training and competence
 * records (7.2, 7.3), and suppliers with the AI systems they supply for (Annex A.10.2–A.10.3).
 */
export class Migration20261129060000_objectives_training_suppliers extends Migration {
  override async up(): Promise<void> {
    addStatements(this, {
      sqlite: `
create table \`ai_objective\` (\`id\` text not null, \`organisation_id\` text not null, \`title\` text not null, \`description\` text null, \`owner\` text null, \`target_date\` date not null, \`status\` text not null default 'planned', \`control_ids\` json not null, \`kpi_name\` text not null, \`kpi_unit\` text null, \`kpi_direction\` text not null, \`kpi_target\` double not null, \`version\` integer not null default 1, \`created_at\` datetime not null, \`updated_at\` datetime not null, constraint \`ai_objective_organisation_id_foreign\` foreign key(\`organisation_id\`) references \`organisation\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));
create index \`ai_objective_organisation_id_index\` on \`ai_objective\` (\`organisation_id\`);
create index \`ai_objective_organisation_id_target_date_index\` on \`ai_objective\` (\`organisation_id\`, \`target_date\`);
create table \`kpi_measurement\` (\`id\` text not null, \`objective_id\` text not null, \`measured_on\` date not null, \`value\` double not null, \`note\` text null, \`version\` integer not null default 1, \`created_at\` datetime not null, constraint \`kpi_measurement_objective_id_foreign\` foreign key(\`objective_id\`) references \`ai_objective\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));
create index \`kpi_measurement_objective_id_index\` on \`kpi_measurement\` (\`objective_id\`);
create unique index \`kpi_measurement_objective_id_measured_on_unique\` on \`kpi_measurement\` (\`objective_id\`, \`measured_on\`);
create table \`supplier\` (\`id\` text not null, \`organisation_id\` text not null, \`name\` text not null, \`supplies\` json not null, \`contract_reference\` text null, \`due_diligence_status\` text not null default 'not-assessed', \`last_assessed_on\` date null, \`next_review_on\` date null, \`responsibilities\` text null, \`notes\` text null, \`version\` integer not null default 1, \`created_at\` datetime not null, \`updated_at\` datetime not null, constraint \`supplier_organisation_id_foreign\` foreign key(\`organisation_id\`) references \`organisation\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));
create index \`supplier_organisation_id_index\` on \`supplier\` (\`organisation_id\`);
create index \`supplier_organisation_id_name_index\` on \`supplier\` (\`organisation_id\`, \`name\`);
create table \`supplier_ai_system\` (\`supplier_id\` text not null, \`ai_system_id\` text not null, constraint \`supplier_ai_system_supplier_id_foreign\` foreign key(\`supplier_id\`) references \`supplier\`(\`id\`) on delete cascade on update cascade, constraint \`supplier_ai_system_ai_system_id_foreign\` foreign key(\`ai_system_id\`) references \`ai_system\`(\`id\`) on delete cascade on update cascade, primary key (\`supplier_id\`, \`ai_system_id\`));
create index \`supplier_ai_system_supplier_id_index\` on \`supplier_ai_system\` (\`supplier_id\`);
create index \`supplier_ai_system_ai_system_id_index\` on \`supplier_ai_system\` (\`ai_system_id\`);
create table \`training_record\` (\`id\` text not null, \`organisation_id\` text not null, \`person\` text not null, \`role\` text not null, \`competence\` text not null, \`completed_on\` date not null, \`expires_on\` date null, \`evidence_location\` text null, \`version\` integer not null default 1, \`created_at\` datetime not null, \`updated_at\` datetime not null, constraint \`training_record_organisation_id_foreign\` foreign key(\`organisation_id\`) references \`organisation\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));
create index \`training_record_organisation_id_index\` on \`training_record\` (\`organisation_id\`);
create index \`training_record_organisation_id_person_index\` on \`training_record\` (\`organisation_id\`, \`person\`);
`,
      postgresql: `
create table "ai_objective" ("id" uuid not null, "organisation_id" uuid not null, "title" varchar(200) not null, "description" text null, "owner" varchar(200) null, "target_date" date not null, "status" varchar(20) not null default 'planned', "control_ids" jsonb not null, "kpi_name" varchar(200) not null, "kpi_unit" varchar(40) null, "kpi_direction" varchar(20) not null, "kpi_target" double precision not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "ai_objective_pkey" primary key ("id"));
create index "ai_objective_organisation_id_target_date_index" on "ai_objective" ("organisation_id", "target_date");
create table "kpi_measurement" ("id" uuid not null, "objective_id" uuid not null, "measured_on" date not null, "value" double precision not null, "note" text null, "version" int not null default 1, "created_at" timestamptz not null, constraint "kpi_measurement_pkey" primary key ("id"));
alter table "kpi_measurement" add constraint "kpi_measurement_objective_id_measured_on_unique" unique ("objective_id", "measured_on");
create table "supplier" ("id" uuid not null, "organisation_id" uuid not null, "name" varchar(200) not null, "supplies" jsonb not null, "contract_reference" varchar(200) null, "due_diligence_status" varchar(20) not null default 'not-assessed', "last_assessed_on" date null, "next_review_on" date null, "responsibilities" text null, "notes" text null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "supplier_pkey" primary key ("id"));
create index "supplier_organisation_id_name_index" on "supplier" ("organisation_id", "name");
create table "supplier_ai_system" ("supplier_id" uuid not null, "ai_system_id" uuid not null, constraint "supplier_ai_system_pkey" primary key ("supplier_id", "ai_system_id"));
create table "training_record" ("id" uuid not null, "organisation_id" uuid not null, "person" varchar(200) not null, "role" varchar(200) not null, "competence" varchar(200) not null, "completed_on" date not null, "expires_on" date null, "evidence_location" varchar(1000) null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "training_record_pkey" primary key ("id"));
create index "training_record_organisation_id_person_index" on "training_record" ("organisation_id", "person");
alter table "ai_objective" add constraint "ai_objective_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete cascade;
alter table "kpi_measurement" add constraint "kpi_measurement_objective_id_foreign" foreign key ("objective_id") references "ai_objective" ("id") on update cascade on delete cascade;
alter table "supplier" add constraint "supplier_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete cascade;
alter table "supplier_ai_system" add constraint "supplier_ai_system_supplier_id_foreign" foreign key ("supplier_id") references "supplier" ("id") on update cascade on delete cascade;
alter table "supplier_ai_system" add constraint "supplier_ai_system_ai_system_id_foreign" foreign key ("ai_system_id") references "ai_system" ("id") on update cascade on delete cascade;
alter table "training_record" add constraint "training_record_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete cascade;
`,
    });
  }
}
