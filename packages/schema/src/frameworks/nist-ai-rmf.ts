/**
 * NIST AI Risk Management Framework 1.0: 4 functions, 19 categories, 72 subcategories. Category
 * titles are short labels in Assay's words. Subcategories are listed by id only (e.g. `MAP 1.6`);
 * ids outside these ranges (such as "MAP 1.7") are not part of the framework.
 */
export interface NistCategory {
  readonly id: string;
  readonly functionId: NistFunctionId;
  readonly title: string;
  /** How many subcategories the category has: `<id>.1` … `<id>.<n>`. */
  readonly subcategoryCount: number;
}

export const nistFunctions = ['GOVERN', 'MAP', 'MEASURE', 'MANAGE'] as const;
export type NistFunctionId = (typeof nistFunctions)[number];

type Row = readonly [id: string, title: string, subcategories: number];

function categoriesOf(functionId: NistFunctionId, rows: readonly Row[]): NistCategory[] {
  return rows.map(([id, title, subcategoryCount]) => ({ id, functionId, title, subcategoryCount }));
}

export const nistCategories: readonly NistCategory[] = Object.freeze([
  ...categoriesOf('GOVERN', [
    ['GOVERN 1', 'Policies, processes and practices for AI risk are in place and applied', 7],
    ['GOVERN 2', 'Accountability structures and training', 3],
    ['GOVERN 3', 'Workforce diversity, equity, inclusion and accessibility', 2],
    ['GOVERN 4', 'A culture that considers and communicates AI risk', 3],
    ['GOVERN 5', 'Engagement with relevant AI actors', 2],
    ['GOVERN 6', 'Risks from third-party software, data and supply chains', 2],
  ]),
  ...categoriesOf('MAP', [
    ['MAP 1', 'Context is established and understood', 6],
    ['MAP 2', 'The AI system is categorised', 3],
    ['MAP 3', 'Capabilities, intended use, benefits and costs are understood', 5],
    ['MAP 4', 'Risks and benefits are mapped for every component, third parties included', 2],
    ['MAP 5', 'Impacts on individuals, groups, organisations and society are characterised', 2],
  ]),
  ...categoriesOf('MEASURE', [
    ['MEASURE 1', 'Methods and metrics are chosen and applied', 3],
    ['MEASURE 2', 'AI systems are evaluated for trustworthy characteristics', 13],
    ['MEASURE 3', 'Identified risks are tracked over time', 3],
    ['MEASURE 4', 'Feedback on the effectiveness of measurement is gathered', 3],
  ]),
  ...categoriesOf('MANAGE', [
    ['MANAGE 1', 'AI risks are prioritised, responded to and managed', 4],
    ['MANAGE 2', 'Benefits are maximised and negative impacts minimised', 4],
    ['MANAGE 3', 'Third-party risks and benefits are managed', 2],
    ['MANAGE 4', 'Treatments, responses, recovery and communication are documented and monitored', 3],
  ]),
]);

/** Every subcategory id, e.g. `GOVERN 1.1`, in framework order. */
export const nistSubcategoryIds: readonly string[] = Object.freeze(
  nistCategories.flatMap((category) => Array.from({ length: category.subcategoryCount }, (_, index) => `${category.id}.${index + 1}`)),
);
