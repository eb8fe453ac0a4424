import { describe, expect, it } from 'vitest';
import * as riskEngine from '../src/index.js';

describe('@assay/risk-engine', () => {
  it('exports the risk scoring, fairness, over-time and certification families and its error, and nothing internal', () => {
    expect(Object.keys(riskEngine).sort()).toEqual([
      'RiskEngineError',
      'assessorAgreement',
      'controlChart',
      'createRiskMatrix',
      'detectChangePoints',
      'fairnessReport',
      'fairnessSeries',
      'groupCounts',
      'mergeGroupCounts',
      'projectBreach',
      'projectCertification',
      'readiness',
      'residualRisk',
      'riskExposure',
      'riskHeatmap',
      'scoreRisk',
      'scoreRiskRange',
      'trend',
    ]);
  });

  it('throws a RiskEngineError that is an Error named RiskEngineError', () => {
    const error = new riskEngine.RiskEngineError('scoreRisk: example');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('RiskEngineError');
    expect(String(error)).toBe('RiskEngineError: scoreRisk: example');
  });
});
