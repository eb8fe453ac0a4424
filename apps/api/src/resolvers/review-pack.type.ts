import { Field, Float, Int, ObjectType } from 'type-graphql';
import { AiSystem } from '../entities/ai-system.entity.js';
import { Audit } from '../entities/audit.entity.js';
import { ContextIssue } from '../entities/context-issue.entity.js';
import { Finding } from '../entities/finding.entity.js';
import { InterestedParty } from '../entities/interested-party.entity.js';
import { ManagementReview } from '../entities/management-review.entity.js';
import { ReviewAction } from '../entities/review-action.entity.js';
import { Risk } from '../entities/risk.entity.js';
import { FairnessMetricEnum, type FairnessMetricName, ThresholdDirectionEnum } from './fairness.type.js';
import { ExposureView } from './risk-trend.resolver.js';

@ObjectType({ description: 'Input (a): the actions decided in earlier management reviews and where they stand.' })
export class PreviousActionsView {
  @Field(() => Int)
  total!: number;

  @Field(() => Int)
  completed!: number;

  @Field(() => Int)
  open!: number;

  @Field(() => Int, { description: 'Open and past their due date.' })
  overdue!: number;

  @Field(() => [ReviewAction], { description: 'Open actions first, by due date.' })
  actions!: ReviewAction[];
}

@ObjectType({ description: 'Inputs (b) and (c): issues and interested parties recorded or retired since the last review.' })
export class ContextChangesView {
  @Field(() => [ContextIssue])
  issuesAdded!: ContextIssue[];

  @Field(() => [ContextIssue])
  issuesRetired!: ContextIssue[];

  @Field(() => [InterestedParty])
  partiesAdded!: InterestedParty[];

  @Field(() => [InterestedParty])
  partiesRetired!: InterestedParty[];
}

@ObjectType({ description: 'One period of a p-chart.' })
export class ControlChartPointView {
  @Field(() => String)
  label!: string;

  @Field(() => Int)
  defects!: number;

  @Field(() => Int)
  inspected!: number;

  @Field(() => Float, { nullable: true })
  proportion!: number | null;

  @Field(() => Float, { nullable: true })
  lowerLimit!: number | null;

  @Field(() => Float, { nullable: true })
  upperLimit!: number | null;

  @Field(() => Boolean)
  outOfControl!: boolean;
}

@ObjectType({ description: 'A p-chart: proportion per period against its 3-sigma limits.' })
export class ControlChartView {
  @Field(() => String, { description: 'What is counted.' })
  measure!: string;

  @Field(() => Float, { nullable: true })
  centreLine!: number | null;

  @Field(() => [ControlChartPointView])
  points!: ControlChartPointView[];

  @Field(() => [String], { description: 'Periods in a run of 8 or more on one side of the centre line.' })
  runs!: string[];
}

@ObjectType({ description: 'Input (d): nonconformities and corrective actions since the last review.' })
export class NonconformityTrendView {
  @Field(() => Int, { description: 'Nonconformities raised since the last review.' })
  raised!: number;

  @Field(() => Int)
  raisedByAudit!: number;

  @Field(() => Int)
  raisedByMonitoring!: number;

  @Field(() => Int, { description: 'Nonconformities open now, whenever raised.' })
  open!: number;

  @Field(() => Int, { description: 'Corrective actions due since the last review.' })
  actionsDue!: number;

  @Field(() => Int, { description: 'Of those, completed by their due date.' })
  actionsOnTime!: number;

  @Field(() => Int, { description: 'Open corrective actions past their due date.' })
  actionsOverdue!: number;

  @Field(() => Int, { description: 'Completed actions whose effectiveness check found them effective.' })
  actionsEffective!: number;

  @Field(() => Int, { description: 'Completed actions found not effective.' })
  actionsIneffective!: number;

  @Field(() => Int, { description: 'Completed actions whose effectiveness has not been checked yet.' })
  actionsUnchecked!: number;

  @Field(() => ControlChartView, { description: 'Share of corrective actions due each month that were late.' })
  lateActions!: ControlChartView;
}

@ObjectType({ description: 'Input (d): a monitored fairness metric against its threshold.' })
export class MonitoringResultView {
  @Field(() => AiSystem)
  aiSystem!: AiSystem;

  @Field(() => String)
  attribute!: string;

  @Field(() => FairnessMetricEnum)
  metric!: FairnessMetricName;

  @Field(() => Float)
  threshold!: number;

  @Field(() => ThresholdDirectionEnum)
  direction!: 'above' | 'below';

  @Field(() => Float, { nullable: true, description: 'The latest window’s value.' })
  latest!: number | null;

  @Field(() => String, { nullable: true, description: 'End of the latest window.' })
  latestEnd!: string | null;

  @Field(() => Boolean)
  breached!: boolean;

  @Field(() => String, { description: 'Mann–Kendall: increasing, decreasing or no trend.' })
  trend!: string;

  @Field(() => Float, { nullable: true })
  slopePerDay!: number | null;

  @Field(() => String, { nullable: true, description: 'When the trend line crosses the threshold, if heading there.' })
  projectedBreach!: string | null;

  @Field(() => String, { nullable: true, description: 'Start of the latest shift CUSUM found.' })
  latestShift!: string | null;

  @Field(() => Finding, { nullable: true, description: 'The open monitoring finding for this threshold, if any.' })
  openFinding!: Finding | null;
}

@ObjectType({ description: 'Input (d): an AI objective’s KPI against its target, with its trend.' })
export class KpiResultView {
  @Field(() => String)
  objective!: string;

  @Field(() => String)
  kpi!: string;

  @Field(() => String, { nullable: true })
  unit!: string | null;

  @Field(() => Float)
  target!: number;

  @Field(() => String, { description: 'higher-is-better or lower-is-better.' })
  direction!: string;

  @Field(() => Float, { nullable: true, description: 'The latest measurement on or before asOf.' })
  latest!: number | null;

  @Field(() => String, { nullable: true })
  latestOn!: string | null;

  @Field(() => Boolean, { nullable: true })
  onTarget!: boolean | null;

  @Field(() => String, { description: 'Mann–Kendall over the measurements up to asOf: increasing, decreasing or no trend.' })
  trend!: string;
}

@ObjectType({ description: 'Input (d): internal audits completed since the last review and what they found.' })
export class AuditResultsView {
  @Field(() => [Audit])
  completed!: Audit[];

  @Field(() => Int)
  majorNonconformities!: number;

  @Field(() => Int)
  minorNonconformities!: number;

  @Field(() => Int)
  observations!: number;

  @Field(() => Int)
  opportunities!: number;
}

@ObjectType({ description: 'How the risk register moved since the last review.' })
export class RiskMovementView {
  @Field(() => ExposureView)
  inherentThen!: ExposureView;

  @Field(() => ExposureView)
  inherentNow!: ExposureView;

  @Field(() => ExposureView)
  residualThen!: ExposureView;

  @Field(() => ExposureView)
  residualNow!: ExposureView;

  @Field(() => [Risk], { description: 'Risks awaiting re-assessment (monitoring asked for it).' })
  awaitingReassessment!: Risk[];
}

@ObjectType({ description: 'The projected certification date.' })
export class OutlookProjectionView {
  @Field(() => String)
  p50!: string;

  @Field(() => String)
  p80!: string;

  @Field(() => String)
  p95!: string;

  @Field(() => String, { nullable: true })
  criticalStage!: string | null;

  @Field(() => String)
  note!: string;
}

@ObjectType({ description: 'Where certification stands.' })
export class CertificationOutlookView {
  @Field(() => Float, { nullable: true })
  readiness!: number | null;

  @Field(() => Float, { nullable: true })
  controlShare!: number | null;

  @Field(() => Float, { nullable: true })
  clauseShare!: number | null;

  @Field(() => OutlookProjectionView, { nullable: true, description: 'Null for a date before the actual dates recorded in the certification plan.' })
  projection!: OutlookProjectionView | null;
}

@ObjectType({ description: 'The inputs of clause 9.3.2, computed from the AIMS records as of a date.' })
export class ManagementReviewPackView {
  @Field(() => String)
  organisation!: string;

  @Field(() => String)
  asOf!: string;

  @Field(() => String, { description: 'The last review’s date, or a year before asOf when there was none.' })
  since!: string;

  @Field(() => ManagementReview, { nullable: true })
  lastReview!: ManagementReview | null;

  @Field(() => PreviousActionsView)
  previousActions!: PreviousActionsView;

  @Field(() => ContextChangesView)
  contextChanges!: ContextChangesView;

  @Field(() => NonconformityTrendView)
  nonconformities!: NonconformityTrendView;

  @Field(() => [MonitoringResultView])
  monitoring!: MonitoringResultView[];

  @Field(() => [KpiResultView], { description: 'Input (d): the KPIs of the AI objectives (clause 6.2, measured under 9.1).' })
  kpis!: KpiResultView[];

  @Field(() => AuditResultsView)
  audits!: AuditResultsView;

  @Field(() => [Finding], { description: 'Input (e): open opportunities for improvement.' })
  opportunities!: Finding[];

  @Field(() => RiskMovementView)
  risks!: RiskMovementView;

  @Field(() => CertificationOutlookView)
  certification!: CertificationOutlookView;
}
