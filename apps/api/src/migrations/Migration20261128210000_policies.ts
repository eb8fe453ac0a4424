import { Migration } from '@mikro-orm/migrations';
import { addStatements } from './dialect.js';

/** Policies and their versions, each approved once (clause 5.2, Annex A.2). */
export class Migration20261128210000_policies extends Migration {
  override async up(): Promise<void> {
    addStatements(this, {
      sqlite: `
create table \`policy\` (\`id\` text not null, \`organisation_id\` text not null, \`title\` text not null, \`owner\` text null, \`next_review_on\` date null, \`latest_version_number\` integer not null default 1, \`version\` integer not null default 1, constraint \`policy_organisation_id_foreign\` foreign key(\`organisation_id\`) references \`organisation\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));
create index \`policy_organisation_id_index\` on \`policy\` (\`organisation_id\`);
create index \`policy_organisation_id_title_index\` on \`policy\` (\`organisation_id\`, \`title\`);
create table \`policy_version\` (\`id\` text not null, \`policy_id\` text not null, \`number\` integer not null, \`text\` text not null, \`approved_by\` text null, \`approved_on\` date null, \`created_at\` datetime not null, constraint \`policy_version_policy_id_foreign\` foreign key(\`policy_id\`) references \`policy\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));
create index \`policy_version_policy_id_index\` on \`policy_version\` (\`policy_id\`);
create unique index \`policy_version_policy_id_number_unique\` on \`policy_version\` (\`policy_id\`, \`number\`);
`,
      postgresql: `
create table "policy" ("id" uuid not null, "organisation_id" uuid not null, "title" varchar(200) not null, "owner" varchar(200) null, "next_review_on" date null, "latest_version_number" int not null default 1, "version" int not null default 1, constraint "policy_pkey" primary key ("id"));
create index "policy_organisation_id_title_index" on "policy" ("organisation_id", "title");
create table "policy_version" ("id" uuid not null, "policy_id" uuid not null, "number" int not null, "text" text not null, "approved_by" varchar(200) null, "approved_on" date null, "created_at" timestamptz not null, constraint "policy_version_pkey" primary key ("id"));
alter table "policy_version" add constraint "policy_version_policy_id_number_unique" unique ("policy_id", "number");
alter table "policy" add constraint "policy_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete cascade;
alter table "policy_version" add constraint "policy_version_policy_id_foreign" foreign key ("policy_id") references "policy" ("id") on update cascade on delete cascade;
`,
    });
  }
}
