/**
 * ISO/IEC 42001:2023 Annex A (normative): 9 control objectives and 38 controls. Control numbers
 * start at `.2` because `x.1` states the objective. Titles are short labels and summaries are
 * Assay's own paraphrase, not the standard's text.
 */
export interface AnnexAObjective {
  readonly id: string;
  readonly title: string;
  /** What the objective is for, in a few words. */
  readonly aim: string;
  /** A.6 has two parts, A.6.1 and A.6.2; the others have none. */
  readonly parts: readonly { readonly id: string; readonly title: string }[];
}

export interface AnnexAControl {
  readonly id: string;
  readonly objectiveId: string;
  /** The part of the objective (A.6.1 or A.6.2) for controls of A.6; otherwise null. */
  readonly partId: string | null;
  readonly title: string;
  readonly summary: string;
}

export const annexAObjectives: readonly AnnexAObjective[] = Object.freeze([
  { id: 'A.2', title: 'Policies related to AI', aim: 'management direction and support for AI systems', parts: [] },
  { id: 'A.3', title: 'Internal organization', aim: 'accountability for the responsible use of AI', parts: [] },
  { id: 'A.4', title: 'Resources for AI systems', aim: 'account for every resource an AI system relies on', parts: [] },
  { id: 'A.5', title: 'Assessing impacts of AI systems', aim: 'understand the effects of AI systems on individuals, groups and society', parts: [] },
  {
    id: 'A.6',
    title: 'AI system life cycle',
    aim: 'responsible design, development and operation through the life cycle',
    parts: [
      { id: 'A.6.1', title: 'Management guidance for AI system development' },
      { id: 'A.6.2', title: 'AI system life cycle' },
    ],
  },
  { id: 'A.7', title: 'Data for AI systems', aim: 'know and manage the data AI systems are built and run on', parts: [] },
  { id: 'A.8', title: 'Information for interested parties of AI systems', aim: 'give interested parties the information they need', parts: [] },
  { id: 'A.9', title: 'Use of AI systems', aim: 'use AI systems responsibly and as intended', parts: [] },
  { id: 'A.10', title: 'Third-party and customer relationships', aim: 'share responsibilities properly with suppliers, partners and customers', parts: [] },
]);

type Row = readonly [id: string, title: string, summary: string];

function controlsOf(objectiveId: string, rows: readonly Row[], partId: string | null = null): AnnexAControl[] {
  return rows.map(([id, title, summary]) => ({ id, objectiveId, partId, title, summary }));
}

export const annexAControls: readonly AnnexAControl[] = Object.freeze([
  ...controlsOf('A.2', [
    ['A.2.2', 'AI policy', 'Keep a documented policy for developing or using AI systems.'],
    ['A.2.3', 'Alignment with other organizational policies', 'Work out where other policies of the organisation touch AI and make them consistent with the AI policy.'],
    ['A.2.4', 'Review of the AI policy', 'Review the AI policy at planned intervals, and when needed, so it stays suitable and effective.'],
  ]),
  ...controlsOf('A.3', [
    ['A.3.2', 'AI roles and responsibilities', 'Define and assign the roles and responsibilities that AI work needs.'],
    ['A.3.3', 'Reporting of concerns', 'Give people a way to raise concerns about the organisation\'s role with AI systems across their life cycle.'],
  ]),
  ...controlsOf('A.4', [
    ['A.4.2', 'Resource documentation', 'Identify and record the resources each AI system needs at each stage of its life cycle.'],
    ['A.4.3', 'Data resources', 'Record the data used by AI systems as part of their resources.'],
    ['A.4.4', 'Tooling resources', 'Record the tools used to build and run AI systems.'],
    ['A.4.5', 'System and computing resources', 'Record the systems and computing capacity AI systems use.'],
    ['A.4.6', 'Human resources', 'Record the people and competences AI work relies on.'],
  ]),
  ...controlsOf('A.5', [
    ['A.5.2', 'AI system impact assessment process', 'Have a process to assess the possible consequences of AI systems for individuals, groups and society.'],
    ['A.5.3', 'Documentation of AI system impact assessments', 'Keep the results of impact assessments for a defined period.'],
    ['A.5.4', 'Assessing AI system impact on individuals or groups of individuals', 'Assess how an AI system may affect individuals or groups, throughout its life cycle.'],
    ['A.5.5', 'Assessing societal impacts of AI systems', 'Assess how an AI system may affect society, throughout its life cycle.'],
  ]),
  ...controlsOf('A.6', [
    ['A.6.1.2', 'Objectives for responsible development of AI system', 'Set and document objectives that steer responsible development, and act on them.'],
    ['A.6.1.3', 'Processes for responsible AI system design and development', 'Define and document the processes for designing and developing AI systems responsibly.'],
  ], 'A.6.1'),
  ...controlsOf('A.6', [
    ['A.6.2.2', 'AI system requirements and specification', 'Specify and document requirements for new AI systems or material changes to existing ones.'],
    ['A.6.2.3', 'Documentation of AI system design and development', 'Document design and development in line with the objectives and requirements.'],
    ['A.6.2.4', 'AI system verification and validation', 'Define and document how AI systems are verified and validated, with criteria for doing so.'],
    ['A.6.2.5', 'AI system deployment', 'Plan deployment and confirm requirements are met before an AI system goes live.'],
    ['A.6.2.6', 'AI system operation and monitoring', 'Define what is needed to operate and monitor AI systems, including repair, updates and support.'],
    ['A.6.2.7', 'AI system technical documentation', 'Decide which technical documentation each group of interested parties needs and provide it.'],
    ['A.6.2.8', 'AI system recording of event logs', 'Decide at which stages event logs are kept, at least while the system is in use.'],
  ], 'A.6.2'),
  ...controlsOf('A.7', [
    ['A.7.2', 'Data for development and enhancement of AI system', 'Define and run data management processes for developing and improving AI systems.'],
    ['A.7.3', 'Acquisition of data', 'Record how data is acquired and selected for AI systems.'],
    ['A.7.4', 'Quality of data for AI systems', 'Define data quality requirements and make sure the data used meets them.'],
    ['A.7.5', 'Data provenance', 'Record where data comes from and what happened to it across the life cycle.'],
    ['A.7.6', 'Data preparation', 'Define and document how data is prepared and the criteria for choosing preparation methods.'],
  ]),
  ...controlsOf('A.8', [
    ['A.8.2', 'System documentation and information for users', 'Give users the information they need about the AI system.'],
    ['A.8.3', 'External reporting', 'Let interested parties report adverse impacts of the AI system.'],
    ['A.8.4', 'Communication of incidents', 'Plan how incidents are communicated to users and other parties.'],
    ['A.8.5', 'Information for interested parties', 'Decide and record what must be reported about the AI system to interested parties, and do it.'],
  ]),
  ...controlsOf('A.9', [
    ['A.9.2', 'Processes for responsible use of AI systems', 'Define and document processes for using AI systems responsibly.'],
    ['A.9.3', 'Objectives for responsible use of AI system', 'Set and document objectives that guide responsible use.'],
    ['A.9.4', 'Intended use of the AI system', 'Make sure AI systems are used as intended and as their documentation says.'],
  ]),
  ...controlsOf('A.10', [
    ['A.10.2', 'Allocating responsibilities', 'Split responsibilities between the organisation, partners, suppliers and customers across the life cycle.'],
    ['A.10.3', 'Suppliers', 'Make sure services, products and materials from suppliers fit the organisation\'s responsible approach to AI.'],
    ['A.10.4', 'Customers', 'Take customers\' expectations and needs into account in the responsible approach to AI.'],
  ]),
]);
