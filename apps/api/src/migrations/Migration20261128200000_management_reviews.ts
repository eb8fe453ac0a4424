import { Migration } from '@mikro-orm/migrations';
import { addStatements } from './dialect.js';

/** Management reviews (clause 9.3) and the actions they decide. */
export class Migration20261128200000_management_reviews extends Migration {
  override async up(): Promise<void> {
    addStatements(this, {
      sqlite: `
create table \`management_review\` (\`id\` text not null, \`organisation_id\` text not null, \`held_on\` date not null, \`attendees\` json not null, \`inputs\` text null, \`decisions\` text null, \`version\` integer not null default 1, constraint \`management_review_organisation_id_foreign\` foreign key(\`organisation_id\`) references \`organisation\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));
create index \`management_review_organisation_id_index\` on \`management_review\` (\`organisation_id\`);
create index \`management_review_organisation_id_held_on_index\` on \`management_review\` (\`organisation_id\`, \`held_on\`);
create table \`review_action\` (\`id\` text not null, \`organisation_id\` text not null, \`review_id\` text not null, \`description\` text not null, \`owner\` text null, \`due_date\` date not null, \`completed_on\` date null, \`version\` integer not null default 1, constraint \`review_action_organisation_id_foreign\` foreign key(\`organisation_id\`) references \`organisation\`(\`id\`) on delete cascade on update cascade, constraint \`review_action_review_id_foreign\` foreign key(\`review_id\`) references \`management_review\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));
create index \`review_action_organisation_id_index\` on \`review_action\` (\`organisation_id\`);
create index \`review_action_review_id_index\` on \`review_action\` (\`review_id\`);
create index \`review_action_review_id_due_date_index\` on \`review_action\` (\`review_id\`, \`due_date\`);
`,
      postgresql: `
create table "management_review" ("id" uuid not null, "organisation_id" uuid not null, "held_on" date not null, "attendees" jsonb not null, "inputs" text null, "decisions" text null, "version" int not null default 1, constraint "management_review_pkey" primary key ("id"));
create index "management_review_organisation_id_held_on_index" on "management_review" ("organisation_id", "held_on");
create table "review_action" ("id" uuid not null, "organisation_id" uuid not null, "review_id" uuid not null, "description" text not null, "owner" varchar(200) null, "due_date" date not null, "completed_on" date null, "version" int not null default 1, constraint "review_action_pkey" primary key ("id"));
create index "review_action_review_id_due_date_index" on "review_action" ("review_id", "due_date");
alter table "management_review" add constraint "management_review_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete cascade;
alter table "review_action" add constraint "review_action_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete cascade;
alter table "review_action" add constraint "review_action_review_id_foreign" foreign key ("review_id") references "management_review" ("id") on update cascade on delete cascade;
`,
    });
  }
}
