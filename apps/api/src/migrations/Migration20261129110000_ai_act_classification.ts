import { Migration } from '@mikro-orm/migrations';
import { addStatements } from './dialect.js';

/** The EU AI Act classification of an AI system: the questionnaire's answers, its tier and rationale, who classified it and when. */
export class Migration20261129110000_ai_act_classification extends Migration {
  override async up(): Promise<void> {
    addStatements(this, {
      sqlite: `
alter table \`ai_system\` add column \`ai_act_answers\` json null;
alter table \`ai_system\` add column \`ai_act_tier\` text null;
alter table \`ai_system\` add column \`ai_act_rationale\` text null;
alter table \`ai_system\` add column \`ai_act_classified_by\` text null;
alter table \`ai_system\` add column \`ai_act_classified_at\` datetime null;
`,
      postgresql: `
alter table "ai_system" add column "ai_act_answers" jsonb null, add column "ai_act_tier" varchar(30) null, add column "ai_act_rationale" text null, add column "ai_act_classified_by" varchar(200) null, add column "ai_act_classified_at" timestamptz null;
`,
    });
  }
}
