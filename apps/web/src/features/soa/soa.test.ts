import { describe, expect, it } from 'vitest';
import { progressByObjective, type SoaRow } from './soa.js';

function row(controlId: string, objectiveId: string, applicable: boolean, implementationStatus: SoaRow['implementationStatus']): SoaRow {
  return { controlId, applicable, implementationStatus, implementedDate: null, dueDate: null, control: { objectiveId, objectiveTitle: `Objective ${objectiveId}` } };
}

describe('progressByObjective', () => {
  it('counts implemented and verified applicable controls per objective, in input order', () => {
    const progress = progressByObjective([
      row('A.2.2', 'A.2', true, 'VERIFIED'),
      row('A.2.3', 'A.2', true, 'IN_PROGRESS'),
      row('A.2.4', 'A.2', true, 'IMPLEMENTED'),
      // Excluded: leaves the denominator, even though marked implemented.
      row('A.10.4', 'A.10', false, 'IMPLEMENTED'),
    ]);
    // A.2: 2 of 3 done; A.10: nothing applicable, so no share.
    expect(progress).toEqual([
      { objective: 'A.2', title: 'Objective A.2', done: 2, applicable: 3, share: 2 / 3 },
      { objective: 'A.10', title: 'Objective A.10', done: 0, applicable: 0, share: null },
    ]);
  });

  it('returns nothing for an empty Statement of Applicability', () => {
    expect(progressByObjective([])).toEqual([]);
  });
});
