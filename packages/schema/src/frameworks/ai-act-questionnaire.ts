import { annexIIIAreas, highRiskDerogations, prohibitedPractices, transparencyCases } from './eu-ai-act.js';

/**
 * Answers to the EU AI Act questionnaire. The lists hold option ids of the catalogue: Art. 5
 * points (`5(1)(c)`), Annex III points as text (`4`), Art. 6(3) points (`6(3)(a)`) and Art. 50
 * paragraphs (`50(1)`). A question that does not apply is answered no, or with an empty list.
 */
export interface AiActAnswers {
  readonly prohibitedPractices: readonly string[];
  readonly annexIProduct: boolean;
  readonly thirdPartyConformityAssessment: boolean;
  readonly annexIIIAreas: readonly string[];
  readonly derogations: readonly string[];
  readonly profilesNaturalPersons: boolean;
  readonly transparencyCases: readonly string[];
}

/** A question is named after the field of the answers that holds its answer. */
export type AiActQuestionId = keyof AiActAnswers;

export interface AiActQuestionOption {
  /** The catalogue's id: what an answer lists. */
  readonly id: string;
  readonly title: string;
  /** A caveat, such as an amendment that is reported but not verified; null when none. */
  readonly note: string | null;
}

export interface AiActQuestion {
  readonly id: AiActQuestionId;
  /** Where the question comes from in the Act. */
  readonly article: string;
  readonly text: string;
  readonly help: string | null;
  /** `yes-no` answers with a boolean; `choose-any` with a list of option ids, empty for none. */
  readonly kind: 'yes-no' | 'choose-any';
  /** Empty for a yes-no question. */
  readonly options: readonly AiActQuestionOption[];
  /** The earlier question that must be answered yes (or with any option) for this one to apply; null when it always applies. */
  readonly askedWhen: AiActQuestionId | null;
}

/**
 * The questionnaire in the order the Act is applied: prohibitions (Art. 5), high-risk through
 * Annex I (Art. 6(1)) or Annex III (Art. 6(2)) with the derogation of Art. 6(3), then the
 * transparency cases of Art. 50. The options are the catalogue's entries, so the two never drift.
 */
export const aiActQuestionnaire: readonly AiActQuestion[] = Object.freeze([
  {
    id: 'prohibitedPractices',
    article: 'Art. 5(1)',
    text: 'Does the system engage in any of these prohibited practices?',
    help: 'Choose every practice that applies. Any one of them makes the system prohibited, whatever the other answers.',
    kind: 'choose-any',
    options: prohibitedPractices.map((practice) => ({
      id: practice.article,
      title: practice.summary,
      note: practice.status === 'reported' ? 'Reported amendment (Digital Omnibus on AI), not yet verified on EUR-Lex' : null,
    })),
    askedWhen: null,
  },
  {
    id: 'annexIProduct',
    article: 'Art. 6(1)(a), Annex I',
    text: 'Is the system a safety component of a product, or itself a product, covered by the Union harmonisation legislation listed in Annex I?',
    help: 'Annex I lists, among others, the rules on machinery, toys, lifts, radio equipment, pressure equipment, medical devices, in vitro diagnostic medical devices, civil aviation, motor vehicles and marine equipment.',
    kind: 'yes-no',
    options: [],
    askedWhen: null,
  },
  {
    id: 'thirdPartyConformityAssessment',
    article: 'Art. 6(1)(b)',
    text: 'Must that product undergo a third-party conformity assessment under that legislation?',
    help: 'Only then is the system high-risk under Art. 6(1).',
    kind: 'yes-no',
    options: [],
    askedWhen: 'annexIProduct',
  },
  {
    id: 'annexIIIAreas',
    article: 'Art. 6(2), Annex III',
    text: 'Is the system intended for a use case that Annex III lists in any of these areas?',
    help: 'Annex III names specific use cases in each area, and some exclusions (credit scoring leaves out the detection of financial fraud, for example): check the use case, not only the area.',
    kind: 'choose-any',
    options: annexIIIAreas.map((area) => ({ id: String(area.point), title: area.title, note: null })),
    askedWhen: null,
  },
  {
    id: 'derogations',
    article: 'Art. 6(3)',
    text: 'Does the system only do one of these, without materially influencing the outcome of decisions?',
    help: 'If so, it is not high-risk under Art. 6(3), unless it profiles natural persons. The provider documents this assessment (Art. 6(4)).',
    kind: 'choose-any',
    options: highRiskDerogations.map((derogation) => ({ id: derogation.article, title: derogation.title, note: null })),
    askedWhen: 'annexIIIAreas',
  },
  {
    id: 'profilesNaturalPersons',
    article: 'Art. 6(3), last subparagraph',
    text: 'Does the system profile natural persons?',
    help: 'Profiling as in Art. 4(4) GDPR: automated processing of personal data to evaluate or predict aspects of a person, such as work performance, economic situation, health, preferences, reliability, behaviour or location. An Annex III system that profiles is always high-risk.',
    kind: 'yes-no',
    options: [],
    askedWhen: 'annexIIIAreas',
  },
  {
    id: 'transparencyCases',
    article: 'Art. 50',
    text: 'Does the system do any of these?',
    help: 'Each case brings a transparency obligation, on top of the high-risk duties where those apply (Art. 50(6)).',
    kind: 'choose-any',
    options: transparencyCases.map((entry) => ({ id: entry.article, title: entry.title, note: null })),
    askedWhen: null,
  },
]);
