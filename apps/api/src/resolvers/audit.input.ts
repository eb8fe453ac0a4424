import type { AuditStatus, FindingKind, FindingStatus } from '@assay/schema';
import { Field, InputType, Int } from 'type-graphql';
import { AuditStatusEnum, FindingKindEnum, FindingStatusEnum } from '../graphql-enums.js';
import { TrackedActionInput } from './tracked-action.input.js';

@InputType({ description: 'An internal audit; on update, fields left out keep their value.' })
export class AuditInput {
  @Field(() => Int, { nullable: true, description: 'Required on update: the version the change is based on.' })
  expectedVersion?: number | null;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  scope?: string | null;

  @Field(() => String, { nullable: true })
  auditor?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  plannedOn?: string | null;

  @Field(() => String, { nullable: true })
  completedOn?: string | null;

  @Field(() => AuditStatusEnum, { nullable: true })
  status?: AuditStatus | null;
}

@InputType({ description: 'An audit finding; on update, fields left out keep their value.' })
export class FindingInput {
  @Field(() => Int, { nullable: true, description: 'Required on update: the version the change is based on.' })
  expectedVersion?: number | null;

  @Field(() => FindingKindEnum, { nullable: true })
  kind?: FindingKind | null;

  @Field(() => String, { nullable: true })
  clauseId?: string | null;

  @Field(() => String, { nullable: true })
  controlId?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true })
  rootCause?: string | null;

  @Field(() => String, { nullable: true })
  raisedOn?: string | null;

  @Field(() => FindingStatusEnum, { nullable: true })
  status?: FindingStatus | null;
}

@InputType({ description: 'A corrective action; on update, fields left out keep their value.' })
export class CorrectiveActionInput extends TrackedActionInput {
  @Field(() => String, { nullable: true })
  effectivenessCheck?: string | null;

  @Field(() => Boolean, { nullable: true })
  effective?: boolean | null;
}
