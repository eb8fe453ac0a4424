import { describe, expect, it } from 'vitest';
import {
  annexAControls,
  annexAObjectives,
  annexCObjectives,
  annexCRiskSources,
  clauses,
  controlsByObjective,
  findControl,
} from '../src/index.js';

// Expected counts and ids come from ISO/IEC 42001:2023 Annex A (its table of contents):
// 3 + 2 + 5 + 4 + 9 + 5 + 4 + 3 + 3 = 38 controls under 9 objectives.
describe('Annex A', () => {
  it('has 9 objectives and 38 controls', () => {
    expect(annexAObjectives.map((objective) => objective.id)).toEqual(['A.2', 'A.3', 'A.4', 'A.5', 'A.6', 'A.7', 'A.8', 'A.9', 'A.10']);
    expect(annexAControls).toHaveLength(38);
  });

  it('has 3, 2, 5, 4, 9, 5, 4, 3, 3 controls per objective', () => {
    expect(controlsByObjective().map((objective) => objective.controls.length)).toEqual([3, 2, 5, 4, 9, 5, 4, 3, 3]);
  });

  it('numbers controls from .2 under their objective (or A.6 part), uniquely', () => {
    const ids = annexAControls.map((control) => control.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const control of annexAControls) {
      const prefix = control.partId ?? control.objectiveId;
      expect(control.id).toMatch(/^A\.(\d+)\.(\d+)(\.\d+)?$/);
      expect(control.id.startsWith(`${prefix}.`)).toBe(true);
      expect(Number(control.id.split('.').at(-1))).toBeGreaterThanOrEqual(2);
      expect(control.title.length).toBeGreaterThan(0);
      // One sentence of our own: ends with a full stop and holds no other sentence break.
      expect(control.summary).toMatch(/^[A-Z][^.]*\.$/);
    }
  });

  it('lists controls in catalogue order, so controlsByObjective keeps that order', () => {
    const byNumber = (id: string) => id.slice(2).split('.').map(Number);
    const ids = annexAControls.map((control) => control.id);
    const sorted = [...ids].sort((left, right) => {
      const [a, b] = [byNumber(left), byNumber(right)];
      for (let index = 0; index < Math.max(a.length, b.length); index += 1) {
        const difference = (a[index] ?? 0) - (b[index] ?? 0);
        if (difference !== 0) return difference;
      }
      return 0;
    });
    expect(ids).toEqual(sorted);
    expect(controlsByObjective().flatMap((objective) => objective.controls.map((control) => control.id))).toEqual(ids);
  });

  it('puts A.6 controls in its two parts: two in A.6.1, seven in A.6.2', () => {
    expect(annexAObjectives.find((objective) => objective.id === 'A.6')?.parts.map((part) => part.id)).toEqual(['A.6.1', 'A.6.2']);
    expect(annexAObjectives.filter((objective) => objective.parts.length > 0).map((objective) => objective.id)).toEqual(['A.6']);
    const a6 = annexAControls.filter((control) => control.objectiveId === 'A.6');
    expect(a6.filter((control) => control.partId === 'A.6.1').map((control) => control.id)).toEqual(['A.6.1.2', 'A.6.1.3']);
    expect(a6.filter((control) => control.partId === 'A.6.2')).toHaveLength(7);
    expect(annexAControls.filter((control) => control.objectiveId !== 'A.6').every((control) => control.partId === null)).toBe(true);
  });

  it('links every control to an existing objective', () => {
    const objectives = new Set(annexAObjectives.map((objective) => objective.id));
    expect(annexAControls.every((control) => objectives.has(control.objectiveId))).toBe(true);
  });

  it('contains none of the wrong ids that circulate (e.g. A.5.1.1)', () => {
    expect(findControl('A.5.1.1')).toBeUndefined();
    // x.1 is the objective itself, never a control; three-part ids exist only under A.6.
    expect(annexAControls.filter((control) => /\.1$/.test(control.id))).toEqual([]);
    expect(annexAControls.filter((control) => control.id.split('.').length === 4).every((control) => control.objectiveId === 'A.6')).toBe(true);
  });

  it('finds a control by id, ignoring surrounding spaces', () => {
    expect(findControl(' A.6.2.4 ')).toMatchObject({ id: 'A.6.2.4', title: 'AI system verification and validation', objectiveId: 'A.6', partId: 'A.6.2' });
    expect(findControl('A.11.2')).toBeUndefined();
  });
});

// Clause ids come from the table of contents of ISO/IEC 42001:2023, clauses 4–10.
describe('clauses 4–10', () => {
  it('has the seven top-level clauses in order', () => {
    expect(clauses.filter((clause) => clause.parent === null).map((clause) => clause.id)).toEqual(['4', '5', '6', '7', '8', '9', '10']);
  });

  it('gives every sub-clause an existing parent whose id prefixes its own', () => {
    const ids = new Set(clauses.map((clause) => clause.id));
    expect(ids.size).toBe(clauses.length);
    for (const clause of clauses.filter((entry) => entry.parent !== null)) {
      expect(ids.has(clause.parent ?? '')).toBe(true);
      expect(clause.id.startsWith(`${clause.parent}.`)).toBe(true);
    }
  });

  it('includes the sub-sub-clauses of 6.1, 7.5, 9.2 and 9.3', () => {
    const childrenOf = (id: string) => clauses.filter((clause) => clause.parent === id).map((clause) => clause.id);
    expect(childrenOf('6.1')).toEqual(['6.1.1', '6.1.2', '6.1.3', '6.1.4']);
    expect(childrenOf('7.5')).toEqual(['7.5.1', '7.5.2', '7.5.3']);
    expect(childrenOf('9.2')).toEqual(['9.2.1', '9.2.2']);
    expect(childrenOf('9.3')).toEqual(['9.3.1', '9.3.2', '9.3.3']);
    // 4 + 3 + (3 + 4) + (5 + 3) + 4 + (3 + 2 + 3) + 2 sub-clauses, plus 7 clauses.
    expect(clauses).toHaveLength(7 + 4 + 3 + 7 + 8 + 4 + 8 + 2);
  });
});

// The lists and their order come from ISO/IEC 42001:2023 Annex C (C.2 and C.3).
describe('Annex C', () => {
  it('lists the 11 objectives C.2.1–C.2.11 and the 7 risk sources in order', () => {
    for (const list of [annexCObjectives, annexCRiskSources]) {
      expect(new Set(list.map((entry) => entry.key)).size).toBe(list.length);
      expect(list.every((entry) => /^[a-z]+(-[a-z]+)*$/.test(entry.key))).toBe(true);
    }
    expect(annexCObjectives.map((objective) => objective.id)).toEqual(Array.from({ length: 11 }, (_, index) => `C.2.${index + 1}`));
    expect(annexCObjectives.find((objective) => objective.key === 'fairness')?.id).toBe('C.2.5');
    expect(annexCRiskSources.map((source) => source.key)).toEqual([
      'complexity-of-environment',
      'lack-of-transparency-and-explainability',
      'level-of-automation',
      'machine-learning',
      'system-hardware-issues',
      'system-life-cycle-issues',
      'technology-readiness',
    ]);
  });
});
