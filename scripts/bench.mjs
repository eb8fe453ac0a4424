#!/usr/bin/env node
/**
 * Every benchmark of Assay in one run, ending with one table of each figure beside its goal:
 *
 *   npm run bench [-- --database-url URL] [--rows N] [--scale S] [--requests N]
 *
 *   --database-url URL  where the large organisation lives for the API and dashboard figures, and
 *                       the server the import runs against (PostgreSQL); default: SQLite files in
 *                       the temp folder, generated on first use
 *   --rows N            rows of the generated prediction log (default 10,000,000, about 920 MB)
 *   --scale S           size of the large organisation (default 1: 50,000 risks)
 *   --requests N        requests per API scenario at one client (default 20)
 *
 * Each step is a benchmark of its own workspace, printing its detailed table as it goes; each
 * also appends its headline figures to the file named by ASSAY_BENCH_RESULTS (one JSON object a
 * line: figure, value, goal, met — met is null for a figure without a goal), which this script
 * gathers into the final table under the step's title.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    rows: { type: 'string', default: '10000000' },
    scale: { type: 'string', default: '1' },
    requests: { type: 'string', default: '20' },
  },
});
const root = new URL('..', import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), 'assay-bench-'));
/** Every figure so far, with the title of the step that measured it. */
const rows = [];
const databaseUrl = values['database-url'] ?? `sqlite:${join(tmpdir(), `assay-bench-large-${values.scale}.sqlite`)}`;
const onPostgres = databaseUrl.startsWith('postgres');
const started = Date.now();

/** Runs one step with its output shown; a failed step is reported in the table and the run goes on. */
function step(title, command, args) {
  process.stderr.write(`\n==> ${title} (${Math.round((Date.now() - started) / 1000)} s in)\n`);
  const results = join(scratch, `step-${rows.length}-${Date.now()}.jsonl`);
  writeFileSync(results, '');
  const run = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ASSAY_BENCH_RESULTS: results } });
  for (const line of readFileSync(results, 'utf8').split('\n').filter(Boolean)) rows.push({ section: title, ...JSON.parse(line) });
  if (run.status !== 0) rows.push({ section: title, figure: 'the step itself', value: `exit ${run.status ?? run.signal}`, goal: 'runs to the end', met: false });
}

const largeSignIn = ['--email', 'bench@assay.local', '--password', 'assay-benchmark'];
try {
  step('build', 'npx', ['turbo', 'run', 'build', '--output-logs=errors-only']);
  step('risk engine', 'npm', ['run', 'bench', '-w', '@assay/risk-engine']);
  step('prediction-log import', 'npm', ['run', 'bench', '-w', '@assay/api', '--', '--rows', values.rows, ...(onPostgres ? ['--database-url', databaseUrl] : [])]);
  step('API on the large organisation', 'npm', ['run', 'bench:api', '-w', '@assay/api', '--', '--database-url', databaseUrl, '--scale', values.scale, '--requests', values.requests]);
  step('dashboard bundle', 'npm', ['run', 'bench:bundle', '-w', '@assay/test']);
  step('dashboard, demo organisation', 'npm', ['run', 'bench', '-w', '@assay/test']);
  step('dashboard, large organisation', 'npm', ['run', 'bench', '-w', '@assay/test', '--', '--database-url', databaseUrl, ...largeSignIn]);

  const cpu = os.cpus()[0]?.model.replace(/\s+/g, ' ').trim() ?? 'unknown CPU';
  const width = Math.max(...rows.map((row) => row.figure.length)) + 2;
  const valueWidth = Math.max(...rows.map((row) => row.value.length));
  console.log(`\nAssay benchmarks — ${onPostgres ? 'PostgreSQL' : 'SQLite'}, Node ${process.version}, ${cpu} × ${os.cpus().length}, ${new Date().toISOString().slice(0, 10)}, ${Math.round((Date.now() - started) / 1000)} s`);
  let section = '';
  for (const row of rows) {
    if (row.section !== section) console.log(`\n${(section = row.section)}`);
    const verdict = row.met === null ? '' : row.met ? 'met' : 'MISSED';
    console.log(`  ${row.figure.padEnd(width)}${row.value.padStart(valueWidth)}  ${row.goal.padEnd(34)} ${verdict}`);
  }
  const missed = rows.filter((row) => row.met === false);
  console.log(`\n${missed.length === 0 ? 'every goal met' : `${missed.length} goal(s) missed: ${missed.map((row) => `${row.section} — ${row.figure}`).join('; ')}`}`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
