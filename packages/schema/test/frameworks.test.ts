import { describe, expect, it } from 'vitest';
import {
  accreditationBodies,
  aiActApplicationDates,
  annexAControls,
  annexIIIAreas,
  clauses,
  crosswalk,
  crosswalkFor,
  iso27001AiControls,
  iso27001Themes,
  iso9001Clauses,
  nistCategories,
  nistSubcategoryIds,
  prohibitedPractices,
} from '../src/index.js';

// Counts come from the frameworks themselves as summarised in the project's domain notes:
// 27001:2022 has 93 controls in 4 themes (37, 8, 14, 34); the NIST AI RMF 1.0 has 19 categories
// and 72 subcategories (GOVERN 6/19, MAP 5/18, MEASURE 4/22, MANAGE 4/13).
describe('ISO/IEC 27001:2022', () => {
  it('has 93 controls in 4 themes', () => {
    expect(iso27001Themes.map((theme) => theme.controlCount)).toEqual([37, 8, 14, 34]);
    expect(iso27001Themes.reduce((sum, theme) => sum + theme.controlCount, 0)).toBe(93);
  });

  it('lists AI-relevant controls with ids inside their theme', () => {
    for (const control of iso27001AiControls) {
      const [, theme, number] = /^A\.(\d)\.(\d+)$/.exec(control.id) ?? [];
      const size = iso27001Themes.find((entry) => entry.id === theme)?.controlCount ?? 0;
      expect(Number(number)).toBeGreaterThanOrEqual(1);
      expect(Number(number)).toBeLessThanOrEqual(size);
    }
  });
});

describe('NIST AI RMF', () => {
  it('has 19 categories and 72 subcategories, split 19/18/22/13 across the functions', () => {
    expect(nistCategories).toHaveLength(19);
    expect(nistSubcategoryIds).toHaveLength(72);
    const perFunction = (name: string) => nistCategories.filter((category) => category.functionId === name).reduce((sum, category) => sum + category.subcategoryCount, 0);
    expect(['GOVERN', 'MAP', 'MEASURE', 'MANAGE'].map(perFunction)).toEqual([19, 18, 22, 13]);
    expect(nistSubcategoryIds).toContain('MAP 1.6');
    expect(nistSubcategoryIds).not.toContain('MAP 1.7');
  });
});

describe('ISO 9001:2015', () => {
  it('has clauses 4–10 with existing parents, and 10.3 for continual improvement', () => {
    const ids = new Set(iso9001Clauses.map((clause) => clause.id));
    expect(iso9001Clauses.filter((clause) => clause.parent === null).map((clause) => clause.id)).toEqual(['4', '5', '6', '7', '8', '9', '10']);
    expect(iso9001Clauses.every((clause) => clause.parent === null || ids.has(clause.parent))).toBe(true);
    expect(iso9001Clauses.find((clause) => clause.id === '10.3')?.title).toBe('Continual improvement');
  });
});

describe('EU AI Act data', () => {
  it('has the 8 Annex III areas, the 8 prohibitions of Art. 5(1) in force and dated applications', () => {
    expect(annexIIIAreas.map((area) => area.point)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(prohibitedPractices.filter((practice) => practice.status === 'in-force')).toHaveLength(8);
    for (const entry of aiActApplicationDates) expect(Number.isNaN(Date.parse(entry.date))).toBe(false);
    expect(aiActApplicationDates.find((entry) => entry.date === '2026-08-02')?.status).toBe('in-force');
  });
});

describe('accreditation bodies', () => {
  it('lists the 15 IAF MLA signatories', () => {
    expect(accreditationBodies.filter((body) => body.iafMlaSignatory)).toHaveLength(15);
    expect(new Set(accreditationBodies.map((body) => body.acronym)).size).toBe(accreditationBodies.length);
  });
});

describe('crosswalk', () => {
  const controlIds = new Set(annexAControls.map((control) => control.id));
  const clauseIds = new Set(clauses.map((clause) => clause.id));
  const targets: Record<string, (ref: string) => boolean> = {
    iso27001: (ref) => iso27001AiControls.some((control) => control.id === ref),
    iso9001: (ref) => iso9001Clauses.some((clause) => clause.id === ref),
    'nist-ai-rmf': (ref) => nistSubcategoryIds.includes(ref),
    'eu-ai-act': (ref) => /^(Art \d+|Annex [IVX]+)$/.test(ref),
  };

  it('starts every link at an existing 42001 control or clause and ends it at an existing entry', () => {
    for (const entry of crosswalk) {
      expect(entry.from.framework).toBe('iso42001');
      expect(controlIds.has(entry.from.ref) || clauseIds.has(entry.from.ref), `unknown 42001 ref ${entry.from.ref}`).toBe(true);
      expect(targets[entry.to.framework]?.(entry.to.ref), `unknown ${entry.to.framework} ref ${entry.to.ref}`).toBe(true);
    }
  });

  it('gives every published link its source, and no proposed one a source', () => {
    for (const entry of crosswalk) expect(entry.basis === 'published').toBe(entry.source !== null);
    // The rows of the published NIST crosswalk, e.g. MAP 1.6 → A.6.2.2 (B.6.2.2 there).
    expect(crosswalkFor('A.6.2.2', 'nist-ai-rmf').find((entry) => entry.to.ref === 'MAP 1.6')?.basis).toBe('published');
    // No official 42001 ↔ AI Act mapping exists: every such link is proposed.
    expect(crosswalk.filter((entry) => entry.to.framework === 'eu-ai-act').every((entry) => entry.basis === 'proposed')).toBe(true);
  });

  it('links every Annex A control to the EU AI Act and to the NIST AI RMF', () => {
    for (const id of controlIds) {
      expect(crosswalkFor(id, 'eu-ai-act').length, id).toBeGreaterThan(0);
      expect(crosswalkFor(id, 'nist-ai-rmf').length, id).toBeGreaterThan(0);
    }
  });

  it('holds no duplicate link', () => {
    const keys = crosswalk.map((entry) => `${entry.from.ref}>${entry.to.framework}:${entry.to.ref}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('maps continual improvement by meaning: 42001 10.1 ↔ 9001 10.3', () => {
    expect(crosswalkFor('10.1', 'iso9001').map((entry) => entry.to.ref)).toEqual(['10.3']);
  });
});
