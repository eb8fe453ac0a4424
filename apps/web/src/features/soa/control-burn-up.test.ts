import { describe, expect, it } from 'vitest';
import { controlBurnUp } from './control-burn-up.js';
import type { SoaRow } from './soa.js';

const row = (controlId: string, objectiveId: string, fields: Partial<SoaRow>): SoaRow => ({
  controlId,
  applicable: true,
  implementationStatus: 'NOT_STARTED',
  implementedDate: null,
  dueDate: null,
  control: { objectiveId, objectiveTitle: `Objective ${objectiveId}` },
  ...fields,
});

const rows: SoaRow[] = [
  row('A.2.2', 'A.2', { implementationStatus: 'VERIFIED', implementedDate: '2026-01-15', dueDate: '2026-01-31' }),
  row('A.2.3', 'A.2', { implementationStatus: 'IMPLEMENTED', implementedDate: '2026-03-02' }),
  row('A.2.4', 'A.2', { implementationStatus: 'IN_PROGRESS', dueDate: '2026-04-30' }),
  row('A.3.2', 'A.3', { implementationStatus: 'IMPLEMENTED', implementedDate: '2026-02-10', dueDate: '2026-01-31' }),
  row('A.3.3', 'A.3', { applicable: false, implementationStatus: 'IMPLEMENTED', implementedDate: '2026-01-05' }),
];

describe('controlBurnUp', () => {
  it('counts implemented, planned and applicable controls at each month end, through today', () => {
    expect(controlBurnUp(rows, null, '2026-05-10')).toEqual([
      { date: '2026-01-31', implemented: 1, planned: 2, scope: 4 },
      { date: '2026-02-28', implemented: 2, planned: 2, scope: 4 },
      { date: '2026-03-31', implemented: 3, planned: 3, scope: 4 },
      { date: '2026-04-30', implemented: 3, planned: 4, scope: 4 },
      { date: '2026-05-31', implemented: 3, planned: 4, scope: 4 },
    ]);
  });

  it('follows one objective, and runs to the last due date when it lies ahead', () => {
    const ahead = [...rows, row('A.2.5', 'A.2', { dueDate: '2026-07-15' })];
    const points = controlBurnUp(ahead, 'A.2', '2026-03-10');
    expect(points.map((point) => point.date)).toEqual(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31', '2026-06-30', '2026-07-31']);
    expect(points.at(-1)).toEqual({ date: '2026-07-31', implemented: null, planned: 4, scope: 4 });
    expect(points.map((point) => point.implemented)).toEqual([1, 1, 2, null, null, null, null]);
    expect(points[0]).toEqual({ date: '2026-01-31', implemented: 1, planned: 1, scope: 4 });
  });

  it('is empty when no applicable control has a date', () => {
    expect(controlBurnUp([row('A.4.2', 'A.4', {})], null, '2026-05-10')).toEqual([]);
  });
});
