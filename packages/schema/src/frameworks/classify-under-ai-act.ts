import type { EuAiActTier } from '../enums.js';
import { AiActAnswerError } from './ai-act-answer-error.js';
import type { AiActAnswers, AiActQuestionId } from './ai-act-questionnaire.js';
import { type AiActObligation, aiActApplicationDates, aiActObligations, annexIIIAreas, highRiskDerogations, prohibitedPractices, transparencyCases } from './eu-ai-act.js';

/** The tiers the questionnaire can reach; general-purpose AI models are classified apart (Art. 51). */
export type AiActClassificationTier = Extract<EuAiActTier, 'prohibited' | 'high-risk' | 'limited' | 'minimal'>;

/** An obligation the classification brings, with the dates it applies from. */
export interface TriggeredObligation extends AiActObligation {
  /** ISO date from which it applies, per Art. 113 as adopted. */
  readonly appliesFrom: string;
  /** The date a reported amendment (the Digital Omnibus on AI) moves it to; null when none is reported. Verify on EUR-Lex. */
  readonly reportedAppliesFrom: string | null;
}

export interface AiActClassification {
  readonly tier: AiActClassificationTier;
  /** Why, in sentences that cite the articles and the catalogue's ids and titles, in the order the Act is applied. */
  readonly rationale: string;
  /** What the tier and the transparency cases bring, most demanding first; AI literacy (Art. 4) last. */
  readonly obligations: readonly TriggeredObligation[];
  /** The answers as checked: ids trimmed, each once, in the catalogue's order. */
  readonly answers: AiActAnswers;
}

/** The catalogue's date with this key; a missing one is a defect of the catalogue, found when the module loads. */
function dateOf(id: string): string {
  const entry = aiActApplicationDates.find((candidate) => candidate.id === id);
  if (!entry) throw new Error(`classifyUnderAiAct: the catalogue has no application date "${id}"`);
  return entry.date;
}

const DATES = {
  prohibitions: dateOf('prohibitions'),
  general: dateOf('general'),
  annexI: dateOf('annex-i'),
  reportedMarking: dateOf('omnibus-marking-and-ban'),
  reportedAnnexIII: dateOf('omnibus-annex-iii'),
  reportedAnnexI: dateOf('omnibus-annex-i'),
};

/** The catalogue entries an answer lists, each once and in the catalogue's order; an unknown id names the field and its position. */
function chosen<Entry>(field: AiActQuestionId, raw: readonly string[], entries: readonly Entry[], idOf: (entry: Entry) => string, what: string): Entry[] {
  const wanted = new Set<string>();
  raw.forEach((value, index) => {
    const id = value.trim();
    if (!entries.some((entry) => idOf(entry) === id)) throw new AiActAnswerError(field, `item ${index + 1} names no ${what}: "${value}"`);
    wanted.add(id);
  });
  return entries.filter((entry) => wanted.has(idOf(entry)));
}

function dated(obligations: readonly AiActObligation[], appliesFrom: string, reportedAppliesFrom: string | null): TriggeredObligation[] {
  return obligations.map((obligation) => ({ ...obligation, appliesFrom, reportedAppliesFrom }));
}

/**
 * Classifies an AI system under the EU AI Act (Regulation (EU) 2024/1689) from the answers to
 * the questionnaire, walking it in the Act's order:
 * 1. any prohibited practice of Art. 5(1) → prohibited (nothing else matters);
 * 2. a safety component of (or itself) an Annex I product that needs third-party conformity
 *    assessment → high-risk (Art. 6(1));
 * 3. an Annex III area → high-risk (Art. 6(2)), unless a condition of Art. 6(3) holds and the
 *    system does not profile natural persons;
 * 4. any Art. 50 case → limited (transparency obligations; they also add to a high-risk tier);
 * 5. otherwise minimal.
 *
 * @throws AiActAnswerError for an id the catalogue does not know, or an answer to a question that
 * does not apply (Art. 6(1)(b) without an Annex I product; Art. 6(3) without an Annex III area).
 * @example
 * classifyUnderAiAct({ prohibitedPractices: [], annexIProduct: false, thirdPartyConformityAssessment: false,
 *   annexIIIAreas: ['4'], derogations: [], profilesNaturalPersons: true, transparencyCases: [] }).tier
 * // → 'high-risk'
 */
export function classifyUnderAiAct(answers: AiActAnswers): AiActClassification {
  const practices = chosen('prohibitedPractices', answers.prohibitedPractices, prohibitedPractices, (practice) => practice.article, 'prohibited practice of Art. 5');
  const areas = chosen('annexIIIAreas', answers.annexIIIAreas, annexIIIAreas, (area) => String(area.point), 'area of Annex III');
  const derogations = chosen('derogations', answers.derogations, highRiskDerogations, (derogation) => derogation.article, 'condition of Art. 6(3)');
  const cases = chosen('transparencyCases', answers.transparencyCases, transparencyCases, (entry) => entry.article, 'case of Art. 50');
  if (answers.thirdPartyConformityAssessment && !answers.annexIProduct) {
    throw new AiActAnswerError('thirdPartyConformityAssessment', 'applies only to a product covered by Annex I: answer annexIProduct yes, or this one no');
  }
  if (areas.length === 0 && derogations.length > 0) {
    throw new AiActAnswerError('derogations', 'apply only to a system in an Annex III area: choose one in annexIIIAreas, or leave derogations empty');
  }
  if (areas.length === 0 && answers.profilesNaturalPersons) {
    throw new AiActAnswerError('profilesNaturalPersons', 'matters only for a system in an Annex III area: choose one in annexIIIAreas, or answer no');
  }
  const checked: AiActAnswers = {
    prohibitedPractices: practices.map((practice) => practice.article),
    annexIProduct: answers.annexIProduct,
    thirdPartyConformityAssessment: answers.thirdPartyConformityAssessment,
    annexIIIAreas: areas.map((area) => String(area.point)),
    derogations: derogations.map((derogation) => derogation.article),
    profilesNaturalPersons: answers.profilesNaturalPersons,
    transparencyCases: cases.map((entry) => entry.article),
  };

  // Step 1, Art. 5: a prohibited practice ends the questionnaire.
  if (practices.length > 0) {
    const cited = practices.map((practice) => `${practice.article} ${practice.summary}${practice.status === 'reported' ? ' (a reported amendment, not yet verified)' : ''}`);
    return {
      tier: 'prohibited',
      rationale: `Prohibited under Art. 5: ${cited.join('; ')}. Such a system must not be placed on the market, put into service or used in the EU.`,
      obligations: dated(aiActObligations.prohibited, DATES.prohibitions, null),
      answers: checked,
    };
  }

  const sentences: string[] = [];
  // Step 2, Art. 6(1): both conditions, an Annex I product and third-party conformity assessment.
  const annexIHighRisk = answers.annexIProduct && answers.thirdPartyConformityAssessment;
  if (annexIHighRisk) {
    sentences.push('High-risk under Art. 6(1): a safety component of a product, or itself a product, covered by the Union harmonisation legislation of Annex I that requires third-party conformity assessment.');
  } else if (answers.annexIProduct) {
    sentences.push('Not high-risk under Art. 6(1): the Annex I product needs no third-party conformity assessment.');
  }

  // Step 3, Art. 6(2) and 6(3): the derogation never holds for a system that profiles natural persons.
  const cited = areas.map((area) => `Annex III point ${area.point} (${area.title})`).join('; ');
  const claimed = derogations.map((derogation) => `${derogation.article} ${derogation.title}`).join('; ');
  const derogated = areas.length > 0 && derogations.length > 0 && !answers.profilesNaturalPersons;
  const annexIIIHighRisk = areas.length > 0 && !derogated;
  if (annexIIIHighRisk && derogations.length > 0) {
    sentences.push(`High-risk under Art. 6(2): ${cited}. The Art. 6(3) derogation claimed (${claimed}) does not apply, because the system profiles natural persons.`);
  } else if (annexIIIHighRisk) {
    sentences.push(`High-risk under Art. 6(2): ${cited}.`);
  } else if (derogated && annexIHighRisk) {
    sentences.push(`In ${cited}, where Art. 6(3) would take it out of the high-risk tier (${claimed}); it stays high-risk under Art. 6(1).`);
  } else if (derogated) {
    sentences.push(`In ${cited}, but not high-risk under Art. 6(3): ${claimed}. The provider documents this assessment and registers the system (Art. 6(4), Art. 49(2)).`);
  }

  let tier: AiActClassificationTier = 'minimal';
  if (annexIHighRisk || annexIIIHighRisk) tier = 'high-risk';
  else if (cases.length > 0) tier = 'limited';

  // Step 4, Art. 50: transparency obligations, alone or on top of the high-risk ones (Art. 50(6)).
  const transparency = cases.map((entry) => `${entry.article} ${entry.title}`).join('; ');
  if (tier === 'limited') sentences.push(`Transparency obligations under Art. 50: ${transparency}.`);
  else if (cases.length > 0) sentences.push(`Transparency obligations under Art. 50 apply as well: ${transparency}.`);

  // Step 5: nothing above applies.
  if (tier === 'minimal') {
    const none = sentences.length === 0 ? 'no prohibited practice (Art. 5), no Annex I product needing third-party conformity assessment (Art. 6(1)), no Annex III area (Art. 6(2)) and no Art. 50 case' : 'no Art. 50 case either';
    sentences.push(`Minimal risk: ${none}. Only AI literacy (Art. 4) applies; voluntary codes of conduct may be followed (Art. 95).`);
  }

  const obligations: TriggeredObligation[] = [];
  if (annexIIIHighRisk) {
    // Through Annex III the high-risk duties apply from the general date, whatever Annex I says.
    obligations.push(...dated(aiActObligations.highRisk, DATES.general, DATES.reportedAnnexIII), ...dated(aiActObligations.annexIII, DATES.general, DATES.reportedAnnexIII));
  } else if (annexIHighRisk) {
    obligations.push(...dated(aiActObligations.highRisk, DATES.annexI, DATES.reportedAnnexI));
  }
  if (derogated && !annexIHighRisk) obligations.push(...dated(aiActObligations.derogation, DATES.general, null));
  for (const entry of cases) obligations.push(...dated([entry.obligation], DATES.general, entry.article === '50(2)' ? DATES.reportedMarking : null));
  obligations.push(...dated(aiActObligations.literacy, DATES.prohibitions, null));

  return { tier, rationale: sentences.join(' '), obligations, answers: checked };
}
