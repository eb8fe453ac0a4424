import { gql } from 'urql';

export type ImplementationStatus = 'NOT_STARTED' | 'PLANNED' | 'IN_PROGRESS' | 'IMPLEMENTED' | 'VERIFIED';

export interface SoaRow {
  controlId: string;
  applicable: boolean;
  implementationStatus: ImplementationStatus;
  control: { objectiveId: string; objectiveTitle: string };
}

export const ControlProgressQuery = gql`
  query ControlProgress {
    controls {
      nodes {
        controlId
        applicable
        implementationStatus
        control {
          objectiveId
          objectiveTitle
        }
      }
    }
  }
`;

export interface ObjectiveProgress {
  objective: string;
  title: string;
  done: number;
  applicable: number;
  /** done / applicable, or null when no control of the objective applies. */
  share: number | null;
}

const DONE: ReadonlySet<ImplementationStatus> = new Set(['IMPLEMENTED', 'VERIFIED']);

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
