import { aiActQuestionnaire, classifyUnderAiAct } from '@assay/schema';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { type Context, viewerOf } from '../context.js';
import { AiSystem } from '../entities/ai-system.entity.js';
import { notFound } from '../errors.js';
import { classifyAnswers } from '../services/ai-act-classification.js';
import { checkVersion, flushOrConflict } from '../services/versioning.js';
import { AiActAnswersFields, AiActClassification, AiActQuestion } from './ai-act.type.js';
import { ownRecord } from '../services/records.js';

/** The EU AI Act questionnaire, and the classification of AI systems through it. */
@Resolver(() => AiSystem)
export class AiActResolver {
  @Query(() => [AiActQuestion], {
    description: 'The EU AI Act questionnaire: its questions in the order the Act is applied, with the catalogue entries to choose from. Answer it with classifyAiSystem.',
  })
  aiActQuestionnaire(): AiActQuestion[] {
    return aiActQuestionnaire.map((question) => ({ ...question, options: [...question.options] }));
  }

  @FieldResolver(() => AiActClassification, { nullable: true, description: 'The classification from the EU AI Act questionnaire; null until classifyAiSystem has run.' })
  aiActClassification(@Root() system: AiSystem): AiActClassification | null {
    const { aiActAnswers: answers, aiActTier: tier, aiActRationale: rationale, aiActClassifiedBy: classifiedBy, aiActClassifiedAt: classifiedAt } = system;
    if (answers === null || tier === null || rationale === null || classifiedBy === null || classifiedAt === null) return null;
    // The stored answers passed the catalogue when they were given; the obligations follow the catalogue as it is now.
    const { obligations } = classifyUnderAiAct(answers);
    return {
      tier,
      rationale,
      answers: answers as AiActAnswersFields,
      obligations: [...obligations],
      classifiedBy,
      classifiedAt,
      overriddenByHand: system.euAiActTier !== tier || system.tierRationale !== rationale,
    };
  }

  @Mutation(() => AiSystem, {
    description:
      "Classifies an AI system under the EU AI Act from the answers to the questionnaire (aiActQuestionnaire): sets its euAiActTier and tierRationale, and keeps the answers, who classified it and when (aiActClassification). The way to set the tier; refused as a conflict when someone changed the system since expectedVersion.",
  })
  async classifyAiSystem(
    @Arg('id', () => ID) id: string,
    @Arg('answers', () => AiActAnswersFields) answers: AiActAnswersFields,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Ctx() context: Context,
  ): Promise<AiSystem> {
    const { membership } = viewerOf(context);
    const system = await ownRecord(context, AiSystem, id);
    if (!system) throw notFound('AI system', id);
    checkVersion(`AI system ${id}`, system.version, expectedVersion);
    const result = classifyAnswers(answers);
    system.aiActAnswers = result.answers;
    system.aiActTier = result.tier;
    system.aiActRationale = result.rationale;
    system.aiActClassifiedBy = membership.user.name;
    system.aiActClassifiedAt = new Date();
    system.euAiActTier = result.tier;
    system.tierRationale = result.rationale;
    await flushOrConflict(context.em, `AI system ${id}`);
    return system;
  }
}
