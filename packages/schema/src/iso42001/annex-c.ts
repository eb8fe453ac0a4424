/**
 * ISO/IEC 42001:2023 Annex C (informative): organisational objectives for AI (C.2) and sources
 * of AI risk (C.3). The same lists appear in ISO/IEC 23894 Annexes A and B.
 */
export interface AnnexCObjective {
  readonly id: string;
  /** Stable key for storage and APIs. */
  readonly key: string;
  readonly title: string;
}

/** A source of AI risk; listed in the order of C.3. */
export interface AnnexCRiskSource {
  readonly key: string;
  readonly title: string;
}

export const annexCObjectives: readonly AnnexCObjective[] = Object.freeze([
  { id: 'C.2.1', key: 'accountability', title: 'Accountability' },
  { id: 'C.2.2', key: 'ai-expertise', title: 'AI expertise' },
  { id: 'C.2.3', key: 'training-and-test-data', title: 'Availability and quality of training and test data' },
  { id: 'C.2.4', key: 'environmental-impact', title: 'Environmental impact' },
  { id: 'C.2.5', key: 'fairness', title: 'Fairness' },
  { id: 'C.2.6', key: 'maintainability', title: 'Maintainability' },
  { id: 'C.2.7', key: 'privacy', title: 'Privacy' },
  { id: 'C.2.8', key: 'robustness', title: 'Robustness' },
  { id: 'C.2.9', key: 'safety', title: 'Safety' },
  { id: 'C.2.10', key: 'security', title: 'Security' },
  { id: 'C.2.11', key: 'transparency-and-explainability', title: 'Transparency and explainability' },
]);

export const annexCRiskSources: readonly AnnexCRiskSource[] = Object.freeze([
  { key: 'complexity-of-environment', title: 'Complexity of environment' },
  { key: 'lack-of-transparency-and-explainability', title: 'Lack of transparency and explainability' },
  { key: 'level-of-automation', title: 'Level of automation' },
  { key: 'machine-learning', title: 'Risk sources related to machine learning' },
  { key: 'system-hardware-issues', title: 'System hardware issues' },
  { key: 'system-life-cycle-issues', title: 'System life cycle issues' },
  { key: 'technology-readiness', title: 'Technology readiness' },
]);
