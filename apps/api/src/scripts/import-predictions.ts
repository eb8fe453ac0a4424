/**
 * Imports a CSV prediction log into an AI system's fairness windows, from the command line:
 *
 *   npm run import:predictions -- <file.csv> --system <id or name> --attributes sex,age_band \
 *     [--window week] [--outcome outcome] [--prediction prediction] [--timestamp timestamp] \
 *     [--weight column] [--score column] [--positive-label 1] [--database-url URL]
 *
 * The file is read once, in constant memory, with progress on stderr; everything it adds is
 * written in one transaction, so a bad row leaves the database as it was. DATABASE_URL (or
 * --database-url) names the database, as for `npm start`.
 */
import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { enterActor } from '../audit/actor.js';
import { migrate, openDatabase } from '../db.js';
import { AiSystem } from '../entities/ai-system.entity.js';
import { ConfigError } from '../errors.js';
import { DEFAULT_DATABASE_URL, parseDatabaseUrl } from '../env.js';
import { importPredictionLog } from '../imports/import-prediction-log.js';
import { PredictionLogError, type WindowSize } from '../imports/prediction-log.js';
import { todayIso } from '../services/dates.js';

function fail(message: string): never {
  process.stderr.write(`import:predictions: ${message}\n`);
  process.exit(1);
}

function megabytes(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(1)} MB`;
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    system: { type: 'string' },
    window: { type: 'string', default: 'week' },
    outcome: { type: 'string', default: 'outcome' },
    prediction: { type: 'string', default: 'prediction' },
    timestamp: { type: 'string', default: 'timestamp' },
    attributes: { type: 'string' },
    weight: { type: 'string' },
    score: { type: 'string' },
    'positive-label': { type: 'string', default: '1' },
    'database-url': { type: 'string' },
  },
});

const [file] = positionals;
if (!file) fail('name the CSV file: npm run import:predictions -- <file.csv> --system <id or name> --attributes <columns>');
if (!values.system) fail('--system is required: the id or the name of the AI system');
if (!values.attributes) fail('--attributes is required: the sensitive attribute column(s), comma-separated');
const window = values.window as WindowSize;
if (!['day', 'week', 'month'].includes(window)) fail(`--window must be day, week or month, got "${window}"`);
let size: number;
try {
  size = statSync(file).size;
} catch {
  fail(`cannot read ${file}`);
}

const target = (() => {
  try {
    return parseDatabaseUrl(values['database-url'] ?? process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL);
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
})();
enterActor({ id: null, label: 'import:predictions (command line)' });
const orm = await openDatabase(target).catch((error: unknown) => {
  if (error instanceof ConfigError) fail(error.message);
  throw error;
});
try {
  await migrate(orm, target);
  const em = orm.em.fork();
  const byId = /^[0-9a-f-]{36}$/i.test(values.system) ? await em.find(AiSystem, { id: values.system }, { populate: ['organisation'] }) : [];
  const systems = byId.length > 0 ? byId : await em.find(AiSystem, { name: values.system }, { populate: ['organisation'] });
  if (systems.length === 0) fail(`no AI system has the id or name "${values.system}" in ${target.display}`);
  if (systems.length > 1) fail(`${systems.length} AI systems are named "${values.system}"; give the id instead`);
  const aiSystem = systems[0]!;

  const started = Date.now();
  const report = ({ bytes, rows }: { bytes: number; rows: number }) => {
    const seconds = Math.max((Date.now() - started) / 1000, 0.001);
    const share = size > 0 ? Math.min(100, (100 * bytes) / size) : 100;
    process.stderr.write(`\rReading ${basename(file)}: ${share.toFixed(0)}% (${megabytes(bytes)} of ${megabytes(size)}), ${rows.toLocaleString('en')} rows, ${(bytes / 1_048_576 / seconds).toFixed(1)} MB/s   `);
  };
  const { log, stored } = await importPredictionLog(
    em,
    aiSystem,
    createReadStream(file),
    {
      outcome: values.outcome!,
      prediction: values.prediction!,
      timestamp: values.timestamp!,
      attributes: values.attributes.split(',').map((name) => name.trim()).filter(Boolean),
      window,
      positiveLabel: values['positive-label']!,
      ...(values.weight ? { weight: values.weight } : {}),
      ...(values.score ? { score: values.score } : {}),
    },
    { source: `command line: ${basename(file)}`.slice(0, 300), importedBy: null, today: todayIso() },
    { onProgress: report, onRead: (read) => process.stderr.write(`\nWriting ${read.windows.length} windows in one transaction…\n`) },
  );
  const seconds = (Date.now() - started) / 1000;
  process.stdout.write(
    `Imported ${stored.rows.toLocaleString('en')} rows of ${basename(file)} into ${stored.windows.length} windows of "${aiSystem.name}" in ${seconds.toFixed(1)} s (${(log.bytes / 1_048_576 / seconds).toFixed(1)} MB/s).\n`,
  );
  for (const finding of stored.findingsOpened) process.stdout.write(`Threshold breached: ${finding.description}\n`);
} catch (error) {
  if (error instanceof PredictionLogError) fail(`${file}, ${error.message}; nothing was imported`);
  if (error instanceof Error && 'extensions' in error) fail(`${error.message}; nothing was imported`);
  throw error;
} finally {
  await orm.close(true);
}
