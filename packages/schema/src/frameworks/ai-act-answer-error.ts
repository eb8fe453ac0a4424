import type { AiActQuestionId } from './ai-act-questionnaire.js';

/**
 * An answer to the EU AI Act questionnaire that cannot be used: an id the catalogue does not
 * know, or an answer to a question that does not apply. The message starts with the field, e.g.
 * `annexIIIAreas item 2 names no area of Annex III: "9"`.
 */
export class AiActAnswerError extends Error {
  override name = 'AiActAnswerError';
  constructor(
    readonly field: AiActQuestionId,
    readonly reason: string,
  ) {
    super(`${field} ${reason}`);
  }
}
