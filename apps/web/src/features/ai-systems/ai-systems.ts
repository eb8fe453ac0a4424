import { gql } from 'urql';

export type EuAiActTier = 'PROHIBITED' | 'HIGH_RISK' | 'LIMITED' | 'MINIMAL' | 'GPAI' | 'GPAI_SYSTEMIC' | 'UNCLASSIFIED';

export type LifeCycleStage = 'INCEPTION' | 'DESIGN_DEVELOPMENT' | 'VERIFICATION_VALIDATION' | 'DEPLOYMENT' | 'OPERATION_MONITORING' | 'RE_EVALUATION' | 'RETIREMENT';

export type AiRole = 'PROVIDER' | 'PRODUCER' | 'CUSTOMER' | 'PARTNER' | 'SUBJECT' | 'RELEVANT_AUTHORITY';

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

export interface InventoryRisk {
  id: string;
  level: string;
  score: number;
}

export interface InventoryRow {
  id: string;
  name: string;
  euAiActTier: EuAiActTier;
  lifeCycleStage: LifeCycleStage;
  owner: string | null;
  risks: InventoryRisk[];
}

export interface InventoryData {
  aiSystems: { totalCount: number; nodes: InventoryRow[] };
}

export const AiSystemInventoryQuery = gql`
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
`;

/** The level of a system's highest-scoring risk, or null when it has none. */
export function highestRisk(risks: readonly InventoryRisk[]): InventoryRisk | null {
  let highest: InventoryRisk | null = null;
  for (const risk of risks) if (highest === null || risk.score > highest.score) highest = risk;
  return highest;
}

export interface SystemRisk {
  id: string;
  title: string;
  level: string;
  score: number;
  residualLevel: string | null;
  residualScore: number | null;
  status: string;
  owner: string | null;
  withinAppetite: boolean;
}

export interface SystemImpactAssessment {
  id: string;
  title: string;
  status: 'DRAFT' | 'IN_REVIEW' | 'APPROVED';
  assessedOn: string;
  nextReviewOn: string | null;
  reviewOverdue: boolean;
  approvedOn: string | null;
  friaRequired: boolean;
  friaNotifiedOn: string | null;
  items: { id: string; kind: 'HARM' | 'BENEFIT' }[];
}

export interface AiActObligation {
  article: string;
  title: string;
  addressee: string;
  appliesFrom: string;
  reportedAppliesFrom: string | null;
}

export interface AiSystemDetail {
  id: string;
  name: string;
  purpose: string | null;
  intendedUse: string | null;
  euAiActTier: EuAiActTier;
  tierRationale: string | null;
  lifeCycleStage: LifeCycleStage;
  organisationRole: AiRole;
  owner: string | null;
  supplier: string | null;
  aiActClassification: {
    classifiedBy: string;
    classifiedAt: string;
    overriddenByHand: boolean;
    obligations: AiActObligation[];
  } | null;
  risks: SystemRisk[];
  impactAssessments: SystemImpactAssessment[];
}

export interface AiSystemDetailData {
  aiSystem: AiSystemDetail | null;
}

export const AiSystemDetailQuery = gql`
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
`;
