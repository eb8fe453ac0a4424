import { Migration } from '@mikro-orm/migrations';
import { addStatements } from './dialect.js';

/**
 * Risk treatment fields (status, treatment option, owner, review date, residual rating) and the
 * assessment history. Every existing risk gets its current rating as its first assessment.
 */
export class Migration20261128120000_risk_assessments extends Migration {
  override async up(): Promise<void> {
    addStatements(this, {
      sqlite: `
create table \`risk_assessment\` (\`id\` text not null, \`risk_id\` text not null, \`assessed_at\` datetime not null, \`assessed_by_id\` text null, \`likelihood\` integer not null, \`impact\` integer not null, \`score\` integer not null, \`level\` text not null, \`residual_likelihood\` integer null, \`residual_impact\` integer null, \`residual_score\` integer null, \`residual_level\` text null, constraint \`risk_assessment_risk_id_foreign\` foreign key(\`risk_id\`) references \`risk\`(\`id\`) on delete cascade on update cascade, constraint \`risk_assessment_assessed_by_id_foreign\` foreign key(\`assessed_by_id\`) references \`app_user\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));
create index \`risk_assessment_risk_id_index\` on \`risk_assessment\` (\`risk_id\`);
create index \`risk_assessment_assessed_by_id_index\` on \`risk_assessment\` (\`assessed_by_id\`);
create index \`risk_assessment_risk_id_assessed_at_index\` on \`risk_assessment\` (\`risk_id\`, \`assessed_at\`);

alter table \`risk\` add column \`status\` text not null default 'identified';
alter table \`risk\` add column \`treatment\` text null;
alter table \`risk\` add column \`owner\` text null;
alter table \`risk\` add column \`review_date\` date null;
alter table \`risk\` add column \`residual_likelihood\` integer null;
alter table \`risk\` add column \`residual_impact\` integer null;
alter table \`risk\` add column \`residual_score\` integer null;
alter table \`risk\` add column \`residual_level\` text null;

insert into \`risk_assessment\` (\`id\`, \`risk_id\`, \`assessed_at\`, \`likelihood\`, \`impact\`, \`score\`, \`level\`)
select lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-a' || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))),
  \`id\`, \`updated_at\`, \`likelihood\`, \`impact\`, \`score\`, \`level\` from \`risk\`;
`,
      postgresql: `
create table "risk_assessment" ("id" uuid not null, "risk_id" uuid not null, "assessed_at" timestamptz not null, "assessed_by_id" uuid null, "likelihood" int not null, "impact" int not null, "score" int not null, "level" varchar(40) not null, "residual_likelihood" int null, "residual_impact" int null, "residual_score" int null, "residual_level" varchar(40) null, constraint "risk_assessment_pkey" primary key ("id"));
create index "risk_assessment_risk_id_assessed_at_index" on "risk_assessment" ("risk_id", "assessed_at");

alter table "risk_assessment" add constraint "risk_assessment_risk_id_foreign" foreign key ("risk_id") references "risk" ("id") on update cascade on delete cascade;
alter table "risk_assessment" add constraint "risk_assessment_assessed_by_id_foreign" foreign key ("assessed_by_id") references "app_user" ("id") on update cascade on delete set null;

alter table "risk" add column "status" varchar(30) not null default 'identified', add column "treatment" varchar(20) null, add column "owner" varchar(200) null, add column "review_date" date null, add column "residual_likelihood" int null, add column "residual_impact" int null, add column "residual_score" int null, add column "residual_level" varchar(40) null;

insert into "risk_assessment" ("id", "risk_id", "assessed_at", "likelihood", "impact", "score", "level")
select gen_random_uuid(), "id", "updated_at", "likelihood", "impact", "score", "level" from "risk";
`,
    });
  }
}
