import { DateTimeISOResolver } from 'graphql-scalars';
import { defaultFieldResolver, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { authorize } from './auth/permissions.js';
import type { Context } from './context.js';
import { AiActResolver } from './resolvers/ai-act.resolver.js';
import { AiObjectiveResolver, KpiMeasurementResolver } from './resolvers/ai-objective.resolver.js';
import { AiSystemResolver } from './resolvers/ai-system.resolver.js';
import { AuditResolver, CorrectiveActionResolver, FindingResolver } from './resolvers/audit.resolver.js';
import { AuditLogResolver } from './resolvers/audit-log.resolver.js';
import { AuthResolver } from './resolvers/auth.resolver.js';
import { CertificationResolver } from './resolvers/certification.resolver.js';
import { ContextResolver } from './resolvers/context.resolver.js';
import { EvidenceResolver } from './resolvers/evidence.resolver.js';
import { FairnessResolver } from './resolvers/fairness.resolver.js';
import { FairnessThresholdResolver } from './resolvers/fairness-threshold.resolver.js';
import { ImpactAssessmentResolver, ImpactItemResolver } from './resolvers/impact-assessment.resolver.js';
import { IncidentResolver } from './resolvers/incident.resolver.js';
import { ManagementReviewResolver, ReviewActionResolver } from './resolvers/management-review.resolver.js';
import { MemberResolver } from './resolvers/member.resolver.js';
import { PolicyResolver } from './resolvers/policy.resolver.js';
import { ReviewPackResolver } from './resolvers/review-pack.resolver.js';
import { RiskAssessmentResolver, RiskResolver } from './resolvers/risk.resolver.js';
import { RiskTrendResolver } from './resolvers/risk-trend.resolver.js';
import { SoaResolver } from './resolvers/soa.resolver.js';
import { CrosswalkResolver } from './resolvers/crosswalk.resolver.js';
import { SupplierResolver } from './resolvers/supplier.resolver.js';
import { TrainingRecordResolver } from './resolvers/training-record.resolver.js';
import { refuseUnstorableText } from './services/storable-text.js';

/** Builds the executable GraphQL schema from the resolvers (no I/O). */
export async function createSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: [AuthResolver, AiSystemResolver, RiskResolver, RiskAssessmentResolver, SoaResolver, EvidenceResolver, IncidentResolver, AuditResolver, FindingResolver, CorrectiveActionResolver, ContextResolver, ManagementReviewResolver, ReviewActionResolver, PolicyResolver, FairnessResolver, CertificationResolver, FairnessThresholdResolver, RiskTrendResolver, ReviewPackResolver, ImpactAssessmentResolver, ImpactItemResolver, AuditLogResolver, AiObjectiveResolver, KpiMeasurementResolver, TrainingRecordResolver, SupplierResolver, CrosswalkResolver, AiActResolver, MemberResolver],
    scalarsMap: [{ type: Date, scalar: DateTimeISOResolver }],
    validate: false,
  });
  guardRootFields(schema);
  return schema;
}

/**
 * Every root field checks the request's deadline (src/http/request-deadline.ts: none starts after
 * it, and a mutation that starts is exempt from it), is checked against the permission table
 * (src/auth/permissions.ts), then refuses text that neither database can store
 * (src/services/storable-text.ts), before its resolver runs. The checks wrap the root fields alone: as type-graphql global middlewares they
 * would also wrap every nested field in promises, which cost more than the statistics on a
 * 104-week fairness trend.
 */
function guardRootFields(schema: GraphQLSchema): void {
  for (const type of [schema.getQueryType(), schema.getMutationType()]) {
    for (const field of Object.values(type?.getFields() ?? {})) {
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context: Context, info) => {
        context.deadline?.enterRootField(info.operation.operation);
        authorize(info, context);
        refuseUnstorableText(args);
        return resolve(source, args, context, info);
      };
    }
  }
}
