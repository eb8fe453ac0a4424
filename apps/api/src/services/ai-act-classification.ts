import { AiActAnswerError, type AiActAnswers, type AiActClassification, classifyUnderAiAct } from '@assay/schema';
import { badInput } from '../errors.js';

/** Classifies answers given as the `answers` argument; an answer the catalogue cannot use is refused naming `answers.<field>`. */
export function classifyAnswers(answers: AiActAnswers): AiActClassification {
  try {
    return classifyUnderAiAct(answers);
  } catch (error) {
    if (error instanceof AiActAnswerError) throw badInput(`answers.${error.field}`, error.reason);
    throw error;
  }
}
