/**
 * Links between ISO/IEC 42001 and the other frameworks an organisation answers to, so that one
 * piece of evidence can serve several. Every link says whether it comes from a published mapping
 * (with its source) or is Assay's own proposal, to be reviewed by the organisation.
 */
export type Framework = 'iso42001' | 'iso27001' | 'iso9001' | 'eu-ai-act' | 'nist-ai-rmf';

export interface CrosswalkEnd {
  readonly framework: Framework;
  /** An Annex A control or clause (`A.6.2.4`, `6.1.2`), a 27001 control (`A.5.1`), a 9001 clause, an Act article (`Art 27`), a NIST subcategory (`MAP 1.6`). */
  readonly ref: string;
}

export interface CrosswalkLink {
  readonly from: CrosswalkEnd;
  readonly to: CrosswalkEnd;
  readonly basis: 'published' | 'proposed';
  /** Where a published link comes from. */
  readonly source: string | null;
  /** A qualifier, e.g. the paragraph of an article. */
  readonly note: string | null;
}

const NIST_MS = 'NIST AI RMF to ISO/IEC 42001 crosswalk on the NIST AI Resource Center (written by Microsoft, from the 42001 FDIS)';

function link(fromRef: string, to: Framework, toRef: string, note: string | null = null, source: string | null = null): CrosswalkLink {
  return {
    from: { framework: 'iso42001', ref: fromRef },
    to: { framework: to, ref: toRef },
    basis: source ? 'published' : 'proposed',
    source,
    note,
  };
}

/** [42001 ref, articles with notes] — all proposed: there is no official 42001 ↔ AI Act mapping. */
const aiAct: readonly (readonly [string, readonly (readonly [string, string | null])[]])[] = [
  ['A.2.2', [['Art 17', '17(1) quality management system']]],
  ['A.2.3', [['Art 17', null]]],
  ['A.2.4', [['Art 17', null]]],
  ['A.3.2', [['Art 17', '17(1)(m) accountability'], ['Art 26', '26(2) human oversight']]],
  ['A.3.3', [['Art 87', 'whistleblowers (Directive 2019/1937)']]],
  ['A.4.2', [['Art 11', 'with Annex IV'], ['Art 17', '17(1)(l)'], ['Art 10', null]]],
  ['A.4.3', [['Art 11', 'with Annex IV'], ['Art 17', '17(1)(l)'], ['Art 10', null]]],
  ['A.4.4', [['Art 11', 'with Annex IV'], ['Art 17', '17(1)(l)'], ['Art 10', null]]],
  ['A.4.5', [['Art 11', 'with Annex IV'], ['Art 17', '17(1)(l)'], ['Art 10', null]]],
  ['A.4.6', [['Art 4', 'AI literacy'], ['Art 26', '26(2)']]],
  ['A.5.2', [['Art 27', 'fundamental rights impact assessment'], ['Art 9', '9(2)(a)']]],
  ['A.5.3', [['Art 27', '27(3) results notified to the market surveillance authority']]],
  ['A.5.4', [['Art 27', '27(1)(c)-(d)'], ['Art 9', '9(9) minors and vulnerable groups']]],
  ['A.5.5', [['Art 27', null], ['Art 9', '9(2)(a)']]],
  ['A.6.1.2', [['Art 9', null], ['Art 15', null], ['Art 17', '17(1)(b)']]],
  ['A.6.1.3', [['Art 17', '17(1)(b)-(d)'], ['Art 14', null]]],
  ['A.6.2.2', [['Art 9', null], ['Art 15', '15(1)'], ['Annex IV', null]]],
  ['A.6.2.3', [['Art 11', 'with Annex IV']]],
  ['A.6.2.4', [['Art 9', '9(6)-(8) testing against predefined metrics'], ['Art 15', null], ['Art 17', '17(1)(d)']]],
  ['A.6.2.5', [['Art 16', null], ['Art 43', null], ['Art 47', null], ['Art 48', null], ['Art 49', null]]],
  ['A.6.2.6', [['Art 72', 'post-market monitoring'], ['Art 26', '26(5)']]],
  ['A.6.2.7', [['Art 11', 'with Annex IV'], ['Art 13', null], ['Art 18', 'keep 10 years']]],
  ['A.6.2.8', [['Art 12', null], ['Art 19', 'logs kept at least 6 months'], ['Art 26', '26(6)']]],
  ['A.7.2', [['Art 10', '10(1)-(2)']]],
  ['A.7.3', [['Art 10', '10(2)(b)'], ['Art 53', '53(1)(c)-(d)']]],
  ['A.7.4', [['Art 10', '10(2)(f)-(g) bias; 10(3)-(5)']]],
  ['A.7.5', [['Art 10', '10(2)(b)'], ['Annex IV', null]]],
  ['A.7.6', [['Art 10', '10(2)(c)']]],
  ['A.8.2', [['Art 13', null], ['Art 50', '50(1)'], ['Art 26', '26(11)']]],
  ['A.8.3', [['Art 26', '26(5)'], ['Art 72', null], ['Art 85', null]]],
  ['A.8.4', [['Art 73', 'serious incidents'], ['Art 20', null]]],
  ['A.8.5', [['Art 21', null], ['Art 49', 'EU database'], ['Art 71', 'EU database'], ['Art 53', '53(1)(a)-(b)']]],
  ['A.9.2', [['Art 26', '26(1)-(2)'], ['Art 4', null]]],
  ['A.9.3', [['Art 26', null]]],
  ['A.9.4', [['Art 26', '26(1)'], ['Art 13', '13(3)(b)']]],
  ['A.10.2', [['Art 25', '25(4) written supplier agreement'], ['Art 16', null], ['Art 23', null], ['Art 24', null], ['Art 26', null]]],
  ['A.10.3', [['Art 25', '25(4)'], ['Art 53', '53(1)(b)']]],
  ['A.10.4', [['Art 13', null], ['Art 26', null]]],
  ['6.1.2', [['Art 9', null]]],
  ['6.1.3', [['Art 9', null]]],
  ['8.2', [['Art 9', null]]],
  ['8.3', [['Art 9', null]]],
  ['6.1.4', [['Art 27', 'DPIA through Art 26(9)']]],
  ['8.4', [['Art 27', 'DPIA through Art 26(9)']]],
  ['9.1', [['Art 72', null]]],
  ['10.2', [['Art 20', null]]],
  ['7.2', [['Art 4', null]]],
  ['7.3', [['Art 4', null]]],
];

/** [42001 ref, NIST subcategories, of which these come from the published crosswalk]. */
const nist: readonly (readonly [string, readonly string[], readonly string[]])[] = [
  ['A.2.2', ['GOVERN 1.1', 'GOVERN 1.2', 'GOVERN 1.4'], ['GOVERN 1.1']],
  ['A.2.3', ['GOVERN 1.2'], []],
  ['A.2.4', ['GOVERN 1.5', 'GOVERN 1.1'], ['GOVERN 1.1']],
  ['A.3.2', ['GOVERN 2.1', 'GOVERN 2.3'], ['GOVERN 2.1']],
  ['A.3.3', ['GOVERN 4.3'], []],
  ['A.4.2', ['MAP 2.1'], ['MAP 2.1']],
  ['A.4.3', ['MAP 2.1'], ['MAP 2.1']],
  ['A.4.4', ['MAP 2.1'], ['MAP 2.1']],
  ['A.4.5', ['MAP 2.1'], ['MAP 2.1']],
  ['A.4.6', ['MAP 2.1', 'MAP 1.2', 'GOVERN 2.2'], ['MAP 2.1']],
  ['A.5.2', ['MAP 5.1', 'GOVERN 4.2'], []],
  ['A.5.3', ['MAP 5.1'], []],
  ['A.5.4', ['MAP 5.1', 'MEASURE 2.11'], []],
  ['A.5.5', ['MAP 5.1', 'MAP 3.2', 'MEASURE 2.12'], []],
  ['A.6.1.2', ['GOVERN 1.2'], ['GOVERN 1.2']],
  ['A.6.1.3', ['GOVERN 1.4', 'MAP 3.5'], []],
  ['A.6.2.2', ['MAP 1.6', 'MAP 1.1'], ['MAP 1.6']],
  ['A.6.2.3', ['MAP 2.1'], ['MAP 2.1']],
  ['A.6.2.4', ['MEASURE 2.1'], []],
  ['A.6.2.5', ['MANAGE 1.1'], []],
  ['A.6.2.6', ['MEASURE 3.1', 'MANAGE 2.2', 'MANAGE 4.1'], []],
  ['A.6.2.7', ['MAP 2.2'], ['MAP 2.2']],
  ['A.6.2.8', ['MEASURE 3.1', 'MANAGE 4.1'], []],
  ['A.7.2', ['MAP 2.3', 'MEASURE 2.1'], []],
  ['A.7.3', ['MAP 4.1', 'GOVERN 6.1'], []],
  ['A.7.4', ['MEASURE 2.11', 'MEASURE 2.1'], []],
  ['A.7.5', ['MAP 4.1'], []],
  ['A.7.6', ['MAP 2.3'], []],
  ['A.8.2', ['MAP 2.2', 'MEASURE 2.8', 'MEASURE 2.9'], []],
  ['A.8.3', ['MEASURE 3.3', 'GOVERN 5.1'], []],
  ['A.8.4', ['MANAGE 4.3', 'MANAGE 2.3'], []],
  ['A.8.5', ['GOVERN 5.1', 'MEASURE 2.8'], []],
  ['A.9.2', ['MAP 3.4', 'MAP 3.5', 'GOVERN 3.2'], []],
  ['A.9.3', ['GOVERN 1.2'], ['GOVERN 1.2']],
  ['A.9.4', ['MAP 1.1', 'MAP 3.3'], []],
  ['A.10.2', ['GOVERN 6.1', 'GOVERN 2.1'], []],
  ['A.10.3', ['GOVERN 6.1', 'GOVERN 6.2', 'MAP 4.1', 'MANAGE 3.1', 'MANAGE 3.2'], []],
  ['A.10.4', ['GOVERN 5.1', 'MAP 1.6'], []],
  ['4.1', ['GOVERN 1.1'], ['GOVERN 1.1']],
  ['6.2', ['GOVERN 1.1'], ['GOVERN 1.1']],
  ['5.3', ['GOVERN 2.1'], ['GOVERN 2.1']],
  ['7.1', ['GOVERN 2.1'], ['GOVERN 2.1']],
  ['7.2', ['GOVERN 2.1', 'GOVERN 2.2'], ['GOVERN 2.1', 'GOVERN 2.2']],
  ['7.3', ['GOVERN 2.1'], ['GOVERN 2.1']],
  ['7.4', ['GOVERN 2.1'], ['GOVERN 2.1']],
  ['9.1', ['GOVERN 2.1'], ['GOVERN 2.1']],
  ['6.1.1', ['MAP 1.5'], ['MAP 1.5']],
];

/** [27001 control, 42001 refs] — proposed partners. */
const iso27001: readonly (readonly [string, readonly string[]])[] = [
  ['A.5.1', ['A.2.2']],
  ['A.5.2', ['A.3.2']],
  ['A.5.7', ['A.6.2.6']],
  ['A.5.8', ['A.6.1.3']],
  ['A.5.9', ['A.4.2', 'A.4.3', 'A.4.4', 'A.4.5', 'A.4.6']],
  ['A.5.12', ['A.7.2']],
  ['A.5.19', ['A.10.2', 'A.10.3']],
  ['A.5.20', ['A.10.2', 'A.10.3']],
  ['A.5.21', ['A.10.2', 'A.10.3']],
  ['A.5.22', ['A.10.2', 'A.10.3']],
  ['A.5.23', ['A.4.5']],
  ['A.5.24', ['A.8.4']],
  ['A.5.25', ['A.8.4']],
  ['A.5.26', ['A.8.4']],
  ['A.5.27', ['A.8.4']],
  ['A.5.28', ['A.8.4']],
  ['A.5.31', ['A.8.5']],
  ['A.5.32', ['A.7.3']],
  ['A.5.34', ['A.7.2', 'A.7.3', 'A.7.4', 'A.7.5', 'A.7.6']],
  ['A.5.35', ['9.2']],
  ['A.6.3', ['7.2', '7.3']],
  ['A.6.8', ['A.3.3']],
  ['A.8.10', ['A.7.2', 'A.7.3', 'A.7.4', 'A.7.5', 'A.7.6']],
  ['A.8.11', ['A.7.2', 'A.7.3', 'A.7.4', 'A.7.5', 'A.7.6']],
  ['A.8.12', ['A.7.2', 'A.7.3', 'A.7.4', 'A.7.5', 'A.7.6']],
  ['A.8.15', ['A.6.2.6', 'A.6.2.8']],
  ['A.8.16', ['A.6.2.6', 'A.6.2.8']],
  ['A.8.25', ['A.6.1.3', 'A.6.2.2', 'A.6.2.3', 'A.6.2.4', 'A.6.2.5']],
  ['A.8.26', ['A.6.1.3', 'A.6.2.2', 'A.6.2.3', 'A.6.2.4', 'A.6.2.5']],
  ['A.8.27', ['A.6.1.3', 'A.6.2.2', 'A.6.2.3', 'A.6.2.4', 'A.6.2.5']],
  ['A.8.28', ['A.6.1.3', 'A.6.2.2', 'A.6.2.3', 'A.6.2.4', 'A.6.2.5']],
  ['A.8.29', ['A.6.1.3', 'A.6.2.2', 'A.6.2.3', 'A.6.2.4', 'A.6.2.5']],
  ['A.8.30', ['A.6.1.3', 'A.6.2.2', 'A.6.2.3', 'A.6.2.4', 'A.6.2.5']],
  ['A.8.31', ['A.6.1.3', 'A.6.2.2', 'A.6.2.3', 'A.6.2.4', 'A.6.2.5']],
  ['A.8.32', ['6.3']],
  ['A.8.33', ['A.7.4']],
];

/**
 * 42001 ↔ 9001 by meaning: both follow the management-system structure, but 9001:2015 predates
 * the Harmonized Structure, so continual improvement is 42001 10.1 and 9001 10.3.
 */
const iso9001: readonly (readonly [string, string])[] = [
  ['4.1', '4.1'], ['4.2', '4.2'], ['4.3', '4.3'], ['4.4', '4.4'],
  ['5.1', '5.1'], ['5.2', '5.2'], ['5.3', '5.3'],
  ['6.1', '6.1'], ['6.2', '6.2'], ['6.3', '6.3'],
  ['7.1', '7.1'], ['7.2', '7.2'], ['7.3', '7.3'], ['7.4', '7.4'], ['7.5', '7.5'],
  ['8.1', '8.1'],
  ['9.1', '9.1'], ['9.2', '9.2'], ['9.3', '9.3'],
  ['10.1', '10.3'], ['10.2', '10.2'],
];

export const crosswalk: readonly CrosswalkLink[] = Object.freeze([
  ...aiAct.flatMap(([ref, articles]) => articles.map(([article, note]) => link(ref, 'eu-ai-act', article, note))),
  ...nist.flatMap(([ref, subcategories, published]) =>
    subcategories.map((subcategory) => link(ref, 'nist-ai-rmf', subcategory, null, published.includes(subcategory) ? NIST_MS : null)),
  ),
  ...iso27001.flatMap(([control, refs]) => refs.map((ref) => link(ref, 'iso27001', control))),
  ...iso9001.map(([ref, clause]) => link(ref, 'iso9001', clause, ref === clause ? null : 'numbered differently: 9001:2015 predates the Harmonized Structure')),
]);
