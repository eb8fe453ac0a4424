import { Migration } from '@mikro-orm/migrations';
import { addStatements } from './dialect.js';

/** Organisations, users, memberships, sessions and the first risk register. */
export class Migration20261128000000_initial extends Migration {
  override async up(): Promise<void> {
    addStatements(this, {
      sqlite: `
create table \`organisation\` (\`id\` text not null, \`name\` text not null, \`aims_scope\` text null, \`created_at\` datetime not null, primary key (\`id\`));

create table \`risk\` (\`id\` text not null, \`organisation_id\` text not null, \`title\` text not null, \`description\` text null, \`likelihood\` integer not null, \`impact\` integer not null, \`score\` integer not null, \`level\` text not null, \`within_appetite\` integer not null, \`version\` integer not null default 1, \`created_at\` datetime not null, \`updated_at\` datetime not null, constraint \`risk_organisation_id_foreign\` foreign key(\`organisation_id\`) references \`organisation\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));
create index \`risk_organisation_id_index\` on \`risk\` (\`organisation_id\`);
create index \`risk_organisation_id_score_index\` on \`risk\` (\`organisation_id\`, \`score\`);

create table \`app_user\` (\`id\` text not null, \`email\` text not null, \`name\` text not null, \`password_hash\` text not null, \`created_at\` datetime not null, primary key (\`id\`));
create unique index \`app_user_email_unique\` on \`app_user\` (\`email\`);

create table \`membership\` (\`id\` text not null, \`user_id\` text not null, \`organisation_id\` text not null, \`role\` text not null, \`created_at\` datetime not null, constraint \`membership_user_id_foreign\` foreign key(\`user_id\`) references \`app_user\`(\`id\`) on delete cascade on update cascade, constraint \`membership_organisation_id_foreign\` foreign key(\`organisation_id\`) references \`organisation\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));
create index \`membership_user_id_index\` on \`membership\` (\`user_id\`);
create index \`membership_organisation_id_index\` on \`membership\` (\`organisation_id\`);
create unique index \`membership_user_id_organisation_id_unique\` on \`membership\` (\`user_id\`, \`organisation_id\`);

create table \`session\` (\`id\` text not null, \`token_hash\` text not null, \`membership_id\` text not null, \`created_at\` datetime not null, \`expires_at\` datetime not null, \`revoked_at\` datetime null, constraint \`session_membership_id_foreign\` foreign key(\`membership_id\`) references \`membership\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));
create unique index \`session_token_hash_unique\` on \`session\` (\`token_hash\`);
create index \`session_membership_id_index\` on \`session\` (\`membership_id\`);
`,
      postgresql: `
create table "organisation" ("id" uuid not null, "name" varchar(200) not null, "aims_scope" text null, "created_at" timestamptz not null, constraint "organisation_pkey" primary key ("id"));

create table "risk" ("id" uuid not null, "organisation_id" uuid not null, "title" varchar(200) not null, "description" text null, "likelihood" int not null, "impact" int not null, "score" int not null, "level" varchar(40) not null, "within_appetite" boolean not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "risk_pkey" primary key ("id"));
create index "risk_organisation_id_score_index" on "risk" ("organisation_id", "score");

create table "app_user" ("id" uuid not null, "email" varchar(320) not null, "name" varchar(200) not null, "password_hash" varchar(255) not null, "created_at" timestamptz not null, constraint "app_user_pkey" primary key ("id"));
alter table "app_user" add constraint "app_user_email_unique" unique ("email");

create table "membership" ("id" uuid not null, "user_id" uuid not null, "organisation_id" uuid not null, "role" varchar(40) not null, "created_at" timestamptz not null, constraint "membership_pkey" primary key ("id"));
alter table "membership" add constraint "membership_user_id_organisation_id_unique" unique ("user_id", "organisation_id");

create table "session" ("id" uuid not null, "token_hash" varchar(64) not null, "membership_id" uuid not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "revoked_at" timestamptz null, constraint "session_pkey" primary key ("id"));
alter table "session" add constraint "session_token_hash_unique" unique ("token_hash");

alter table "risk" add constraint "risk_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete cascade;

alter table "membership" add constraint "membership_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;
alter table "membership" add constraint "membership_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete cascade;

alter table "session" add constraint "session_membership_id_foreign" foreign key ("membership_id") references "membership" ("id") on update cascade on delete cascade;
`,
    });
  }
}
