import { randomUUID } from 'node:crypto';
import type { ImpactAssessmentStatus } from '@assay/schema';
import { Collection, Entity, Index, ManyToOne, OneToMany, OptionalProps, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ImpactAssessmentStatusEnum } from '../graphql-enums.js';
import { AiSystem } from './ai-system.entity.js';
import { ImpactItem } from './impact-item.entity.js';
import { Organisation } from './organisation.entity.js';

/**
 * An AI system impact assessment (ISO/IEC 42001 clauses 6.1.4 and 8.4, Annex A.5; ISO/IEC
 * 42005): what the system is for and how it may be misused, its harms and benefits to
 * individuals, groups and society, and, where Art. 27 of the EU AI Act asks for one, the
 * fundamental-rights impact assessment (FRIA) in the same record.
 */
@Entity({ tableName: 'impact_assessment' })
@Index({ properties: ['organisation', 'aiSystem'] })
@ObjectType({ description: 'An AI system impact assessment (ISO/IEC 42001 6.1.4, 8.4, A.5; ISO/IEC 42005), with the EU AI Act Art. 27 FRIA where one is required.' })
export class ImpactAssessment {
  [OptionalProps]?:
    | 'status'
    | 'nextReviewOn'
    | 'scope'
    | 'intendedUse'
    | 'foreseeableMisuse'
    | 'dataConsiderations'
    | 'modelConsiderations'
    | 'humanOversight'
    | 'friaRequired'
    | 'friaDeployerProcesses'
    | 'friaPeriodAndFrequency'
    | 'friaAffectedCategories'
    | 'friaRisksOfHarm'
    | 'friaMeasuresAndComplaints'
    | 'friaNotifiedOn'
    | 'riskIds'
    | 'approvedBy'
    | 'approvedOn'
    | 'version'
    | 'createdAt'
    | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @ManyToOne(() => Organisation, { deleteRule: 'cascade' })
  organisation!: Organisation;

  // Rel<> keeps the circular import with AiSystem out of the emitted decorator metadata.
  /** Exposed in GraphQL through ImpactAssessmentResolver.aiSystem, which batches the loads. */
  @ManyToOne(() => AiSystem, { deleteRule: 'cascade' })
  aiSystem!: Rel<AiSystem>;

  @Property({ type: 'string', length: 200 })
  @Field(() => String)
  title!: string;

  @Property({ type: 'string', length: 20 })
  @Field(() => ImpactAssessmentStatusEnum)
  status: ImpactAssessmentStatus = 'draft';

  @Property({ type: 'date' })
  @Field(() => String, { description: 'YYYY-MM-DD: when the assessment was carried out.' })
  assessedOn!: string;

  @Property({ type: 'date', nullable: true })
  @Field(() => String, { nullable: true, description: 'When the assessment is next due for review (ISO/IEC 42005 5.12); required to approve it.' })
  nextReviewOn: string | null = null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'What the assessment covers (ISO/IEC 42005 5.5, 6.2).' })
  scope: string | null = null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The intended use of the system as assessed (ISO/IEC 42005 6.3).' })
  intendedUse: string | null = null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Unintended uses and reasonably foreseeable misuse (ISO/IEC 42005 6.3).' })
  foreseeableMisuse: string | null = null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The data the system is built and run on, and its quality (ISO/IEC 42005 6.4).' })
  dataConsiderations: string | null = null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The model and how it is deployed (ISO/IEC 42005 6.5–6.6).' })
  modelConsiderations: string | null = null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Human oversight measures; also point (e) of an Art. 27 FRIA.' })
  humanOversight: string | null = null;

  @Property({ type: 'boolean' })
  @Field(() => Boolean, {
    description: 'Whether Art. 27 of the EU AI Act requires a FRIA: public bodies and providers of public services deploying a high-risk system, and deployers of Annex III 5(b) credit scoring or 5(c) life and health insurance pricing. Approval then needs points (a)–(f).',
  })
  friaRequired: boolean = false;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: "Art. 27(1)(a): the deployer's processes in which the system is used." })
  friaDeployerProcesses: string | null = null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Art. 27(1)(b): the period and frequency of use.' })
  friaPeriodAndFrequency: string | null = null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Art. 27(1)(c): the categories of natural persons and groups likely to be affected.' })
  friaAffectedCategories: string | null = null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Art. 27(1)(d): the specific risks of harm to those categories.' })
  friaRisksOfHarm: string | null = null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Art. 27(1)(f): what is done if the risks materialise, including internal governance and complaint mechanisms.' })
  friaMeasuresAndComplaints: string | null = null;

  @Property({ type: 'date', nullable: true })
  @Field(() => String, { nullable: true, description: 'When the results were notified to the market surveillance authority (Art. 27(3)); null while not notified.' })
  friaNotifiedOn: string | null = null;

  /** Ids of the organisation's risks this assessment informs; exposed as `risks` by ImpactAssessmentResolver. */
  @Property({ type: 'json' })
  @Field(() => [ID], { description: 'Ids of the risks in the risk register that this assessment informs.' })
  riskIds: string[] = [];

  @OneToMany(() => ImpactItem, (item) => item.assessment, { orderBy: { kind: 'desc', severity: 'desc', likelihood: 'desc', description: 'asc' } })
  items = new Collection<ImpactItem>(this);

  @Property({ type: 'string', length: 200, nullable: true })
  @Field(() => String, { nullable: true, description: 'The administrator who approved it; cleared when it is reopened.' })
  approvedBy: string | null = null;

  @Property({ type: 'date', nullable: true })
  @Field(() => String, { nullable: true })
  approvedOn: string | null = null;

  @Property({ type: 'integer', version: true })
  @Field(() => Int)
  version!: number;

  @Property({ type: Date })
  createdAt: Date = new Date();

  @Property({ type: Date, onUpdate: () => new Date() })
  @Field(() => Date)
  updatedAt: Date = new Date();
}
