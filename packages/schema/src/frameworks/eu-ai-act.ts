/**
 * Facts of the EU AI Act (Regulation (EU) 2024/1689) that Assay uses, kept as data because the
 * Act is being amended: the Digital Omnibus on AI moves several dates. Descriptions are
 * paraphrases. Check amendments against the Official Journal before relying on a date.
 */
export interface ProhibitedPractice {
  /** The point of Art. 5(1), e.g. `5(1)(c)`. */
  readonly article: string;
  readonly summary: string;
  /** `in-force` as adopted in 2024; `reported` for amendments reported but not yet verified. */
  readonly status: 'in-force' | 'reported';
}

export const prohibitedPractices: readonly ProhibitedPractice[] = Object.freeze([
  { article: '5(1)(a)', summary: 'Subliminal, manipulative or deceptive techniques that distort behaviour', status: 'in-force' },
  { article: '5(1)(b)', summary: 'Exploiting vulnerabilities of age, disability or social or economic situation', status: 'in-force' },
  { article: '5(1)(c)', summary: 'Social scoring', status: 'in-force' },
  { article: '5(1)(d)', summary: 'Predicting crime risk solely from profiling or personality traits', status: 'in-force' },
  { article: '5(1)(e)', summary: 'Untargeted scraping of facial images to build recognition databases', status: 'in-force' },
  { article: '5(1)(f)', summary: 'Inferring emotions at work or in education, except for medical or safety reasons', status: 'in-force' },
  { article: '5(1)(g)', summary: 'Biometric categorisation that infers sensitive characteristics', status: 'in-force' },
  { article: '5(1)(h)', summary: 'Real-time remote biometric identification in public spaces for law enforcement, with narrow exceptions', status: 'in-force' },
  { article: '5 (Digital Omnibus)', summary: 'Generating non-consensual intimate imagery or child sexual abuse material', status: 'reported' },
]);

export interface AnnexIIIArea {
  readonly point: number;
  readonly title: string;
}

/** The 8 areas of Annex III whose systems are high-risk under Art. 6(2), subject to the Art. 6(3) derogation. */
export const annexIIIAreas: readonly AnnexIIIArea[] = Object.freeze([
  { point: 1, title: 'Biometrics' },
  { point: 2, title: 'Critical infrastructure' },
  { point: 3, title: 'Education and vocational training' },
  { point: 4, title: 'Employment, workers management and access to self-employment' },
  { point: 5, title: 'Access to essential private and public services and benefits' },
  { point: 6, title: 'Law enforcement' },
  { point: 7, title: 'Migration, asylum and border control management' },
  { point: 8, title: 'Administration of justice and democratic processes' },
]);

export interface ApplicationDate {
  /** A stable key, so obligations can name the date they apply from. */
  readonly id: string;
  /** ISO date. */
  readonly date: string;
  readonly applies: string;
  readonly basis: string;
  /** `in-force` per Art. 113 as adopted; `reported` for Digital Omnibus changes reported but not verified. */
  readonly status: 'in-force' | 'reported';
}

export const aiActApplicationDates: readonly ApplicationDate[] = Object.freeze([
  { id: 'prohibitions', date: '2025-02-02', applies: 'Chapters I and II: AI literacy and the prohibitions', basis: 'Art. 113(a)', status: 'in-force' },
  { id: 'gpai-and-governance', date: '2025-08-02', applies: 'Notified bodies, general-purpose AI, governance, penalties (except Art. 101), Art. 78', basis: 'Art. 113(b)', status: 'in-force' },
  { id: 'general', date: '2026-08-02', applies: 'General application: Annex III high-risk systems, Art. 50 transparency, Art. 101', basis: 'Art. 113', status: 'in-force' },
  { id: 'annex-i', date: '2027-08-02', applies: 'High-risk systems under Art. 6(1) and Annex I', basis: 'Art. 113(c)', status: 'in-force' },
  { id: 'public-authority-legacy', date: '2030-08-02', applies: 'High-risk systems of public authorities placed on the market before 2 Aug 2026', basis: 'Art. 111(2)', status: 'in-force' },
  { id: 'annex-x', date: '2030-12-31', applies: 'Large-scale IT systems of Annex X', basis: 'Art. 111(1)', status: 'in-force' },
  { id: 'omnibus-marking-and-ban', date: '2026-12-02', applies: 'Art. 50(2) marking of synthetic content; new Art. 5 ban on non-consensual intimate imagery', basis: 'Digital Omnibus on AI', status: 'reported' },
  { id: 'omnibus-annex-iii', date: '2027-12-02', applies: 'Annex III high-risk obligations (postponed)', basis: 'Digital Omnibus on AI', status: 'reported' },
  { id: 'omnibus-annex-i', date: '2028-08-02', applies: 'Annex I high-risk obligations (postponed)', basis: 'Digital Omnibus on AI', status: 'reported' },
]);

/** Days within which a serious incident must be reported under Art. 73, by case. */
export const seriousIncidentDeadlines = Object.freeze({
  /** The general case. */
  general: 15,
  /** Widespread infringement or serious disruption of critical infrastructure. */
  widespreadOrCriticalInfrastructure: 2,
  /** The death of a person. */
  death: 10,
});

export interface HighRiskDerogation {
  /** The point of Art. 6(3), e.g. `6(3)(a)`. */
  readonly article: string;
  readonly title: string;
}

/**
 * The conditions of Art. 6(3) under which an Annex III system is not high-risk, because it does
 * not materially influence the outcome of decisions. None of them holds for a system that profiles
 * natural persons (the last subparagraph of Art. 6(3)); the provider documents the assessment (Art. 6(4)).
 */
export const highRiskDerogations: readonly HighRiskDerogation[] = Object.freeze([
  { article: '6(3)(a)', title: 'Performs a narrow procedural task' },
  { article: '6(3)(b)', title: 'Improves the result of a previously completed human activity' },
  { article: '6(3)(c)', title: 'Detects decision-making patterns or deviations from them, without replacing or influencing the completed human assessment without proper human review' },
  { article: '6(3)(d)', title: 'Performs a task preparatory to an assessment relevant to an Annex III use case' },
]);

/** Who an obligation of the Act is addressed to. */
export type AiActAddressee = 'providers' | 'deployers' | 'providers and deployers';

/** A duty of the Act, paraphrased; `article` is how the Act numbers it. */
export interface AiActObligation {
  readonly article: string;
  readonly title: string;
  readonly addressee: AiActAddressee;
  readonly summary: string;
}

export interface TransparencyCase {
  /** The paragraph of Art. 50, e.g. `50(1)`. */
  readonly article: string;
  readonly title: string;
  /** What the case requires, and of whom. */
  readonly obligation: AiActObligation;
}

/** The cases of Art. 50 that bring transparency obligations, in addition to any other tier's duties (Art. 50(6)). */
export const transparencyCases: readonly TransparencyCase[] = Object.freeze([
  {
    article: '50(1)',
    title: 'Interacts directly with natural persons',
    obligation: { article: 'Art. 50(1)', title: 'Disclosure of interaction with AI', addressee: 'providers', summary: 'Tell people they are interacting with an AI system, unless that is obvious from the context, at the latest at the first interaction.' },
  },
  {
    article: '50(2)',
    title: 'Generates synthetic audio, image, video or text',
    obligation: { article: 'Art. 50(2)', title: 'Marking of synthetic content', addressee: 'providers', summary: 'Mark the outputs in a machine-readable way so that they can be detected as artificially generated or manipulated.' },
  },
  {
    article: '50(3)',
    title: 'Performs emotion recognition or biometric categorisation',
    obligation: { article: 'Art. 50(3)', title: 'Information on emotion recognition or biometric categorisation', addressee: 'deployers', summary: 'Inform the people exposed to the system that it is operating, and process their personal data as data protection law requires.' },
  },
  {
    article: '50(4)',
    title: 'Produces deep fakes, or text published to inform the public on matters of public interest',
    obligation: { article: 'Art. 50(4)', title: 'Disclosure of deep fakes and generated text', addressee: 'deployers', summary: 'Disclose that the content was artificially generated or manipulated.' },
  },
]);

/**
 * The obligations each outcome of the classification brings, paraphrased. `literacy` applies to
 * every system; `highRisk` to every high-risk one; `annexIII` only to those high-risk through
 * Annex III (registration, fundamental rights impact assessment, explanation); `derogation` to an
 * Annex III system that the Art. 6(3) derogation takes out of the high-risk tier.
 */
export type AiActObligationGroup = 'literacy' | 'prohibited' | 'highRisk' | 'annexIII' | 'derogation';

export const aiActObligations: Readonly<Record<AiActObligationGroup, readonly AiActObligation[]>> = Object.freeze({
  literacy: [
    { article: 'Art. 4', title: 'AI literacy', addressee: 'providers and deployers', summary: 'Make sure the staff who operate or use the system have a sufficient level of AI literacy.' },
  ],
  prohibited: [
    {
      article: 'Art. 5',
      title: 'Prohibited AI practices',
      addressee: 'providers and deployers',
      summary: 'Do not place the system on the market, put it into service or use it in the EU; fines reach €35 m or 7% of worldwide turnover (Art. 99(3)).',
    },
  ],
  highRisk: [
    { article: 'Art. 9', title: 'Risk management system', addressee: 'providers', summary: 'Establish, run and document a risk management system over the whole life cycle.' },
    { article: 'Art. 10', title: 'Data and data governance', addressee: 'providers', summary: 'Train, validate and test on data that is relevant, representative and examined for possible biases.' },
    { article: 'Art. 11', title: 'Technical documentation', addressee: 'providers', summary: 'Draw up the technical documentation of Annex IV before placing the system on the market, and keep it up to date.' },
    { article: 'Art. 12', title: 'Record-keeping', addressee: 'providers', summary: 'Let the system log events automatically over its lifetime.' },
    { article: 'Art. 13', title: 'Transparency and information to deployers', addressee: 'providers', summary: 'Provide instructions for use that let deployers interpret the output and use it appropriately.' },
    { article: 'Art. 14', title: 'Human oversight', addressee: 'providers', summary: 'Design the system so that people can oversee it effectively while it is in use.' },
    { article: 'Art. 15', title: 'Accuracy, robustness and cybersecurity', addressee: 'providers', summary: 'Achieve, and declare in the instructions, appropriate levels of accuracy, robustness and cybersecurity.' },
    { article: 'Art. 17', title: 'Quality management system', addressee: 'providers', summary: 'Put in place a documented quality management system covering points (a) to (m).' },
    {
      article: 'Art. 43',
      title: 'Conformity assessment',
      addressee: 'providers',
      summary: 'Have the system pass the applicable conformity assessment, then draw up the EU declaration of conformity (Art. 47) and affix the CE marking (Art. 48).',
    },
    { article: 'Art. 72', title: 'Post-market monitoring', addressee: 'providers', summary: 'Monitor the system once it is on the market, following a documented plan.' },
    {
      article: 'Art. 73',
      title: 'Reporting of serious incidents',
      addressee: 'providers',
      summary: 'Report serious incidents to the market surveillance authority within 15 days (2 for widespread or critical-infrastructure cases, 10 for a death).',
    },
    {
      article: 'Art. 26',
      title: 'Obligations of deployers',
      addressee: 'deployers',
      summary: 'Use the system as instructed, assign competent human oversight, monitor it, keep its logs at least six months, and inform workers and affected persons.',
    },
  ],
  annexIII: [
    {
      article: 'Art. 49',
      title: 'Registration',
      addressee: 'providers',
      summary: 'Register the system in the EU database before placing it on the market or putting it into service (systems of Annex III point 2 are registered nationally).',
    },
    {
      article: 'Art. 27',
      title: 'Fundamental rights impact assessment',
      addressee: 'deployers',
      summary: 'Before first use, assess the impact on fundamental rights if you are a public body or provide public services, or use the system for credit scoring or life and health insurance pricing.',
    },
    { article: 'Art. 86', title: 'Right to explanation', addressee: 'deployers', summary: 'Explain to an affected person, on request, the role the system played in a decision about them.' },
  ],
  derogation: [
    {
      article: 'Art. 6(4)',
      title: 'Documented assessment of a non-high-risk Annex III system',
      addressee: 'providers',
      summary: 'Document the assessment that the system is not high-risk before placing it on the market, register it (Art. 49(2)), and show the documentation to national authorities on request.',
    },
  ],
});
