import type { Readable } from 'node:stream';
import type { EntityManager } from '@mikro-orm/core';
import type { AiSystem } from '../entities/ai-system.entity.js';
import type { User } from '../entities/user.entity.js';
import { aggregatePredictionLog, type AggregatedLog, type PredictionLogOptions, type Progress } from './prediction-log.js';
import { storePredictionLog, type StoredImport } from './store-prediction-log.js';

/**
 * Imports a prediction log into an AI system's fairness windows: reads the whole file first (see
 * aggregatePredictionLog), then writes what it adds in one transaction (see storePredictionLog).
 * A file that fails to read throws its PredictionLogError before anything is written. The AI
 * system's organisation must be loaded.
 */
export async function importPredictionLog(
  em: EntityManager,
  aiSystem: AiSystem,
  input: Readable,
  options: PredictionLogOptions,
  details: { source: string; importedBy: User | null; today: string },
  hooks: { onProgress?: (progress: Progress) => void; onRead?: (log: AggregatedLog) => void } = {},
): Promise<{ log: AggregatedLog; stored: StoredImport }> {
  const log = await aggregatePredictionLog(input, options, hooks.onProgress);
  hooks.onRead?.(log);
  const stored = await storePredictionLog(em, aiSystem.organisation, aiSystem, log, details);
  return { log, stored };
}
