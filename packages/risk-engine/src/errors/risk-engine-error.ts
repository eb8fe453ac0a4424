/**
 * The one error the engine throws for a broken precondition. Its message starts with the
 * function name and says what was expected and what was given, e.g.
 * `scoreRisk: likelihood must be an integer from 1 to 5, got 7`.
 */
export class RiskEngineError extends Error {
  override name = 'RiskEngineError';
}
