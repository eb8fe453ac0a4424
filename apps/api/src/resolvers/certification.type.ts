import type { CertificationStage as StageName } from '@assay/risk-engine';
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

const stageNames: readonly StageName[] = ['gap-analysis', 'implementation', 'internal-audit', 'management-review', 'stage-1', 'stage-2', 'certification-decision'];
export const certificationStageNames = stageNames;

export const CertificationStageEnum = Object.fromEntries(stageNames.map((name) => [name.toUpperCase().replace(/-/g, '_'), name])) as Record<string, StageName>;
registerEnumType(CertificationStageEnum, { name: 'CertificationStageName', description: 'The steps to ISO/IEC 42001 certification, in order (ISO/IEC 17021-1).' });

export const StageStatusEnum = { DONE: 'done', IN_PROGRESS: 'in-progress', NOT_STARTED: 'not-started' } as const;
registerEnumType(StageStatusEnum, { name: 'CertificationStageStatus' });

export const OrganisationSizeEnum = { SMALL: 'small', MEDIUM: 'medium', LARGE: 'large' } as const;
registerEnumType(OrganisationSizeEnum, { name: 'OrganisationSize', description: 'Picks the typical implementation time when there is no completion history.' });
export const ComplexityEnum = { LOW: 'low', MEDIUM: 'medium', HIGH: 'high' } as const;
registerEnumType(ComplexityEnum, { name: 'AimsComplexity' });

@ObjectType({ description: 'A stage of the certification plan with its dates.' })
export class CertificationStageView {
  @Field(() => CertificationStageEnum)
  stage!: StageName;

  @Field(() => String, { nullable: true })
  plannedStart!: string | null;

  @Field(() => String, { nullable: true })
  plannedEnd!: string | null;

  @Field(() => String, { nullable: true })
  actualStart!: string | null;

  @Field(() => String, { nullable: true })
  actualEnd!: string | null;

  @Field(() => String, { nullable: true })
  notes!: string | null;

  @Field(() => StageStatusEnum, { description: 'Done with an actual end, in progress with an actual start.' })
  status!: 'done' | 'in-progress' | 'not-started';

  @Field(() => Int, { description: '0 until a date is recorded.' })
  version!: number;
}

@InputType()
export class CertificationStageInput {
  @Field(() => String, { nullable: true })
  plannedStart?: string | null;

  @Field(() => String, { nullable: true })
  plannedEnd?: string | null;

  @Field(() => String, { nullable: true })
  actualStart?: string | null;

  @Field(() => String, { nullable: true })
  actualEnd?: string | null;

  @Field(() => String, { nullable: true })
  notes?: string | null;

  @Field(() => Int, { description: 'The version you read (0 for a stage never recorded).' })
  expectedVersion!: number;
}

@ObjectType({ description: 'A certification body and its accreditation.' })
export class CertificationBodyView {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true, description: 'Acronym of the accreditation body, e.g. UKAS.' })
  accreditationBody!: string | null;

  @Field(() => String, { nullable: true })
  accreditationNumber!: string | null;

  @Field(() => Boolean, { description: "The accreditation's scope covers ISO/IEC 42001." })
  scopeCovers42001!: boolean;

  @Field(() => String, { nullable: true, description: 'When the accreditation was last checked.' })
  verifiedOn!: string | null;

  @Field(() => Boolean, { nullable: true, description: 'The accreditation body signs the IAF MLA (now GACI); null when not in the catalogue.' })
  accreditationBodyIsMlaSignatory!: boolean | null;

  @Field(() => Boolean, { description: 'Accredited, by a known body, for ISO/IEC 42001.' })
  accreditedFor42001!: boolean;

  @Field(() => Boolean)
  chosen!: boolean;

  @Field(() => String, { nullable: true })
  notes!: string | null;

  @Field(() => Int)
  version!: number;
}

@InputType()
export class CertificationBodyInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  accreditationBody?: string | null;

  @Field(() => String, { nullable: true })
  accreditationNumber?: string | null;

  @Field(() => Boolean, { nullable: true })
  scopeCovers42001?: boolean | null;

  @Field(() => String, { nullable: true })
  verifiedOn?: string | null;

  @Field(() => String, { nullable: true })
  notes?: string | null;

  @Field(() => Int, { nullable: true, description: 'Required to change an existing body.' })
  expectedVersion?: number | null;
}

@ObjectType({ description: 'The way to certification: the stages and the certification bodies.' })
export class CertificationPlanView {
  @Field(() => [CertificationStageView], { description: 'All seven stages, in order.' })
  stages!: CertificationStageView[];

  @Field(() => [CertificationBodyView])
  bodies!: CertificationBodyView[];

  @Field(() => CertificationBodyView, { nullable: true })
  chosenBody!: CertificationBodyView | null;
}

@ObjectType({ description: 'A clause requirement and how it is met.' })
export class ClauseRequirementView {
  @Field(() => String)
  id!: string;

  @Field(() => String)
  title!: string;

  @Field(() => Boolean)
  done!: boolean;

  @Field(() => String, { nullable: true, description: 'evidence (linked and in force) or records (the register Assay holds); null when not met.' })
  basis!: string | null;
}

@ObjectType({ description: 'Readiness of one clause, 4 to 10.' })
export class ClauseReadinessView {
  @Field(() => String)
  clause!: string;

  @Field(() => String)
  title!: string;

  @Field(() => Int)
  done!: number;

  @Field(() => Int)
  total!: number;

  @Field(() => Float, { nullable: true })
  share!: number | null;

  @Field(() => [ClauseRequirementView])
  requirements!: ClauseRequirementView[];
}

@ObjectType({ description: 'Readiness of one Annex A objective over its applicable controls.' })
export class ObjectiveReadinessView {
  @Field(() => String)
  objective!: string;

  @Field(() => String)
  title!: string;

  @Field(() => Int)
  done!: number;

  @Field(() => Int)
  total!: number;

  @Field(() => Float, { nullable: true })
  share!: number | null;

  @Field(() => Int, { description: 'Controls excluded as not applicable.' })
  excluded!: number;
}

@ObjectType({ description: 'How ready the AIMS is for certification: clauses 4–10 and Annex A.' })
export class ReadinessView {
  @Field(() => String)
  asOf!: string;

  @Field(() => [ClauseReadinessView])
  clauses!: ClauseReadinessView[];

  @Field(() => [ObjectiveReadinessView])
  objectives!: ObjectiveReadinessView[];

  @Field(() => Float, { nullable: true, description: 'Share of clause requirements met.' })
  clauseShare!: number | null;

  @Field(() => Float, { nullable: true, description: 'Share of applicable controls implemented or verified.' })
  controlShare!: number | null;

  @Field(() => Float, { nullable: true, description: 'The mean of the two.' })
  overall!: number | null;
}

@ObjectType({ description: 'Projected dates as percentiles of the simulations.' })
export class DatePercentilesView {
  @Field(() => String)
  p50!: string;

  @Field(() => String)
  p80!: string;

  @Field(() => String)
  p95!: string;
}

@ObjectType({ description: 'A stage with its projected end.' })
export class StageProjectionView {
  @Field(() => CertificationStageEnum)
  stage!: StageName;

  @Field(() => StageStatusEnum)
  status!: 'done' | 'in-progress' | 'not-started';

  @Field(() => String, { nullable: true })
  plannedEnd!: string | null;

  @Field(() => DatePercentilesView)
  projected!: DatePercentilesView;
}

@ObjectType({ description: 'The three-year cycle from the projected (P50) certification decision.' })
export class CertificationCycleView {
  @Field(() => String)
  decision!: string;

  @Field(() => String)
  firstSurveillanceBy!: string;

  @Field(() => String)
  secondSurveillanceBy!: string;

  @Field(() => String)
  recertificationBy!: string;

  @Field(() => String)
  expiry!: string;
}

@ObjectType({ description: 'When certification is likely, from the organisation’s own pace (Monte Carlo).' })
export class CertificationProjectionView {
  @Field(() => String)
  asOf!: string;

  @Field(() => [StageProjectionView])
  stages!: StageProjectionView[];

  @Field(() => DatePercentilesView)
  certificationDate!: DatePercentilesView;

  @Field(() => CertificationStageEnum, { nullable: true, description: 'The unfinished stage that adds most to the spread of the date.' })
  criticalStage!: StageName | null;

  @Field(() => CertificationCycleView)
  cycle!: CertificationCycleView;

  @Field(() => String, { description: 'history (resampled weekly completions) or prior (typical durations).' })
  basis!: string;

  @Field(() => String)
  note!: string;

  @Field(() => Int)
  remainingControls!: number;

  @Field(() => Int)
  simulations!: number;
}
