/**
 * Generates the large benchmark organisation into a database:
 *
 *   npm run seed:large -- [--database-url URL] [--scale 0.1] [--systems N] [--risks N]
 *     [--assessments N] [--findings N] [--weeks N]
 *
 * Full size by default (1,000 AI systems, 50,000 risks with 10 assessments each, 5,000 findings,
 * 104 weekly fairness windows per system for two attributes of six groups). `--scale` multiplies
 * the counts (not the weeks nor the assessments). The database is migrated first; everything is
 * written in one transaction, with progress on stderr.
 */
import { parseArgs } from 'node:util';
import { migrate, openDatabase } from '../db.js';
import { ConfigError } from '../errors.js';
import { DEFAULT_DATABASE_URL, parseDatabaseUrl } from '../env.js';
import { FULL_SIZE, LARGE_SIGN_IN, LargeOrganisationExists, type LargeSizes, seedLargeOrganisation } from '../seed/large.js';
import { todayIso } from '../services/dates.js';

function fail(message: string): never {
  process.stderr.write(`seed:large: ${message}\n`);
  process.exit(1);
}

const { values } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    scale: { type: 'string' },
    systems: { type: 'string' },
    risks: { type: 'string' },
    assessments: { type: 'string' },
    findings: { type: 'string' },
    weeks: { type: 'string' },
  },
});

function count(name: Exclude<keyof LargeSizes, 'fairnessThreshold'>, fallback: number, minimum: number): number {
  const raw = values[name];
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < minimum || value > 10_000_000) fail(`--${name} must be a whole number from ${minimum} to 10000000, got "${raw}"`);
  return value;
}

const scale = values.scale === undefined ? 1 : Number(values.scale);
if (!Number.isFinite(scale) || scale <= 0 || scale > 10) fail(`--scale must be a number above 0 and at most 10, got "${values.scale}"`);
const sizes: LargeSizes = {
  systems: count('systems', Math.max(1, Math.round(FULL_SIZE.systems * scale)), 1),
  risks: count('risks', Math.max(1, Math.round(FULL_SIZE.risks * scale)), 1),
  assessments: count('assessments', FULL_SIZE.assessments, 1),
  findings: count('findings', Math.round(FULL_SIZE.findings * scale), 0),
  weeks: count('weeks', FULL_SIZE.weeks, 1),
};

const target = (() => {
  try {
    return parseDatabaseUrl(values['database-url'] ?? process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL);
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
})();

const started = performance.now();
const interactive = process.stderr.isTTY === true;
let lastStage = '';
let lastPrinted = 0;
function progress(stage: string, done: number, total: number): void {
  const now = performance.now();
  const finished = done >= total;
  // A bar redrawn in place on a terminal; a line every few seconds in a log.
  if (!finished && now - lastPrinted < (interactive ? 200 : 5000) && stage === lastStage) return;
  lastPrinted = now;
  const share = total === 0 ? 1 : done / total;
  const bar = '#'.repeat(Math.round(share * 30)).padEnd(30, '.');
  const line = `  ${stage.padEnd(30)} [${bar}] ${(share * 100).toFixed(0).padStart(3)}%  ${done.toLocaleString('en')}/${total.toLocaleString('en')}  ${((now - started) / 1000).toFixed(1)} s`;
  if (interactive) process.stderr.write(`\r${line}${finished ? '\n' : ''}`);
  else process.stderr.write(`${line}\n`);
  lastStage = stage;
}

const orm = await openDatabase(target).catch((error: unknown) => {
  if (error instanceof ConfigError) fail(error.message);
  throw error;
});
try {
  await migrate(orm, target);
  process.stderr.write(
    `seed:large: ${sizes.systems.toLocaleString('en')} AI systems, ${sizes.risks.toLocaleString('en')} risks × ${sizes.assessments} assessments, ${sizes.findings.toLocaleString('en')} findings, ${sizes.weeks} weeks of fairness windows into ${target.display}\n`,
  );
  const { rows } = await seedLargeOrganisation(orm.em.fork(), sizes, todayIso(), progress);
  const seconds = (performance.now() - started) / 1000;
  process.stderr.write(`seed:large: ${rows.toLocaleString('en')} rows in ${seconds.toFixed(1)} s (${Math.round(rows / seconds).toLocaleString('en')} rows/s). Sign in as ${LARGE_SIGN_IN.email} / ${LARGE_SIGN_IN.password}.\n`);
} catch (error) {
  if (error instanceof LargeOrganisationExists) fail(error.message);
  throw error;
} finally {
  await orm.close(true);
}
