/** A clause or sub-clause of ISO/IEC 42001:2023 (clauses 4–10). Titles are short labels. */
export interface Clause {
  readonly id: string;
  readonly title: string;
  /** The enclosing clause, or null for a top-level clause (4–10). */
  readonly parent: string | null;
}

type Entry = readonly [id: string, title: string];

const tree: readonly (readonly [Entry, readonly (readonly [Entry, readonly Entry[]])[]])[] = [
  [['4', 'Context of the organization'], [
    [['4.1', 'Understanding the organization and its context'], []],
    [['4.2', 'Understanding the needs and expectations of interested parties'], []],
    [['4.3', 'Determining the scope of the AI management system'], []],
    [['4.4', 'AI management system'], []],
  ]],
  [['5', 'Leadership'], [
    [['5.1', 'Leadership and commitment'], []],
    [['5.2', 'AI policy'], []],
    [['5.3', 'Roles, responsibilities and authorities'], []],
  ]],
  [['6', 'Planning'], [
    [['6.1', 'Actions to address risks and opportunities'], [
      ['6.1.1', 'General'],
      ['6.1.2', 'AI risk assessment'],
      ['6.1.3', 'AI risk treatment'],
      ['6.1.4', 'AI system impact assessment'],
    ]],
    [['6.2', 'AI objectives and planning to achieve them'], []],
    [['6.3', 'Planning of changes'], []],
  ]],
  [['7', 'Support'], [
    [['7.1', 'Resources'], []],
    [['7.2', 'Competence'], []],
    [['7.3', 'Awareness'], []],
    [['7.4', 'Communication'], []],
    [['7.5', 'Documented information'], [
      ['7.5.1', 'General'],
      ['7.5.2', 'Creating and updating documented information'],
      ['7.5.3', 'Control of documented information'],
    ]],
  ]],
  [['8', 'Operation'], [
    [['8.1', 'Operational planning and control'], []],
    [['8.2', 'AI risk assessment'], []],
    [['8.3', 'AI risk treatment'], []],
    [['8.4', 'AI system impact assessment'], []],
  ]],
  [['9', 'Performance evaluation'], [
    [['9.1', 'Monitoring, measurement, analysis and evaluation'], []],
    [['9.2', 'Internal audit'], [
      ['9.2.1', 'General'],
      ['9.2.2', 'Internal audit programme'],
    ]],
    [['9.3', 'Management review'], [
      ['9.3.1', 'General'],
      ['9.3.2', 'Management review inputs'],
      ['9.3.3', 'Management review results'],
    ]],
  ]],
  [['10', 'Improvement'], [
    [['10.1', 'Continual improvement'], []],
    [['10.2', 'Nonconformity and corrective action'], []],
  ]],
];

/** ISO/IEC 42001:2023 clauses 4–10 with their sub-clauses, in document order. */
export const clauses: readonly Clause[] = Object.freeze(
  tree.flatMap(([[id, title], children]) => [
    { id, title, parent: null },
    ...children.flatMap(([[childId, childTitle], grandchildren]) => [
      { id: childId, title: childTitle, parent: id },
      ...grandchildren.map(([grandchildId, grandchildTitle]) => ({ id: grandchildId, title: grandchildTitle, parent: childId })),
    ]),
  ]),
);
