import type { RiskStatus, RiskTreatmentOption } from '@assay/schema';
import { addDays } from '../services/dates.js';

/**
 * The day the demo's history is written up to (a Monday). Every re-assessment of the demo
 * register is dated a whole number of weeks before it, so every demo database holds the same
 * history whatever day it was seeded. Fixed records elsewhere in the seed (the management review
 * of 24 June 2026, the internal audit of October 2026) are placed on the same calendar.
 */
export const DEMO_REFERENCE_DATE = '2026-11-23';

/** How far back the demo's risk history reaches. */
export const DEMO_HISTORY_WEEKS = 78;

/**
 * One assessment in a demo risk's history: how many weeks before the reference date it was made,
 * the inherent likelihood and impact, and (once treatment is under way) the residual pair.
 */
export type DemoRating = readonly [weeksAgo: number, likelihood: number, impact: number, residualLikelihood?: number, residualImpact?: number];

export interface DemoRiskSpec {
  /** Name of the AI system in DEMO_AI_SYSTEMS the risk belongs to; none for organisation-wide risks. */
  system?: string;
  title: string;
  description: string;
  /** Annex C.3 risk source and Annex C.2 objective (keys of the catalogue). */
  source: string;
  objective: string;
  controlIds: string[];
  /** The status today; earlier assessments were `assessed`, then `treating` once a residual rating was set. */
  status: RiskStatus;
  treatment?: RiskTreatmentOption;
  owner: string;
  /** Every assessment, oldest first; the last one is the rating of today. */
  history: readonly DemoRating[];
}

export interface DemoRisk extends DemoRiskSpec {
  likelihood: number;
  impact: number;
  residual?: { likelihood: number; impact: number };
}

const C = 'Credit decisioning model';
const F = 'Fraud detection model';
const A = 'Customer assistant';
const D = 'Income document reader';
const V = 'CV screening model';
const M = 'Marketing propensity model';

/**
 * The register's story over 18 months: it is built in the first weeks of the AIMS (credit, fraud,
 * document reading, marketing, organisation-wide), grows when the CV screener goes live about 60
 * weeks ago and the customer assistant about 36 weeks ago, peaks before the management review of
 * June 2026 (22 weeks ago), and falls as treatments land; the internal audit of October 2026
 * re-rates two risks upwards.
 */
const SPECS: readonly DemoRiskSpec[] = [
  // The first risk is the register's most serious one: the API tests rely on its 4 × 5.
  { system: C, title: 'Credit model under-approves applicants over 60', source: 'machine-learning', objective: 'fairness', controlIds: ['A.5.4', 'A.7.4', 'A.6.2.6'], status: 'treating', treatment: 'mitigate', owner: 'Head of Credit Risk', description: 'Approval rates for applicants over 60 are sliding towards four fifths of the best-served group.', history: [[76, 3, 5], [48, 4, 5], [28, 4, 5, 3, 5], [10, 4, 5, 2, 5]] },
  { system: C, title: 'Explanations for declined loans are incomplete', source: 'lack-of-transparency-and-explainability', objective: 'transparency-and-explainability', controlIds: ['A.8.2', 'A.6.2.7'], status: 'treating', treatment: 'mitigate', owner: 'Head of Credit Risk', description: 'Adverse action notices list generic reasons only; reason codes from the model are being added.', history: [[75, 3, 3], [40, 3, 4], [18, 3, 4, 2, 3], [6, 3, 4, 1, 3]] },
  { system: C, title: 'Declared income can be inflated to pass the credit model', source: 'machine-learning', objective: 'robustness', controlIds: ['A.7.4', 'A.6.2.4'], status: 'monitoring', treatment: 'mitigate', owner: 'Model Risk Manager', description: 'The model trusts declared income; the income document reader now verifies it before scoring.', history: [[74, 4, 4], [60, 4, 4, 2, 4]] },
  { system: C, title: 'Credit model not revalidated after the interest-rate rise', source: 'system-life-cycle-issues', objective: 'maintainability', controlIds: ['A.6.2.4', 'A.6.2.6'], status: 'monitoring', treatment: 'mitigate', owner: 'Model Risk Manager', description: 'Repayment behaviour changed with higher rates; validation ran on pre-rise data only.', history: [[70, 3, 4], [52, 4, 4], [36, 4, 4, 3, 4], [20, 4, 4, 2, 3]] },
  { system: C, title: 'Applicants cannot reach a person to contest a decline', source: 'level-of-automation', objective: 'accountability', controlIds: ['A.9.2', 'A.8.5'], status: 'monitoring', treatment: 'mitigate', owner: 'Head of Customer Operations', description: 'Automated declines gave no route to a human review until the complaints desk took them on.', history: [[72, 3, 4], [44, 3, 4, 2, 4], [16, 3, 4, 1, 4]] },
  { system: C, title: 'Credit model documentation not ready for Annex IV', source: 'system-life-cycle-issues', objective: 'accountability', controlIds: ['A.6.2.7', 'A.6.2.3'], status: 'treating', treatment: 'mitigate', owner: 'AI Governance Officer', description: 'The technical documentation a high-risk provider must keep is spread over wiki pages and notebooks.', history: [[66, 4, 4], [30, 4, 4, 3, 4], [8, 4, 4, 2, 4]] },
  { system: C, title: 'Postcode features act as a proxy for nationality', source: 'machine-learning', objective: 'fairness', controlIds: ['A.7.4', 'A.5.4'], status: 'monitoring', treatment: 'mitigate', owner: 'Model Risk Manager', description: 'Fine-grained postcode features correlate with nationality in three cities; they were coarsened to districts.', history: [[50, 3, 4], [26, 3, 4, 2, 4]] },

  { system: F, title: 'Training data for fraud model lacks provenance records', source: 'machine-learning', objective: 'training-and-test-data', controlIds: ['A.7.5', 'A.7.3'], status: 'treating', treatment: 'mitigate', owner: 'Data Governance Lead', description: 'Two vendor feeds arrive without lineage, so A.7.5 evidence cannot be produced.', history: [[77, 3, 4], [40, 3, 4, 2, 4], [9, 3, 4, 1, 4]] },
  { system: F, title: 'No human review of automated account closures', source: 'level-of-automation', objective: 'accountability', controlIds: ['A.9.2'], status: 'treating', treatment: 'avoid', owner: 'Head of Operations', description: 'Closures triggered by the anomaly model ran without a second look; automatic closure is being withdrawn.', history: [[73, 3, 5], [45, 3, 5, 2, 5], [18, 2, 5, 1, 5]] },
  { system: F, title: 'Fraud model misses new authorised push payment scams', source: 'complexity-of-environment', objective: 'robustness', controlIds: ['A.6.2.6', 'A.6.2.4'], status: 'treating', treatment: 'mitigate', owner: 'Fraud Operations Lead', description: 'Scam patterns change faster than the quarterly retraining; losses rose in the spring.', history: [[71, 3, 4], [39, 4, 4], [25, 4, 4, 3, 4], [7, 4, 4, 2, 4]] },
  { system: F, title: "False fraud alerts freeze genuine customers' accounts", source: 'machine-learning', objective: 'robustness', controlIds: ['A.9.2', 'A.6.2.6'], status: 'monitoring', treatment: 'mitigate', owner: 'Fraud Operations Lead', description: 'A false alert blocks card and account until a call back; the alert threshold now depends on the amount.', history: [[68, 3, 3], [38, 3, 3, 2, 3]] },
  { system: F, title: 'Fraudsters probe the fraud model to learn its thresholds', source: 'complexity-of-environment', objective: 'security', controlIds: ['A.6.2.6', 'A.6.2.8'], status: 'monitoring', treatment: 'mitigate', owner: 'Information Security Officer', description: 'Repeated small test transactions can map where alerts start; velocity rules now catch the probing.', history: [[60, 2, 4], [28, 2, 4, 1, 4]] },

  { system: A, title: 'Chat assistant gives unqualified financial advice', source: 'lack-of-transparency-and-explainability', objective: 'safety', controlIds: ['A.8.2', 'A.9.4'], status: 'treating', treatment: 'mitigate', owner: 'Digital Channels Manager', description: 'Customers may act on generated answers that read as personal advice; the assistant now refuses advice topics.', history: [[38, 4, 5], [26, 4, 5, 3, 5], [12, 3, 5, 2, 5]] },
  { system: A, title: 'Prompt injection through uploaded documents', source: 'technology-readiness', objective: 'security', controlIds: ['A.6.2.4', 'A.9.4'], status: 'assessed', owner: 'Information Security Officer', description: 'Uploaded statements can carry instructions the assistant follows; a red-team test found two ways in.', history: [[35, 3, 4], [14, 2, 4]] },
  { system: A, title: 'Customers not told they are talking to an AI system', source: 'lack-of-transparency-and-explainability', objective: 'transparency-and-explainability', controlIds: ['A.8.2', 'A.8.5'], status: 'monitoring', treatment: 'mitigate', owner: 'Digital Channels Manager', description: 'Art. 50(1) requires the notice at the first interaction; the website widget launched without it.', history: [[40, 3, 4], [34, 3, 4, 1, 4]] },
  { system: A, title: 'Chat assistant invents loan terms', source: 'technology-readiness', objective: 'robustness', controlIds: ['A.6.2.4', 'A.9.4'], status: 'treating', treatment: 'mitigate', owner: 'Digital Channels Manager', description: 'Generated answers quoted rates and fees that no product has; answers now come from the product catalogue.', history: [[37, 4, 4], [29, 4, 4, 3, 4], [13, 4, 4, 2, 4], [4, 3, 4, 2, 4]] },
  { system: A, title: 'Chat transcripts kept by the model provider', source: 'complexity-of-environment', objective: 'privacy', controlIds: ['A.10.3', 'A.10.2'], status: 'monitoring', treatment: 'mitigate', owner: 'Data Protection Officer', description: "Transcripts with account details went to the provider's logs; zero retention was agreed in the contract.", history: [[39, 3, 4], [31, 3, 4, 2, 4], [15, 3, 4, 1, 4]] },
  { system: A, title: 'Customers in financial difficulty are not passed to staff', source: 'level-of-automation', objective: 'safety', controlIds: ['A.9.2', 'A.5.4'], status: 'treating', treatment: 'mitigate', owner: 'Head of Customer Operations', description: 'The assistant answers arrears questions itself instead of handing over to the hardship team.', history: [[34, 3, 5], [23, 3, 5, 2, 5], [5, 3, 5, 2, 4]] },
  { system: A, title: 'Provider changes the general-purpose model without notice', source: 'system-life-cycle-issues', objective: 'maintainability', controlIds: ['A.10.3'], status: 'treating', treatment: 'transfer', owner: 'Procurement Lead', description: 'A new model version changed tone and refusals overnight; the contract now asks for 30 days of notice.', history: [[36, 3, 3], [20, 3, 3, 2, 3]] },

  { system: D, title: 'Model drift in income verification after policy change', source: 'machine-learning', objective: 'robustness', controlIds: ['A.6.2.6', 'A.7.4'], status: 'monitoring', treatment: 'mitigate', owner: 'Model Risk Manager', description: 'New documentation rules changed the input distribution.', history: [[64, 3, 3], [46, 4, 3], [32, 4, 3, 3, 3], [19, 4, 3, 2, 3]] },
  { system: D, title: 'Supplier model update without notice', source: 'system-life-cycle-issues', objective: 'maintainability', controlIds: ['A.10.3', 'A.10.2'], status: 'treating', treatment: 'transfer', owner: 'Procurement Lead', description: 'The document OCR supplier shipped new weights without a change log; found by the internal audit.', history: [[69, 2, 3], [6, 3, 3], [3, 3, 3, 2, 3]] },
  { system: D, title: 'Forged payslips pass the document checks', source: 'complexity-of-environment', objective: 'security', controlIds: ['A.6.2.4', 'A.9.2'], status: 'monitoring', treatment: 'mitigate', owner: 'Fraud Operations Lead', description: 'Edited PDFs pass the reader; employer checks now run on a sample and on every high amount.', history: [[67, 3, 4], [43, 3, 4, 2, 4]] },
  { system: D, title: 'Bank statements kept longer than needed', source: 'system-life-cycle-issues', objective: 'privacy', controlIds: ['A.7.6', 'A.4.3'], status: 'closed', treatment: 'mitigate', owner: 'Data Protection Officer', description: 'Uploaded statements stayed in the document store after the decision; they are now deleted after 90 days.', history: [[65, 3, 3], [47, 3, 3, 1, 3]] },

  { system: V, title: 'CV screener shortlists fewer women', source: 'machine-learning', objective: 'fairness', controlIds: ['A.5.4', 'A.6.2.6', 'A.10.3'], status: 'monitoring', treatment: 'mitigate', owner: 'Head of Talent Acquisition', description: "The supplier's model may select women at a lower rate than men; weekly fairness monitoring watches disparate impact against the four-fifths rule.", history: [[61, 4, 4], [44, 3, 4], [38, 3, 4, 2, 4]] },
  { system: V, title: 'Recruiters reject applications unread below a rank', source: 'level-of-automation', objective: 'accountability', controlIds: ['A.9.2', 'A.9.4'], status: 'treating', treatment: 'mitigate', owner: 'Head of Talent Acquisition', description: 'Automation bias: applications ranked low were closed without anyone reading them.', history: [[58, 4, 4], [41, 4, 4, 3, 4], [17, 4, 4, 2, 4]] },
  { system: V, title: 'Career gaps lower the rank of carers', source: 'machine-learning', objective: 'fairness', controlIds: ['A.5.4', 'A.7.4'], status: 'monitoring', treatment: 'mitigate', owner: 'Head of Talent Acquisition', description: 'Gaps for caring or illness count against applicants; gap length was removed from the role profile.', history: [[57, 3, 4], [27, 3, 4, 2, 4]] },
  { system: V, title: 'Applicants not told that AI ranks their application', source: 'lack-of-transparency-and-explainability', objective: 'transparency-and-explainability', controlIds: ['A.8.5', 'A.8.2'], status: 'monitoring', treatment: 'mitigate', owner: 'Head of Talent Acquisition', description: 'The job portal did not say that applications are ranked by an AI system (Art. 26(11)).', history: [[60, 4, 3], [49, 4, 3, 1, 3]] },
  { system: V, title: "No access to the supplier's technical documentation", source: 'complexity-of-environment', objective: 'accountability', controlIds: ['A.10.3', 'A.10.2'], status: 'treating', treatment: 'transfer', owner: 'Procurement Lead', description: 'The supplier shares marketing material only; the contract renewal asks for the instructions for use of Art. 13.', history: [[62, 3, 4], [37, 3, 4, 2, 4], [2, 3, 4, 2, 3]] },
  { system: V, title: 'Works council not consulted before the screener was used', source: 'complexity-of-environment', objective: 'accountability', controlIds: ['A.8.5', 'A.3.2'], status: 'closed', treatment: 'mitigate', owner: 'HR Director', description: 'Art. 26(7) asks deployers to inform workers’ representatives first; the council was briefed after go-live.', history: [[59, 3, 3], [54, 3, 3, 1, 3]] },

  { system: M, title: 'Credit offers target customers in financial difficulty', source: 'machine-learning', objective: 'safety', controlIds: ['A.5.4', 'A.9.4'], status: 'monitoring', treatment: 'mitigate', owner: 'Head of Marketing', description: 'High propensity tracks financial stress; customers in arrears or on hardship plans are now excluded from credit offers.', history: [[70, 3, 5], [44, 3, 5, 2, 5], [22, 3, 5, 1, 5]] },
  { system: M, title: 'Customers who objected to direct marketing are still profiled', source: 'system-life-cycle-issues', objective: 'privacy', controlIds: ['A.7.3', 'A.9.4'], status: 'monitoring', treatment: 'mitigate', owner: 'Data Protection Officer', description: 'Objections under GDPR Art. 21 stopped the mailings but not the scoring; objected customers are now filtered out of the training and scoring data.', history: [[66, 2, 4], [52, 2, 4, 1, 4]] },
  { system: M, title: 'Propensity scores reused for credit limit increases', source: 'level-of-automation', objective: 'accountability', controlIds: ['A.9.4', 'A.9.3'], status: 'monitoring', treatment: 'avoid', owner: 'Head of Marketing', description: 'A card team used the score to pick customers for limit increases, a use it was never validated for.', history: [[47, 3, 4], [25, 3, 4, 2, 4], [9, 3, 4, 1, 4]] },

  { title: 'Event logs kept for less than six months', source: 'system-life-cycle-issues', objective: 'accountability', controlIds: ['A.6.2.8'], status: 'treating', treatment: 'mitigate', owner: 'Platform Engineering Lead', description: 'Inference logs rotate after 90 days on two services (major nonconformity of the internal audit).', history: [[76, 2, 4], [6, 4, 4], [5, 4, 4, 2, 4]] },
  { title: 'Staff unaware of the AI incident reporting route', source: 'system-life-cycle-issues', objective: 'ai-expertise', controlIds: ['A.3.3', 'A.4.6'], status: 'treating', treatment: 'mitigate', owner: 'AI Governance Officer', description: 'The reporting channel of A.3.3 is not in onboarding material.', history: [[74, 3, 2], [26, 3, 2, 2, 2], [5, 3, 2, 1, 2]] },
  { title: 'Energy use of retraining not monitored', source: 'system-hardware-issues', objective: 'environmental-impact', controlIds: ['A.4.5'], status: 'monitoring', treatment: 'accept', owner: 'Sustainability Officer', description: 'No figure exists for the retraining pipeline.', history: [[72, 2, 2]] },
  { title: 'Outdated model cards for retired systems', source: 'system-life-cycle-issues', objective: 'transparency-and-explainability', controlIds: ['A.8.5'], status: 'closed', treatment: 'accept', owner: 'AI Governance Officer', description: 'Two retired models still have public model cards.', history: [[71, 2, 2], [40, 1, 2]] },
  { title: 'Too few staff can validate models', source: 'technology-readiness', objective: 'ai-expertise', controlIds: ['A.4.6', 'A.3.2'], status: 'treating', treatment: 'mitigate', owner: 'Chief Risk Officer', description: 'Two validators cover six AI systems; a third was hired and validation training runs for the first line.', history: [[75, 4, 3], [42, 4, 3, 3, 3], [13, 3, 3, 2, 3]] },
  { title: 'No single inventory of the AI systems in use', source: 'complexity-of-environment', objective: 'accountability', controlIds: ['A.4.2', 'A.6.2.7'], status: 'monitoring', treatment: 'mitigate', owner: 'AI Governance Officer', description: 'Systems were listed per department; the AI system register in Assay is now the single inventory.', history: [[78, 4, 3], [63, 4, 3, 2, 3], [30, 4, 3, 1, 3]] },
  { title: 'Staff paste customer data into public chat tools', source: 'technology-readiness', objective: 'privacy', controlIds: ['A.9.2', 'A.2.3'], status: 'treating', treatment: 'mitigate', owner: 'Information Security Officer', description: 'Public generative AI tools were used to draft customer letters; an approved internal tool and web filtering followed.', history: [[45, 4, 4], [35, 4, 4, 3, 4], [15, 4, 4, 2, 4]] },
  { title: 'EU AI Act obligations missed as application dates approach', source: 'complexity-of-environment', objective: 'accountability', controlIds: ['A.2.3', 'A.8.3'], status: 'monitoring', treatment: 'mitigate', owner: 'Head of Compliance', description: 'Provider and deployer duties start on different dates; a compliance calendar per system tracks them.', history: [[73, 3, 4], [36, 3, 4, 2, 4], [10, 2, 4, 1, 4]] },
  { title: 'Models deployed without sign-off from model risk', source: 'system-life-cycle-issues', objective: 'accountability', controlIds: ['A.6.2.5', 'A.6.1.3'], status: 'monitoring', treatment: 'mitigate', owner: 'Model Risk Manager', description: 'A retrained fraud model went live before validation; deployment now needs the validation record.', history: [[77, 3, 4], [55, 3, 4, 2, 4], [29, 3, 4, 1, 4]] },
];

/** The demo organisation's risk register, each risk with its current rating taken from the last assessment of its history. */
export const DEMO_RISKS: readonly DemoRisk[] = SPECS.map((spec) => {
  const [, likelihood, impact, residualLikelihood, residualImpact] = spec.history.at(-1)!;
  return { ...spec, likelihood, impact, ...(residualLikelihood !== undefined && residualImpact !== undefined ? { residual: { likelihood: residualLikelihood, impact: residualImpact } } : {}) };
});

/** The day of an assessment `weeksAgo` weeks before the reference date. */
export function demoWeekDate(reference: string, weeksAgo: number): string {
  return addDays(reference, -7 * weeksAgo);
}
