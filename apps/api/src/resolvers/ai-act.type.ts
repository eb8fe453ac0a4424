import type { AiActAddressee, AiActClassificationTier, AiActQuestionId } from '@assay/schema';
import { Field, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { EuAiActTierEnum } from '../graphql-enums.js';

/** How a question of the questionnaire is answered. */
export const AiActQuestionKindEnum = { YES_NO: 'yes-no', CHOOSE_ANY: 'choose-any' } as const;
registerEnumType(AiActQuestionKindEnum, {
  name: 'AiActQuestionKind',
  description: 'YES_NO is answered with a Boolean; CHOOSE_ANY with a list of option ids, empty for none.',
});

@ObjectType({ description: 'An option of a question of the EU AI Act questionnaire: an entry of the catalogue.' })
export class AiActQuestionOption {
  @Field(() => String, { description: 'What an answer lists: e.g. 5(1)(c), 4 (an Annex III point), 6(3)(a), 50(1).' })
  id!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true, description: 'A caveat, such as an amendment that is reported but not verified.' })
  note!: string | null;
}

@ObjectType({ description: 'A question of the EU AI Act questionnaire, in the order the Act is applied.' })
export class AiActQuestion {
  @Field(() => String, { description: 'The field of AiActAnswersInput that holds the answer.' })
  id!: AiActQuestionId;

  @Field(() => String, { description: 'Where the question comes from in the Act, e.g. Art. 6(3).' })
  article!: string;

  @Field(() => String)
  text!: string;

  @Field(() => String, { nullable: true })
  help!: string | null;

  @Field(() => AiActQuestionKindEnum)
  kind!: 'yes-no' | 'choose-any';

  @Field(() => [AiActQuestionOption], { description: 'The choices of a CHOOSE_ANY question; empty for YES_NO.' })
  options!: AiActQuestionOption[];

  @Field(() => String, {
    nullable: true,
    description: 'The earlier question that must be answered yes (or with an option) for this one to apply; answer no, or none, when it does not.',
  })
  askedWhen!: AiActQuestionId | null;
}

/** The answers, as given to classifyAiSystem and as stored with the classification. */
@ObjectType('AiActAnswers', { description: 'The answers to the EU AI Act questionnaire: option ids of the catalogue, each once in its order.' })
@InputType('AiActAnswersInput', {
  description: 'Answers to the EU AI Act questionnaire (see aiActQuestionnaire): one field per question. Answer a question that does not apply with false or an empty list.',
})
export class AiActAnswersFields {
  @Field(() => [String], { description: 'Art. 5(1): the prohibited practices the system engages in, e.g. 5(1)(c).' })
  prohibitedPractices!: string[];

  @Field(() => Boolean, { description: 'Art. 6(1)(a): a safety component of a product, or itself a product, covered by Annex I legislation.' })
  annexIProduct!: boolean;

  @Field(() => Boolean, { description: 'Art. 6(1)(b): the product needs a third-party conformity assessment (only with annexIProduct).' })
  thirdPartyConformityAssessment!: boolean;

  @Field(() => [String], { description: 'Art. 6(2): the Annex III areas of its intended use, by point, 1 to 8.' })
  annexIIIAreas!: string[];

  @Field(() => [String], { description: 'Art. 6(3): the conditions that take an Annex III system out of the high-risk tier, e.g. 6(3)(a) (only with annexIIIAreas).' })
  derogations!: string[];

  @Field(() => Boolean, { description: 'Art. 6(3), last subparagraph: the system profiles natural persons, so the derogation never applies (only with annexIIIAreas).' })
  profilesNaturalPersons!: boolean;

  @Field(() => [String], { description: 'Art. 50: the transparency cases, e.g. 50(1).' })
  transparencyCases!: string[];
}

@ObjectType({ description: 'An obligation of the EU AI Act that a classification brings.' })
export class AiActObligation {
  @Field(() => String, { description: 'e.g. Art. 26' })
  article!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String, { description: 'Whom it binds: providers, deployers, or providers and deployers.' })
  addressee!: AiActAddressee;

  @Field(() => String, { description: 'What it asks, paraphrased.' })
  summary!: string;

  @Field(() => String, { description: 'The date (YYYY-MM-DD) it applies from under Art. 113 as adopted.' })
  appliesFrom!: string;

  @Field(() => String, { nullable: true, description: 'The date the Digital Omnibus on AI reportedly moves it to (not verified: check EUR-Lex); null when none is reported.' })
  reportedAppliesFrom!: string | null;
}

@ObjectType({ description: "An AI system's classification under the EU AI Act, from the questionnaire (classifyAiSystem)." })
export class AiActClassification {
  @Field(() => EuAiActTierEnum, { description: 'The tier the answers lead to: PROHIBITED, HIGH_RISK, LIMITED or MINIMAL.' })
  tier!: AiActClassificationTier;

  @Field(() => String, { description: 'Why, citing the articles, Annex III points and cases in the order the Act is applied.' })
  rationale!: string;

  @Field(() => AiActAnswersFields)
  answers!: AiActAnswersFields;

  @Field(() => [AiActObligation], { description: 'What the classification brings, derived from the answers by the current catalogue; AI literacy (Art. 4) last.' })
  obligations!: AiActObligation[];

  @Field(() => String, { description: 'The member who classified the system.' })
  classifiedBy!: string;

  @Field(() => Date)
  classifiedAt!: Date;

  @Field(() => Boolean, { description: "True when the system's euAiActTier or tierRationale was changed by hand since: they no longer come from these answers." })
  overriddenByHand!: boolean;
}
