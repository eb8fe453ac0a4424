import type { ResultOf } from '@graphql-typed-document-node/core';
import { graphql } from '../../gql/index.js';
import type { ImplementationStatus } from './soa.js';

export const STATUS_LABELS: Record<ImplementationStatus, string> = {
  NOT_STARTED: 'Not started',
  PLANNED: 'Planned',
  IN_PROGRESS: 'In progress',
  IMPLEMENTED: 'Implemented',
  VERIFIED: 'Verified',
};

export const STATUS_ORDER: readonly ImplementationStatus[] = ['NOT_STARTED', 'PLANNED', 'IN_PROGRESS', 'IMPLEMENTED', 'VERIFIED'];

/** The frameworks the crosswalk reaches from an Annex A control, in the order the page shows them. */
export const FRAMEWORKS = [
  { key: 'iso27001', label: 'ISO/IEC 27001' },
  { key: 'iso9001', label: 'ISO 9001' },
  { key: 'eu-ai-act', label: 'EU AI Act' },
  { key: 'nist-ai-rmf', label: 'NIST AI RMF' },
] as const;

/**
 * Every Annex A control's entry with its crosswalk, the evidence to match to the controls, and
 * the clause-level links to ISO 9001 (which has no control a 42001 control could map to).
 */
export const StatementOfApplicabilityQuery = graphql(`
  query StatementOfApplicability {
    controls(first: 500) {
      totalCount
      nodes {
        controlId
        applicable
        justification
        implementationStatus
        owner
        dueDate
        implementedDate
        control {
          title
          objectiveId
          objectiveTitle
          crosswalk {
            framework
            ref
            basis
            source
          }
        }
      }
    }
    evidence(first: 500) {
      totalCount
      nodes {
        id
        title
        controlIds
        expired
        validUntil
      }
    }
    clauses9001: crosswalk(from: ISO42001, to: ISO9001) {
      from {
        ref
      }
      to {
        ref
      }
      basis
      note
    }
  }
`);

export type SoaData = ResultOf<typeof StatementOfApplicabilityQuery>;
export type SoaControl = SoaData['controls']['nodes'][number];
export type CrosswalkLink = SoaControl['control']['crosswalk'][number];
export type EvidenceRow = SoaData['evidence']['nodes'][number];
/** A clause-level link between two frameworks. */
export type ClauseLink = SoaData['clauses9001'][number];

/** The filter of the page: one implementation status, the excluded controls, or everything. */
export type SoaFilter = ImplementationStatus | 'EXCLUDED' | 'ALL';

export function matchesFilter(control: SoaControl, filter: SoaFilter): boolean {
  if (filter === 'ALL') return true;
  if (filter === 'EXCLUDED') return !control.applicable;
  return control.applicable && control.implementationStatus === filter;
}

export interface ObjectiveGroup {
  objectiveId: string;
  objectiveTitle: string;
  controls: SoaControl[];
}

/** Controls grouped by their Annex A objective, keeping the catalogue order of both. */
export function groupByObjective(controls: readonly SoaControl[]): ObjectiveGroup[] {
  const groups = new Map<string, ObjectiveGroup>();
  for (const control of controls) {
    const group = groups.get(control.control.objectiveId) ?? { objectiveId: control.control.objectiveId, objectiveTitle: control.control.objectiveTitle, controls: [] };
    group.controls.push(control);
    groups.set(control.control.objectiveId, group);
  }
  return [...groups.values()];
}

/** The evidence of each control, by control id. */
export function evidenceByControl(evidence: readonly EvidenceRow[]): Map<string, EvidenceRow[]> {
  const byControl = new Map<string, EvidenceRow[]>();
  for (const item of evidence) {
    for (const controlId of item.controlIds) byControl.set(controlId, [...(byControl.get(controlId) ?? []), item]);
  }
  return byControl;
}
