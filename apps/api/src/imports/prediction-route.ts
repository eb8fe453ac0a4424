import type { Request, Response, Router } from 'express';
import express from 'express';
import { GraphQLError } from 'graphql';
import { MONITORING_WRITERS } from '../auth/roles.js';
import { createContext } from '../context.js';
import type { Orm } from '../db.js';
import { AiSystem } from '../entities/ai-system.entity.js';
import { todayIso } from '../services/dates.js';
import { importPredictionLog } from './import-prediction-log.js';
import { PredictionLogError, type PredictionLogOptions, type WindowSize } from './prediction-log.js';

const WINDOW_SIZES: readonly WindowSize[] = ['day', 'week', 'month'];

class RequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

function parameter(request: Request, name: string, required: boolean): string | undefined {
  const value = request.query[name];
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (required) throw new RequestError(400, 'BAD_USER_INPUT', `the query parameter "${name}" is required`, { field: name });
  return undefined;
}

/** The import options from the query string: which columns hold what, and the window size. */
export function importOptionsOf(request: Request): PredictionLogOptions {
  const window = (parameter(request, 'window', false) ?? 'week') as WindowSize;
  if (!WINDOW_SIZES.includes(window)) throw new RequestError(400, 'BAD_USER_INPUT', `window must be day, week or month, got "${window}"`, { field: 'window' });
  const attributes = (parameter(request, 'attributes', true) ?? '').split(',').map((name) => name.trim()).filter(Boolean);
  const weight = parameter(request, 'weight', false);
  const score = parameter(request, 'score', false);
  const positiveLabel = parameter(request, 'positiveLabel', false);
  return {
    outcome: parameter(request, 'outcome', true)!,
    prediction: parameter(request, 'prediction', true)!,
    timestamp: parameter(request, 'timestamp', true)!,
    attributes,
    window,
    ...(weight ? { weight } : {}),
    ...(score ? { score } : {}),
    ...(positiveLabel ? { positiveLabel } : {}),
  };
}

/**
 * `POST /api/ai-systems/:id/predictions` with a `text/csv` body: streams the log into fairness
 * windows (see aggregatePredictionLog) and stores them in one transaction. Needs a bearer token
 * of an administrator, risk manager or analyst. Errors are JSON `{ error: { code, message, line?, column? } }`.
 */
export function predictionRoutes(orm: Orm, sessionHours: number, logError: (error: unknown) => void): Router {
  const router = express.Router();
  router.post('/api/ai-systems/:id/predictions', async (request: Request<{ id: string }>, response: Response) => {
    try {
      const context = await createContext(orm, request.headers.authorization, sessionHours);
      if (!context.viewer) throw new RequestError(401, 'UNAUTHENTICATED', 'Sign in first: send a session or API token as "Authorization: Bearer …"');
      const { membership } = context.viewer;
      if (!MONITORING_WRITERS.includes(membership.role)) throw new RequestError(403, 'FORBIDDEN', `Your role (${membership.role}) may not import predictions; it needs one of: ${MONITORING_WRITERS.join(', ')}`);
      const type = request.headers['content-type'] ?? '';
      if (!/^text\/csv\b/i.test(type)) throw new RequestError(415, 'BAD_USER_INPUT', `the body must be text/csv, got "${type || 'no content type'}"`);
      const options = importOptionsOf(request);
      const aiSystem = await context.em.findOne(AiSystem, { id: request.params.id, organisation: membership.organisation });
      if (!aiSystem) throw new RequestError(404, 'NOT_FOUND', `AI system ${request.params.id} was not found`);
      const { log, stored } = await importPredictionLog(context.em, aiSystem, request, options, { source: 'http', importedBy: membership.user, today: todayIso() });
      response.json({
        importId: stored.id,
        rows: stored.rows,
        bytes: log.bytes,
        windows: stored.windows,
        findingsOpened: stored.findingsOpened.map((finding) => ({ id: finding.id, description: finding.description, raisedOn: finding.raisedOn })),
      });
    } catch (error) {
      // Whatever the body had left is not read: close the connection rather than drain a large upload.
      if (!request.complete) response.set('Connection', 'close');
      if (error instanceof RequestError) {
        response.status(error.status).json({ error: { code: error.code, message: error.message, ...error.details } });
      } else if (error instanceof PredictionLogError) {
        response.status(400).json({ error: { code: 'BAD_USER_INPUT', message: error.message, line: error.line, column: error.column } });
      } else if (error instanceof GraphQLError && error.extensions.code === 'CONFLICT') {
        response.status(409).json({ error: { code: 'CONFLICT', message: error.message } });
      } else {
        logError(error);
        response.status(500).json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' } });
      }
    }
  });
  return router;
}
