import type { ResultOf } from '@graphql-typed-document-node/core';
import { graphql } from '../../gql/index.js';
import type { AiRole, EuAiActTier, LifeCycleStage } from '../../gql/graphql.js';

export type { AiRole, EuAiActTier, LifeCycleStage };

/** Tiers from the most to the least regulated, the order the inventory sorts by. */
export const TIER_ORDER: readonly EuAiActTier[] = ['PROHIBITED', 'HIGH_RISK', 'GPAI_SYSTEMIC', 'GPAI', 'LIMITED', 'MINIMAL', 'UNCLASSIFIED'];

/** "Limited" and "minimal" are informal labels: the Act itself names only the obligations. */
export const TIER_LABELS: Record<EuAiActTier, string> = {
  PROHIBITED: 'Prohibited (Art. 5)',
  HIGH_RISK: 'High risk',
  GPAI_SYSTEMIC: 'General-purpose AI, systemic risk',
  GPAI: 'General-purpose AI',
  LIMITED: 'Limited risk (transparency)',
  MINIMAL: 'Minimal risk',
  UNCLASSIFIED: 'Not classified yet',
};

export const LIFE_CYCLE_LABELS: Record<LifeCycleStage, string> = {
  INCEPTION: 'Inception',
  DESIGN_DEVELOPMENT: 'Design and development',
  VERIFICATION_VALIDATION: 'Verification and validation',
  DEPLOYMENT: 'Deployment',
  OPERATION_MONITORING: 'Operation and monitoring',
  RE_EVALUATION: 'Re-evaluation',
  RETIREMENT: 'Retirement',
};

/** The organisation's role for a system, in the words of ISO/IEC 22989. */
export const ROLE_LABELS: Record<AiRole, string> = {
  PROVIDER: 'Provider',
  PRODUCER: 'Producer',
  CUSTOMER: 'Customer (user)',
  PARTNER: 'Partner',
  SUBJECT: 'Subject',
  RELEVANT_AUTHORITY: 'Relevant authority',
};

export const AiSystemInventoryQuery = graphql(`
  query AiSystemInventory {
    aiSystems(first: 500) {
      totalCount
      nodes {
        id
        name
        euAiActTier
        lifeCycleStage
        owner
        risks {
          id
          level
          score
        }
      }
    }
  }
`);

export type InventoryRow = ResultOf<typeof AiSystemInventoryQuery>['aiSystems']['nodes'][number];
export type InventoryRisk = InventoryRow['risks'][number];

/** The level of a system's highest-scoring risk, or null when it has none. */
export function highestRisk(risks: readonly InventoryRisk[]): InventoryRisk | null {
  let highest: InventoryRisk | null = null;
  for (const risk of risks) if (highest === null || risk.score > highest.score) highest = risk;
  return highest;
}

export const AiSystemDetailQuery = graphql(`
  query AiSystemDetail($id: ID!) {
    aiSystem(id: $id) {
      id
      name
      purpose
      intendedUse
      euAiActTier
      tierRationale
      lifeCycleStage
      organisationRole
      owner
      supplier
      aiActClassification {
        classifiedBy
        classifiedAt
        overriddenByHand
        obligations {
          article
          title
          addressee
          appliesFrom
          reportedAppliesFrom
        }
      }
      risks {
        id
        title
        level
        score
        residualLevel
        residualScore
        status
        owner
        withinAppetite
      }
      impactAssessments {
        id
        title
        status
        assessedOn
        nextReviewOn
        reviewOverdue
        approvedOn
        friaRequired
        friaNotifiedOn
        items {
          id
          kind
        }
      }
    }
  }
`);

export type AiSystemDetail = NonNullable<ResultOf<typeof AiSystemDetailQuery>['aiSystem']>;
export type SystemRisk = AiSystemDetail['risks'][number];
export type SystemImpactAssessment = AiSystemDetail['impactAssessments'][number];
