import type { AffectedLevel, ImpactAssessmentStatus, ImpactKind } from '@assay/schema';
import { Field, ID, InputType, Int } from 'type-graphql';
import { AffectedLevelEnum, ImpactAssessmentStatusEnum, ImpactKindEnum } from '../graphql-enums.js';

/** Fields that creating and changing an impact assessment share; all optional. */
@InputType()
abstract class ImpactAssessmentDetailsInput {
  @Field(() => ImpactAssessmentStatusEnum, { nullable: true, description: 'DRAFT or IN_REVIEW; APPROVED is set by approveImpactAssessment. Reopening an approved assessment withdraws its approval.' })
  status?: ImpactAssessmentStatus | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, after assessedOn.' })
  nextReviewOn?: string | null;

  @Field(() => String, { nullable: true })
  scope?: string | null;

  @Field(() => String, { nullable: true })
  intendedUse?: string | null;

  @Field(() => String, { nullable: true })
  foreseeableMisuse?: string | null;

  @Field(() => String, { nullable: true })
  dataConsiderations?: string | null;

  @Field(() => String, { nullable: true })
  modelConsiderations?: string | null;

  @Field(() => String, { nullable: true })
  humanOversight?: string | null;

  @Field(() => Boolean, { nullable: true })
  friaRequired?: boolean | null;

  @Field(() => String, { nullable: true })
  friaDeployerProcesses?: string | null;

  @Field(() => String, { nullable: true })
  friaPeriodAndFrequency?: string | null;

  @Field(() => String, { nullable: true })
  friaAffectedCategories?: string | null;

  @Field(() => String, { nullable: true })
  friaRisksOfHarm?: string | null;

  @Field(() => String, { nullable: true })
  friaMeasuresAndComplaints?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, not before assessedOn; null while the authority is not notified.' })
  friaNotifiedOn?: string | null;

  @Field(() => [ID], { nullable: true, description: "Risks of the organisation's register that the assessment informs; replaces the list." })
  riskIds?: string[] | null;
}

@InputType({ description: 'A new impact assessment of one AI system.' })
export class CreateImpactAssessmentInput extends ImpactAssessmentDetailsInput {
  @Field(() => ID)
  aiSystemId!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String, { description: 'YYYY-MM-DD.' })
  assessedOn!: string;
}

@InputType({ description: 'Changes to an impact assessment. Fields left out keep their value; null clears an optional one.' })
export class UpdateImpactAssessmentInput extends ImpactAssessmentDetailsInput {
  @Field(() => Int, { description: 'The version the change is based on; a stale one is refused as a conflict.' })
  expectedVersion!: number;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  assessedOn?: string | null;
}

@InputType({ description: 'A harm or benefit; to add one, kind, affected, description, severity and likelihood are required. On update, fields left out keep their value.' })
export class ImpactItemInput {
  @Field(() => Int, { nullable: true, description: 'Required on update: the version the change is based on.' })
  expectedVersion?: number | null;

  @Field(() => ImpactKindEnum, { nullable: true })
  kind?: ImpactKind | null;

  @Field(() => AffectedLevelEnum, { nullable: true })
  affected?: AffectedLevel | null;

  @Field(() => String, { nullable: true })
  affectedParties?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => Int, { nullable: true, description: '1 (negligible) to 5 (very severe, or a very large benefit).' })
  severity?: number | null;

  @Field(() => Int, { nullable: true, description: '1 (rare) to 5 (almost certain).' })
  likelihood?: number | null;

  @Field(() => String, { nullable: true })
  mitigation?: string | null;
}
