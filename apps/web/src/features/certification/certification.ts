import type { ResultOf } from '@graphql-typed-document-node/core';
import { graphql } from '../../gql/index.js';
import type { CertificationStageName, CertificationStageStatus } from '../../gql/graphql.js';

export type { CertificationStageName, CertificationStageStatus };

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

export const DatePercentilesFields = graphql(`
  fragment DatePercentilesFields on DatePercentilesView {
    p50
    p80
    p95
  }
`);

/**
 * The projected certification date and each stage's projected end, with the actual ends from the
 * plan. The headline tiles and the timeline share this one document, so urql asks the API (and
 * runs its simulation) once.
 */
export const CertificationOutlookQuery = graphql(`
  query CertificationOutlook {
    certificationProjection {
      asOf
      basis
      note
      criticalStage
      certificationDate {
        ...DatePercentilesFields
      }
      stages {
        stage
        status
        plannedEnd
        projected {
          ...DatePercentilesFields
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
`);

export type StageProjection = ResultOf<typeof CertificationOutlookQuery>['certificationProjection']['stages'][number];

export const ReadinessQuery = graphql(`
  query Readiness {
    readiness {
      asOf
      overall
      clauseShare
      controlShare
    }
  }
`);
