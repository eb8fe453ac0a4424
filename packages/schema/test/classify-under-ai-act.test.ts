import { describe, expect, it } from 'vitest';
import {
  AiActAnswerError,
  type AiActAnswers,
  aiActApplicationDates,
  aiActObligations,
  aiActQuestionnaire,
  annexIIIAreas,
  classifyUnderAiAct,
  highRiskDerogations,
  prohibitedPractices,
  transparencyCases,
} from '../src/index.js';

// Expected tiers follow the Act's order as the domain notes summarise it (docs: DOMAIN.md §5):
// Art. 5 → prohibited; Art. 6(1) + Annex I with third-party assessment → high-risk; Annex III →
// high-risk unless Art. 6(3) applies, never when profiling; Art. 50 → transparency; else minimal.
// Dates are those of Art. 113 (in force) and the Digital Omnibus (reported) in the catalogue.

const NONE: AiActAnswers = {
  prohibitedPractices: [],
  annexIProduct: false,
  thirdPartyConformityAssessment: false,
  annexIIIAreas: [],
  derogations: [],
  profilesNaturalPersons: false,
  transparencyCases: [],
};

function classify(changes: Partial<AiActAnswers>) {
  return classifyUnderAiAct({ ...NONE, ...changes });
}

const articles = (result: ReturnType<typeof classify>) => result.obligations.map((obligation) => obligation.article);
const HIGH_RISK_ARTICLES = aiActObligations.highRisk.map((obligation) => obligation.article);

describe('classifyUnderAiAct', () => {
  it('answers the example of its doc comment', () => {
    expect(classifyUnderAiAct({ ...NONE, annexIIIAreas: ['4'], profilesNaturalPersons: true }).tier).toBe('high-risk');
  });

  it('finds minimal risk when no question is answered yes, and leaves only AI literacy', () => {
    const result = classify({});
    expect(result.tier).toBe('minimal');
    expect(result.rationale).toBe(
      'Minimal risk: no prohibited practice (Art. 5), no Annex I product needing third-party conformity assessment (Art. 6(1)), no Annex III area (Art. 6(2)) and no Art. 50 case. Only AI literacy (Art. 4) applies; voluntary codes of conduct may be followed (Art. 95).',
    );
    expect(result.obligations).toEqual([{ ...aiActObligations.literacy[0], appliesFrom: '2025-02-02', reportedAppliesFrom: null }]);
    expect(result.answers).toEqual(NONE);
  });

  describe('Art. 5', () => {
    it.each(prohibitedPractices.map((practice) => [practice.article, practice] as const))('makes a system with practice %s prohibited, citing it', (article, practice) => {
      const result = classify({ prohibitedPractices: [article] });
      expect(result.tier).toBe('prohibited');
      expect(result.rationale).toContain(`Prohibited under Art. 5: ${article} ${practice.summary}`);
      expect(articles(result)).toEqual(['Art. 5']);
    });

    it('cites every practice once in the catalogue order and flags a reported amendment', () => {
      const result = classify({ prohibitedPractices: ['5 (Digital Omnibus)', ' 5(1)(c) ', '5(1)(a)', '5(1)(c)'] });
      expect(result.rationale).toBe(
        'Prohibited under Art. 5: 5(1)(a) Subliminal, manipulative or deceptive techniques that distort behaviour; 5(1)(c) Social scoring; 5 (Digital Omnibus) Generating non-consensual intimate imagery or child sexual abuse material (a reported amendment, not yet verified). Such a system must not be placed on the market, put into service or used in the EU.',
      );
      expect(result.answers.prohibitedPractices).toEqual(['5(1)(a)', '5(1)(c)', '5 (Digital Omnibus)']);
      expect(result.obligations).toEqual([{ ...aiActObligations.prohibited[0], appliesFrom: '2025-02-02', reportedAppliesFrom: null }]);
    });

    it('wins over every later answer', () => {
      const result = classify({ prohibitedPractices: ['5(1)(f)'], annexIProduct: true, thirdPartyConformityAssessment: true, annexIIIAreas: ['4'], transparencyCases: ['50(3)'] });
      expect(result.tier).toBe('prohibited');
      expect(result.rationale).not.toContain('Art. 6');
      expect(articles(result)).toEqual(['Art. 5']);
    });
  });

  describe('Art. 6(1) and Annex I', () => {
    it('makes a safety component that needs third-party conformity assessment high-risk, from the Annex I date', () => {
      const result = classify({ annexIProduct: true, thirdPartyConformityAssessment: true });
      expect(result.tier).toBe('high-risk');
      expect(result.rationale).toBe(
        'High-risk under Art. 6(1): a safety component of a product, or itself a product, covered by the Union harmonisation legislation of Annex I that requires third-party conformity assessment.',
      );
      // No Annex III extras: registration (Art. 49), FRIA (Art. 27) and explanation (Art. 86) are Annex III duties.
      expect(articles(result)).toEqual([...HIGH_RISK_ARTICLES, 'Art. 4']);
      expect(result.obligations[0]).toMatchObject({ article: 'Art. 9', appliesFrom: '2027-08-02', reportedAppliesFrom: '2028-08-02' });
    });

    it('leaves an Annex I product without third-party conformity assessment out of the high-risk tier', () => {
      const result = classify({ annexIProduct: true });
      expect(result.tier).toBe('minimal');
      expect(result.rationale).toBe(
        'Not high-risk under Art. 6(1): the Annex I product needs no third-party conformity assessment. Minimal risk: no Art. 50 case either. Only AI literacy (Art. 4) applies; voluntary codes of conduct may be followed (Art. 95).',
      );
      expect(articles(result)).toEqual(['Art. 4']);
    });

    it('keeps an Annex I system high-risk even when Art. 6(3) would take its Annex III use out', () => {
      const result = classify({ annexIProduct: true, thirdPartyConformityAssessment: true, annexIIIAreas: ['2'], derogations: ['6(3)(a)'] });
      expect(result.tier).toBe('high-risk');
      expect(result.rationale).toContain('In Annex III point 2 (Critical infrastructure), where Art. 6(3) would take it out of the high-risk tier (6(3)(a) Performs a narrow procedural task); it stays high-risk under Art. 6(1).');
      expect(articles(result)).toEqual([...HIGH_RISK_ARTICLES, 'Art. 4']);
    });

    it('dates the duties from Annex III when a system is high-risk both ways', () => {
      const result = classify({ annexIProduct: true, thirdPartyConformityAssessment: true, annexIIIAreas: ['1'] });
      expect(result.rationale).toContain('High-risk under Art. 6(1)');
      expect(result.rationale).toContain('High-risk under Art. 6(2): Annex III point 1 (Biometrics).');
      expect(result.obligations[0]).toMatchObject({ appliesFrom: '2026-08-02', reportedAppliesFrom: '2027-12-02' });
      expect(articles(result)).toContain('Art. 49');
    });
  });

  describe('Art. 6(2), Annex III and the Art. 6(3) derogation', () => {
    it.each(annexIIIAreas.map((area) => [area.point, area.title] as const))('makes a system of Annex III point %i (%s) high-risk, with the Annex III duties', (point, title) => {
      const result = classify({ annexIIIAreas: [String(point)] });
      expect(result.tier).toBe('high-risk');
      expect(result.rationale).toBe(`High-risk under Art. 6(2): Annex III point ${point} (${title}).`);
      expect(articles(result)).toEqual([...HIGH_RISK_ARTICLES, 'Art. 49', 'Art. 27', 'Art. 86', 'Art. 4']);
      expect(result.obligations.every((obligation) => obligation.article === 'Art. 4' || (obligation.appliesFrom === '2026-08-02' && obligation.reportedAppliesFrom === '2027-12-02'))).toBe(true);
    });

    it.each(annexIIIAreas.flatMap((area) => highRiskDerogations.map((derogation) => [area.point, derogation.article, area.title, derogation.title] as const)))(
      'takes a system of Annex III point %i out of the high-risk tier under %s when it profiles nobody',
      (point, article, areaTitle, derogationTitle) => {
        const result = classify({ annexIIIAreas: [String(point)], derogations: [article] });
        expect(result.tier).toBe('minimal');
        expect(result.rationale).toBe(
          `In Annex III point ${point} (${areaTitle}), but not high-risk under Art. 6(3): ${article} ${derogationTitle}. The provider documents this assessment and registers the system (Art. 6(4), Art. 49(2)). Minimal risk: no Art. 50 case either. Only AI literacy (Art. 4) applies; voluntary codes of conduct may be followed (Art. 95).`,
        );
        expect(articles(result)).toEqual(['Art. 6(4)', 'Art. 4']);
        expect(result.obligations[0]).toMatchObject({ appliesFrom: '2026-08-02', reportedAppliesFrom: null });
      },
    );

    it('never applies the derogation to a system that profiles natural persons', () => {
      const result = classify({ annexIIIAreas: ['4'], derogations: ['6(3)(d)', '6(3)(a)'], profilesNaturalPersons: true });
      expect(result.tier).toBe('high-risk');
      expect(result.rationale).toBe(
        'High-risk under Art. 6(2): Annex III point 4 (Employment, workers management and access to self-employment). The Art. 6(3) derogation claimed (6(3)(a) Performs a narrow procedural task; 6(3)(d) Performs a task preparatory to an assessment relevant to an Annex III use case) does not apply, because the system profiles natural persons.',
      );
      expect(articles(result)).not.toContain('Art. 6(4)');
    });

    it('keeps a profiling Annex III system high-risk when no derogation is claimed, and cites every area', () => {
      const result = classify({ annexIIIAreas: ['5', '4'], profilesNaturalPersons: true });
      expect(result.rationale).toBe(
        'High-risk under Art. 6(2): Annex III point 4 (Employment, workers management and access to self-employment); Annex III point 5 (Access to essential private and public services and benefits).',
      );
      expect(result.answers.annexIIIAreas).toEqual(['4', '5']);
    });
  });

  describe('Art. 50', () => {
    it.each(transparencyCases.map((entry) => [entry.article, entry] as const))('brings the transparency obligation of %s alone', (article, entry) => {
      const result = classify({ transparencyCases: [article] });
      expect(result.tier).toBe('limited');
      expect(result.rationale).toBe(`Transparency obligations under Art. 50: ${article} ${entry.title}.`);
      expect(result.obligations).toEqual([
        { ...entry.obligation, appliesFrom: '2026-08-02', reportedAppliesFrom: article === '50(2)' ? '2026-12-02' : null },
        { ...aiActObligations.literacy[0], appliesFrom: '2025-02-02', reportedAppliesFrom: null },
      ]);
    });

    it('adds its obligations to a high-risk tier without lowering it', () => {
      const result = classify({ annexIIIAreas: ['3'], transparencyCases: ['50(4)', '50(1)'] });
      expect(result.tier).toBe('high-risk');
      expect(result.rationale).toBe(
        'High-risk under Art. 6(2): Annex III point 3 (Education and vocational training). Transparency obligations under Art. 50 apply as well: 50(1) Interacts directly with natural persons; 50(4) Produces deep fakes, or text published to inform the public on matters of public interest.',
      );
      expect(articles(result).slice(-3)).toEqual(['Art. 50(1)', 'Art. 50(4)', 'Art. 4']);
    });

    it('makes a derogated Annex III system with an Art. 50 case limited', () => {
      const result = classify({ annexIIIAreas: ['8'], derogations: ['6(3)(b)'], transparencyCases: ['50(1)'] });
      expect(result.tier).toBe('limited');
      expect(articles(result)).toEqual(['Art. 6(4)', 'Art. 50(1)', 'Art. 4']);
      expect(result.rationale).toContain('but not high-risk under Art. 6(3)');
      expect(result.rationale).toContain('Transparency obligations under Art. 50: 50(1) Interacts directly with natural persons.');
    });
  });

  describe('answers it cannot use', () => {
    it.each<[keyof AiActAnswers, string, string]>([
      ['prohibitedPractices', '5(1)(i)', 'prohibitedPractices item 2 names no prohibited practice of Art. 5: "5(1)(i)"'],
      ['annexIIIAreas', '9', 'annexIIIAreas item 2 names no area of Annex III: "9"'],
      ['derogations', '6(3)(e)', 'derogations item 2 names no condition of Art. 6(3): "6(3)(e)"'],
      ['transparencyCases', '50(6)', 'transparencyCases item 2 names no case of Art. 50: "50(6)"'],
    ])('refuses an unknown id in %s, naming the field and the position', (field, unknown, message) => {
      const valid = { prohibitedPractices: '5(1)(a)', annexIIIAreas: '1', derogations: '6(3)(a)', transparencyCases: '50(1)' } as Record<string, string>;
      const answers = { ...NONE, annexIIIAreas: ['1'], [field]: [valid[field], unknown] };
      expect(() => classifyUnderAiAct(answers)).toThrow(new AiActAnswerError(field, message.slice(field.length + 1)));
      try {
        classifyUnderAiAct(answers);
      } catch (error) {
        expect(error).toBeInstanceOf(AiActAnswerError);
        expect((error as AiActAnswerError).field).toBe(field);
        expect((error as AiActAnswerError).message).toBe(message);
      }
    });

    it.each<[Partial<AiActAnswers>, keyof AiActAnswers, string]>([
      [{ thirdPartyConformityAssessment: true }, 'thirdPartyConformityAssessment', 'thirdPartyConformityAssessment applies only to a product covered by Annex I: answer annexIProduct yes, or this one no'],
      [{ derogations: ['6(3)(a)'] }, 'derogations', 'derogations apply only to a system in an Annex III area: choose one in annexIIIAreas, or leave derogations empty'],
      [{ profilesNaturalPersons: true }, 'profilesNaturalPersons', 'profilesNaturalPersons matters only for a system in an Annex III area: choose one in annexIIIAreas, or answer no'],
    ])('refuses %j, which answers a question that does not apply', (changes, field, message) => {
      expect(() => classify(changes)).toThrow(message);
      expect(() => classify(changes)).toThrow(expect.objectContaining({ field }));
    });
  });
});

describe('the EU AI Act questionnaire', () => {
  it('asks one question per answer field, in the order the Act is applied', () => {
    expect(aiActQuestionnaire.map((question) => question.id)).toEqual(Object.keys(NONE));
    expect(aiActQuestionnaire.map((question) => question.article)).toEqual(['Art. 5(1)', 'Art. 6(1)(a), Annex I', 'Art. 6(1)(b)', 'Art. 6(2), Annex III', 'Art. 6(3)', 'Art. 6(3), last subparagraph', 'Art. 50']);
  });

  it("offers the catalogue's entries as options, and only for choose-any questions", () => {
    const options = Object.fromEntries(aiActQuestionnaire.map((question) => [question.id, question.options.map((option) => option.id)]));
    expect(options).toEqual({
      prohibitedPractices: prohibitedPractices.map((practice) => practice.article),
      annexIProduct: [],
      thirdPartyConformityAssessment: [],
      annexIIIAreas: ['1', '2', '3', '4', '5', '6', '7', '8'],
      derogations: ['6(3)(a)', '6(3)(b)', '6(3)(c)', '6(3)(d)'],
      profilesNaturalPersons: [],
      transparencyCases: ['50(1)', '50(2)', '50(3)', '50(4)'],
    });
    for (const question of aiActQuestionnaire) expect(question.options.length > 0, question.id).toBe(question.kind === 'choose-any');
    const notes = aiActQuestionnaire[0]!.options.filter((option) => option.note !== null).map((option) => option.id);
    expect(notes).toEqual(['5 (Digital Omnibus)']);
  });

  it('makes every question depend only on an earlier one', () => {
    aiActQuestionnaire.forEach((question, index) => {
      if (question.askedWhen === null) return;
      const earlier = aiActQuestionnaire.findIndex((candidate) => candidate.id === question.askedWhen);
      expect(earlier, question.id).toBeGreaterThanOrEqual(0);
      expect(earlier, question.id).toBeLessThan(index);
    });
  });

  it('gives every application date a distinct key', () => {
    expect(new Set(aiActApplicationDates.map((entry) => entry.id)).size).toBe(aiActApplicationDates.length);
  });
});
