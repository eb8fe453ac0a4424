import type { ResultOf } from '@graphql-typed-document-node/core';
import { graphql } from '../../gql/index.js';
import type { ImplementationStatus } from '../../gql/graphql.js';

export type { ImplementationStatus };

export const ControlProgressQuery = graphql(`
  query ControlProgress {
    controls {
      nodes {
        controlId
        applicable
        implementationStatus
        implementedDate
        dueDate
        control {
          objectiveId
          objectiveTitle
        }
      }
    }
  }
`);

export type SoaRow = ResultOf<typeof ControlProgressQuery>['controls']['nodes'][number];

export interface ObjectiveProgress {
  objective: string;
  title: string;
  done: number;
  applicable: number;
  /** done / applicable, or null when no control of the objective applies. */
  share: number | null;
}

/** The statuses that count a control as implemented. */
export const DONE: ReadonlySet<ImplementationStatus> = new Set(['IMPLEMENTED', 'VERIFIED']);

/** Implemented (or verified) applicable controls per Annex A objective, in catalogue order. */
export function progressByObjective(rows: readonly SoaRow[]): ObjectiveProgress[] {
  const byObjective = new Map<string, ObjectiveProgress>();
  for (const row of rows) {
    const entry = byObjective.get(row.control.objectiveId) ?? { objective: row.control.objectiveId, title: row.control.objectiveTitle, done: 0, applicable: 0, share: null };
    if (row.applicable) {
      entry.applicable += 1;
      if (DONE.has(row.implementationStatus)) entry.done += 1;
    }
    byObjective.set(row.control.objectiveId, entry);
  }
  return [...byObjective.values()].map((entry) => ({ ...entry, share: entry.applicable === 0 ? null : entry.done / entry.applicable }));
}
