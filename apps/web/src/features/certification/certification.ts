import { gql } from 'urql';

export type CertificationStageName = 'GAP_ANALYSIS' | 'IMPLEMENTATION' | 'INTERNAL_AUDIT' | 'MANAGEMENT_REVIEW' | 'STAGE_1' | 'STAGE_2' | 'CERTIFICATION_DECISION';

export type CertificationStageStatus = 'DONE' | 'IN_PROGRESS' | 'NOT_STARTED';

export const STAGE_LABELS: Record<CertificationStageName, string> = {
  GAP_ANALYSIS: 'Gap analysis',
  IMPLEMENTATION: 'Implementation',
  INTERNAL_AUDIT: 'Internal audit',
  MANAGEMENT_REVIEW: 'Management review',
  STAGE_1: 'Stage 1 audit',
  STAGE_2: 'Stage 2 audit',
  CERTIFICATION_DECISION: 'Certification decision',
};

/** The label of a stage named as the API's enum (STAGE_2) or as the engine names it (stage-2). */
export function stageLabel(name: string): string {
  const key = name.toUpperCase().replaceAll('-', '_');
  return key in STAGE_LABELS ? STAGE_LABELS[key as CertificationStageName] : name;
}

export const STATUS_LABELS: Record<CertificationStageStatus, string> = {
  DONE: 'Done',
  IN_PROGRESS: 'In progress',
  NOT_STARTED: 'Not started',
};

export interface DatePercentiles {
  p50: string;
  p80: string;
  p95: string;
}

export interface StageProjection {
  stage: CertificationStageName;
  status: CertificationStageStatus;
  plannedEnd: string | null;
  projected: DatePercentiles;
}

export interface CertificationOutlookData {
  certificationProjection: {
    asOf: string;
    basis: string;
    note: string;
    criticalStage: CertificationStageName | null;
    certificationDate: DatePercentiles;
    stages: StageProjection[];
  };
  certificationPlan: {
    stages: { stage: CertificationStageName; actualEnd: string | null }[];
  };
}

/**
 * The projected certification date and each stage's projected end, with the actual ends from the
 * plan. The headline tiles and the timeline share this one document, so urql asks the API (and
 * runs its simulation) once.
 */
export const CertificationOutlookQuery = gql`
  query CertificationOutlook {
    certificationProjection {
      asOf
      basis
      note
      criticalStage
      certificationDate {
        p50
        p80
        p95
      }
      stages {
        stage
        status
        plannedEnd
        projected {
          p50
          p80
          p95
        }
      }
    }
    certificationPlan {
      stages {
        stage
        actualEnd
      }
    }
  }
`;

export interface ReadinessData {
  readiness: { asOf: string; overall: number | null; clauseShare: number | null; controlShare: number | null };
}

export const ReadinessQuery = gql`
  query Readiness {
    readiness {
      asOf
      overall
      clauseShare
      controlShare
    }
  }
`;
