/**
 * ISO 9001:2015 clauses 4–10 (top level and their sub-clauses). 9001:2015 follows the 2012
 * Annex SL: its 9.3.3 is "outputs" and continual improvement is 10.3, where ISO/IEC 42001 (the
 * later Harmonized Structure) has "results" and 10.1. Map by meaning, not by number.
 */
export interface Iso9001Clause {
  readonly id: string;
  readonly title: string;
  readonly parent: string | null;
}

type Row = readonly [id: string, title: string];

const rows: readonly (readonly [Row, readonly Row[]])[] = [
  [['4', 'Context of the organization'], [['4.1', 'Understanding the organization and its context'], ['4.2', 'Needs and expectations of interested parties'], ['4.3', 'Scope of the quality management system'], ['4.4', 'Quality management system and its processes']]],
  [['5', 'Leadership'], [['5.1', 'Leadership and commitment'], ['5.2', 'Policy'], ['5.3', 'Roles, responsibilities and authorities']]],
  [['6', 'Planning'], [['6.1', 'Actions to address risks and opportunities'], ['6.2', 'Quality objectives and planning to achieve them'], ['6.3', 'Planning of changes']]],
  [['7', 'Support'], [['7.1', 'Resources'], ['7.2', 'Competence'], ['7.3', 'Awareness'], ['7.4', 'Communication'], ['7.5', 'Documented information']]],
  [['8', 'Operation'], [['8.1', 'Operational planning and control'], ['8.2', 'Requirements for products and services'], ['8.3', 'Design and development'], ['8.4', 'Control of externally provided processes, products and services'], ['8.5', 'Production and service provision'], ['8.6', 'Release of products and services'], ['8.7', 'Control of nonconforming outputs']]],
  [['9', 'Performance evaluation'], [['9.1', 'Monitoring, measurement, analysis and evaluation'], ['9.2', 'Internal audit'], ['9.3', 'Management review']]],
  [['10', 'Improvement'], [['10.1', 'General'], ['10.2', 'Nonconformity and corrective action'], ['10.3', 'Continual improvement']]],
];

export const iso9001Clauses: readonly Iso9001Clause[] = Object.freeze(
  rows.flatMap(([[id, title], children]) => [{ id, title, parent: null }, ...children.map(([childId, childTitle]) => ({ id: childId, title: childTitle, parent: id }))]),
);
