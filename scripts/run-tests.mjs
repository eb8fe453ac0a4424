#!/usr/bin/env node
// Runs every suite through turbo (typecheck and tests of each workspace), then adds up the
// vitest reports and prints the totals on a line of their own: "N passed, N failed".
//
//   node scripts/run-tests.mjs                     the fast suites (npm test)
//   node scripts/run-tests.mjs --reliability       the fast suites, then the reliability suites at full size (.ci/run)
//   node scripts/run-tests.mjs --reliability-only  the reliability suites alone (npm run test:reliability)
//
// Other arguments go to turbo. The reliability suites write their reports beside the fast ones
// (<workspace>/.reports/reliability/<run>.json), so the last line counts both.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { RELIABILITY_STAGES } from './reliability-suites.mjs';

const root = new URL('..', import.meta.url).pathname;
const rootPackage = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const flags = new Set(process.argv.slice(2).filter((argument) => argument.startsWith('--reliability')));
const turboArguments = process.argv.slice(2).filter((argument) => !flags.has(argument));
const runFast = !flags.has('--reliability-only');
const runReliability = flags.has('--reliability') || flags.has('--reliability-only');

/** Workspace folders (the globs in package.json are one level deep). */
function workspaces() {
  const folders = [];
  for (const pattern of rootPackage.workspaces) {
    if (pattern.endsWith('/*')) {
      const parent = join(root, pattern.slice(0, -2));
      for (const name of spawnSync('ls', [parent], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean)) {
        folders.push(join(parent, name));
      }
    } else {
      folders.push(join(root, pattern));
    }
  }
  return folders.filter((folder) => existsSync(join(folder, 'package.json')));
}

const suites = workspaces()
  .map((folder) => ({ folder, manifest: JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) }))
  .filter(({ manifest }) => manifest.scripts?.test);

for (const { folder } of suites) rmSync(join(folder, '.reports', runFast ? '' : 'reliability'), { recursive: true, force: true });

let status = 0;
if (runFast) {
  const turbo = spawnSync('npx', ['turbo', 'run', 'typecheck', 'test', '--continue', ...turboArguments], { cwd: root, stdio: 'inherit' });
  status = turbo.status ?? 1;
}
const timings = runReliability ? await reliabilitySuites() : [];

/**
 * Adds up a vitest JSON report; a missing report is one failure (the suite did not run). A
 * reliability run leaves out, by name, the tests of its other half: those are not counted as skipped.
 */
function counted(label, reportPath, { countSkipped = true } = {}) {
  if (!existsSync(reportPath)) return { passed: 0, failed: 1, skipped: 0, row: `  ${label.padEnd(36)} no report (the suite did not run; see the output above)` };
  const report = JSON.parse(readFileSync(reportPath, 'utf8'));
  // A test file that cannot even load counts as a failed suite with no tests: count it too.
  const brokenFiles = report.testResults.filter((file) => file.status === 'failed' && file.assertionResults.length === 0).length;
  const failed = report.numFailedTests + brokenFiles;
  const skipped = countSkipped ? report.numPendingTests + report.numTodoTests : 0;
  // A reliability run whose name filter or prerequisites left nothing to run proved nothing.
  if (!countSkipped && report.numPassedTests + failed === 0) return { passed: 0, failed: 1, skipped: 0, row: `  ${label.padEnd(36)} ran no test (see the output above)` };
  return {
    passed: report.numPassedTests,
    failed,
    skipped,
    row: `  ${label.padEnd(36)} ${String(report.numPassedTests).padStart(4)} passed ${String(failed).padStart(3)} failed ${String(skipped).padStart(3)} skipped`,
  };
}

const counts = [];
if (runFast) {
  for (const { folder, manifest } of suites) counts.push(counted(manifest.name, join(folder, '.reports', 'vitest.json')));
}
if (runReliability) {
  for (const run of RELIABILITY_STAGES.flat()) counts.push(counted(run.name, reportOf(run), { countSkipped: false }));
}

const passed = counts.reduce((sum, count) => sum + count.passed, 0);
const failed = counts.reduce((sum, count) => sum + count.failed, 0);
const skipped = counts.reduce((sum, count) => sum + count.skipped, 0);
if (timings.length > 0) {
  console.log('\nReliability stages (the runs of a stage side by side):');
  for (const line of timings) console.log(line);
}
console.log('\nTest totals by suite:');
for (const { row } of counts) console.log(row);
console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);

process.exit(status !== 0 ? status : failed > 0 ? 1 : 0);

function reportOf(run) {
  return join(root, run.workspace, '.reports', 'reliability', `${run.id}.json`);
}

/** Builds what the end-to-end suites start, then runs the stages one after another, the runs of each at once. */
async function reliabilitySuites() {
  const build = spawnSync('npx', ['turbo', 'run', 'build', '--filter=@assay/api', '--filter=@assay/web', '--output-logs=errors-only'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) status = build.status ?? 1;
  const lines = [];
  for (const stage of RELIABILITY_STAGES) {
    const started = Date.now();
    const codes = await Promise.all(stage.map((run) => vitest(run)));
    if (codes.some((code) => code !== 0)) status ||= 1;
    lines.push(`  ${stage.map((run) => run.name).join(' | ').padEnd(72)} ${Math.round((Date.now() - started) / 1000)} s`);
  }
  return lines;
}

/** One vitest run of a reliability suite, its output prefixed with the run's id. */
function vitest(run) {
  return new Promise((resolve) => {
    const child = spawn('npx', ['vitest', 'run', run.file, '--testNamePattern', run.tests, `--outputFile.json=${reportOf(run)}`], {
      cwd: join(root, run.workspace),
      env: { ...process.env, ...run.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const prefix = (stream, target) => {
      let rest = '';
      stream.on('data', (chunk) => {
        const lines = (rest + chunk.toString()).split('\n');
        rest = lines.pop() ?? '';
        for (const line of lines) target.write(`[${run.id}] ${line}\n`);
      });
      stream.on('end', () => rest && target.write(`[${run.id}] ${rest}\n`));
    };
    prefix(child.stdout, process.stdout);
    prefix(child.stderr, process.stderr);
    child.on('close', (code) => resolve(code ?? 1));
  });
}
