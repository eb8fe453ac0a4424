import { Migration } from '@mikro-orm/migrations';
import { addStatements } from './dialect.js';

/** The certification plan: stages with planned and actual dates, and certification bodies with their accreditation. */
export class Migration20261129020000_certification_plan extends Migration {
  override async up(): Promise<void> {
    addStatements(this, {
      sqlite: `
create table \`certification_stage\` (\`id\` text not null, \`organisation_id\` text not null, \`stage\` text not null, \`planned_start\` date null, \`planned_end\` date null, \`actual_start\` date null, \`actual_end\` date null, \`notes\` text null, \`version\` integer not null default 1, constraint \`certification_stage_organisation_id_foreign\` foreign key(\`organisation_id\`) references \`organisation\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));
create index \`certification_stage_organisation_id_index\` on \`certification_stage\` (\`organisation_id\`);
create unique index \`certification_stage_organisation_id_stage_unique\` on \`certification_stage\` (\`organisation_id\`, \`stage\`);
create table \`certification_body\` (\`id\` text not null, \`organisation_id\` text not null, \`name\` text not null, \`accreditation_body\` text null, \`accreditation_number\` text null, \`scope_covers_42001\` integer not null default false, \`verified_on\` date null, \`chosen\` integer not null default false, \`notes\` text null, \`version\` integer not null default 1, constraint \`certification_body_organisation_id_foreign\` foreign key(\`organisation_id\`) references \`organisation\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));
create index \`certification_body_organisation_id_index\` on \`certification_body\` (\`organisation_id\`);
create index \`certification_body_organisation_id_name_index\` on \`certification_body\` (\`organisation_id\`, \`name\`);
`,
      postgresql: `
create table "certification_stage" ("id" uuid not null, "organisation_id" uuid not null, "stage" varchar(40) not null, "planned_start" date null, "planned_end" date null, "actual_start" date null, "actual_end" date null, "notes" text null, "version" int not null default 1, constraint "certification_stage_pkey" primary key ("id"));
alter table "certification_stage" add constraint "certification_stage_organisation_id_stage_unique" unique ("organisation_id", "stage");
create table "certification_body" ("id" uuid not null, "organisation_id" uuid not null, "name" varchar(200) not null, "accreditation_body" varchar(40) null, "accreditation_number" varchar(100) null, "scope_covers_42001" boolean not null default false, "verified_on" date null, "chosen" boolean not null default false, "notes" text null, "version" int not null default 1, constraint "certification_body_pkey" primary key ("id"));
create index "certification_body_organisation_id_name_index" on "certification_body" ("organisation_id", "name");
alter table "certification_stage" add constraint "certification_stage_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete cascade;
alter table "certification_body" add constraint "certification_body_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete cascade;
`,
    });
  }
}
