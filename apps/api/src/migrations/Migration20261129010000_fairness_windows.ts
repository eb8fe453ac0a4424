import { Migration } from '@mikro-orm/migrations';
import { addStatements } from './dialect.js';

/** Fairness windows: confusion counts per group, per AI system, attribute and period (clause 9.1). */
export class Migration20261129010000_fairness_windows extends Migration {
  override async up(): Promise<void> {
    addStatements(this, {
      sqlite: `
create table \`fairness_window\` (\`id\` text not null, \`organisation_id\` text not null, \`ai_system_id\` text not null, \`attribute\` text not null, \`starts_on\` date not null, \`ends_on\` date not null, \`rows\` integer not null, \`created_at\` datetime not null, constraint \`fairness_window_organisation_id_foreign\` foreign key(\`organisation_id\`) references \`organisation\`(\`id\`) on delete cascade on update cascade, constraint \`fairness_window_ai_system_id_foreign\` foreign key(\`ai_system_id\`) references \`ai_system\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));
create index \`fairness_window_organisation_id_index\` on \`fairness_window\` (\`organisation_id\`);
create index \`fairness_window_ai_system_id_index\` on \`fairness_window\` (\`ai_system_id\`);
create index \`fairness_window_organisation_id_ai_system_id_attribute_starts_on_index\` on \`fairness_window\` (\`organisation_id\`, \`ai_system_id\`, \`attribute\`, \`starts_on\`);
create unique index \`fairness_window_ai_system_id_attribute_starts_on_ends_on_unique\` on \`fairness_window\` (\`ai_system_id\`, \`attribute\`, \`starts_on\`, \`ends_on\`);
create table \`fairness_window_cell\` (\`id\` text not null, \`window_id\` text not null, \`group_key\` text null, \`tp\` double not null, \`fp\` double not null, \`tn\` double not null, \`fn\` double not null, \`rows\` integer not null, constraint \`fairness_window_cell_window_id_foreign\` foreign key(\`window_id\`) references \`fairness_window\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));
create index \`fairness_window_cell_window_id_index\` on \`fairness_window_cell\` (\`window_id\`);
`,
      postgresql: `
create table "fairness_window" ("id" uuid not null, "organisation_id" uuid not null, "ai_system_id" uuid not null, "attribute" varchar(100) not null, "starts_on" date not null, "ends_on" date not null, "rows" int not null, "created_at" timestamptz not null, constraint "fairness_window_pkey" primary key ("id"));
create index "fairness_window_organisation_id_ai_system_id_attri_6d431_index" on "fairness_window" ("organisation_id", "ai_system_id", "attribute", "starts_on");
alter table "fairness_window" add constraint "fairness_window_ai_system_id_attribute_starts_on_ends_on_unique" unique ("ai_system_id", "attribute", "starts_on", "ends_on");
create table "fairness_window_cell" ("id" uuid not null, "window_id" uuid not null, "group_key" varchar(200) null, "tp" double precision not null, "fp" double precision not null, "tn" double precision not null, "fn" double precision not null, "rows" int not null, constraint "fairness_window_cell_pkey" primary key ("id"));
create index "fairness_window_cell_window_id_index" on "fairness_window_cell" ("window_id");
alter table "fairness_window" add constraint "fairness_window_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete cascade;
alter table "fairness_window" add constraint "fairness_window_ai_system_id_foreign" foreign key ("ai_system_id") references "ai_system" ("id") on update cascade on delete cascade;
alter table "fairness_window_cell" add constraint "fairness_window_cell_window_id_foreign" foreign key ("window_id") references "fairness_window" ("id") on update cascade on delete cascade;
`,
    });
  }
}
