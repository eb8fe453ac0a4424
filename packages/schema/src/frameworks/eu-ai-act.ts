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
  /** ISO date. */
  readonly date: string;
  readonly applies: string;
  readonly basis: string;
  /** `in-force` per Art. 113 as adopted; `reported` for Digital Omnibus changes reported but not verified. */
  readonly status: 'in-force' | 'reported';
}

export const aiActApplicationDates: readonly ApplicationDate[] = Object.freeze([
  { date: '2025-02-02', applies: 'Chapters I and II: AI literacy and the prohibitions', basis: 'Art. 113(a)', status: 'in-force' },
  { date: '2025-08-02', applies: 'Notified bodies, general-purpose AI, governance, penalties (except Art. 101), Art. 78', basis: 'Art. 113(b)', status: 'in-force' },
  { date: '2026-08-02', applies: 'General application: Annex III high-risk systems, Art. 50 transparency, Art. 101', basis: 'Art. 113', status: 'in-force' },
  { date: '2027-08-02', applies: 'High-risk systems under Art. 6(1) and Annex I', basis: 'Art. 113(c)', status: 'in-force' },
  { date: '2030-08-02', applies: 'High-risk systems of public authorities placed on the market before 2 Aug 2026', basis: 'Art. 111(2)', status: 'in-force' },
  { date: '2030-12-31', applies: 'Large-scale IT systems of Annex X', basis: 'Art. 111(1)', status: 'in-force' },
  { date: '2026-12-02', applies: 'Art. 50(2) marking of synthetic content; new Art. 5 ban on non-consensual intimate imagery', basis: 'Digital Omnibus on AI', status: 'reported' },
  { date: '2027-12-02', applies: 'Annex III high-risk obligations (postponed)', basis: 'Digital Omnibus on AI', status: 'reported' },
  { date: '2028-08-02', applies: 'Annex I high-risk obligations (postponed)', basis: 'Digital Omnibus on AI', status: 'reported' },
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
