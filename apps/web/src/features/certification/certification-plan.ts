import { gql } from 'urql';
import type { CertificationStageName, CertificationStageStatus } from './certification.js';

export interface PlanStage {
  stage: CertificationStageName;
  status: CertificationStageStatus;
  plannedStart: string | null;
  plannedEnd: string | null;
  actualStart: string | null;
  actualEnd: string | null;
  notes: string | null;
}

export interface CertificationBody {
  id: string;
  name: string;
  accreditationBody: string | null;
  accreditationBodyIsMlaSignatory: boolean | null;
  accreditationNumber: string | null;
  accreditedFor42001: boolean;
  scopeCovers42001: boolean;
  verifiedOn: string | null;
  chosen: boolean;
  notes: string | null;
}

export interface CertificationPlanData {
  certificationPlan: { stages: PlanStage[]; chosenBody: CertificationBody | null; bodies: CertificationBody[] };
}

const BodyFields = gql`
  fragment BodyFields on CertificationBodyView {
    id
    name
    accreditationBody
    accreditationBodyIsMlaSignatory
    accreditationNumber
    accreditedFor42001
    scopeCovers42001
    verifiedOn
    chosen
    notes
  }
`;

/** The plan's seven stages with their planned and actual dates, and the certification bodies. */
export const CertificationPlanQuery = gql`
  query CertificationPlan {
    certificationPlan {
      stages {
        stage
        status
        plannedStart
        plannedEnd
        actualStart
        actualEnd
        notes
      }
      chosenBody {
        ...BodyFields
      }
      bodies {
        ...BodyFields
      }
    }
  }
  ${BodyFields}
`;

/** "Finished late" when the actual end is after the planned end; dates are ISO, so text order is date order. */
export function finishedLate(stage: PlanStage): boolean {
  return stage.actualEnd !== null && stage.plannedEnd !== null && stage.actualEnd > stage.plannedEnd;
}
