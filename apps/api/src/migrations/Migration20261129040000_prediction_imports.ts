import { Migration } from '@mikro-orm/migrations';
import { addStatements } from './dialect.js';

/** Prediction-log imports: the provenance of fairness windows, and a guard against importing a file twice. */
export class Migration20261129040000_prediction_imports extends Migration {
  override async up(): Promise<void> {
    addStatements(this, {
      sqlite: `
create table \`prediction_import\` (\`id\` text not null, \`organisation_id\` text not null, \`ai_system_id\` text not null, \`sha256\` text not null, \`source\` text not null default 'http', \`rows\` integer not null, \`windows\` integer not null, \`imported_by_id\` text null, \`imported_at\` datetime not null, constraint \`prediction_import_organisation_id_foreign\` foreign key(\`organisation_id\`) references \`organisation\`(\`id\`) on delete cascade on update cascade, constraint \`prediction_import_ai_system_id_foreign\` foreign key(\`ai_system_id\`) references \`ai_system\`(\`id\`) on delete cascade on update cascade, constraint \`prediction_import_imported_by_id_foreign\` foreign key(\`imported_by_id\`) references \`app_user\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));
create index \`prediction_import_organisation_id_index\` on \`prediction_import\` (\`organisation_id\`);
create index \`prediction_import_ai_system_id_index\` on \`prediction_import\` (\`ai_system_id\`);
create index \`prediction_import_imported_by_id_index\` on \`prediction_import\` (\`imported_by_id\`);
create index \`prediction_import_ai_system_id_sha256_index\` on \`prediction_import\` (\`ai_system_id\`, \`sha256\`);
`,
      postgresql: `
create table "prediction_import" ("id" uuid not null, "organisation_id" uuid not null, "ai_system_id" uuid not null, "sha256" varchar(64) not null, "source" varchar(300) not null default 'http', "rows" int not null, "windows" int not null, "imported_by_id" uuid null, "imported_at" timestamptz not null, constraint "prediction_import_pkey" primary key ("id"));
create index "prediction_import_ai_system_id_sha256_index" on "prediction_import" ("ai_system_id", "sha256");
alter table "prediction_import" add constraint "prediction_import_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete cascade;
alter table "prediction_import" add constraint "prediction_import_ai_system_id_foreign" foreign key ("ai_system_id") references "ai_system" ("id") on update cascade on delete cascade;
alter table "prediction_import" add constraint "prediction_import_imported_by_id_foreign" foreign key ("imported_by_id") references "app_user" ("id") on update cascade on delete set null;
`,
    });
  }
}
