#!/usr/bin/env node
// Runs every suite through turbo (typecheck and tests of each workspace), then adds up the
// vitest reports and prints the totals on a line of their own: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const rootPackage = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

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

for (const { folder } of suites) rmSync(join(folder, '.reports'), { recursive: true, force: true });

const turbo = spawnSync('npx', ['turbo', 'run', 'typecheck', 'test', '--continue', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});

let passed = 0;
let failed = 0;
let skipped = 0;
const rows = [];
for (const { folder, manifest } of suites) {
  const reportPath = join(folder, '.reports', 'vitest.json');
  if (!existsSync(reportPath)) {
    rows.push(`  ${manifest.name.padEnd(22)} no report (the suite did not run; see the output above)`);
    failed += 1;
    continue;
  }
  const report = JSON.parse(readFileSync(reportPath, 'utf8'));
  // A test file that cannot even load counts as a failed suite with no tests: count it too.
  const brokenFiles = report.testResults.filter((file) => file.status === 'failed' && file.assertionResults.length === 0).length;
  const suiteSkipped = report.numPendingTests + report.numTodoTests;
  passed += report.numPassedTests;
  failed += report.numFailedTests + brokenFiles;
  skipped += suiteSkipped;
  rows.push(
    `  ${manifest.name.padEnd(22)} ${String(report.numPassedTests).padStart(4)} passed ${String(report.numFailedTests + brokenFiles).padStart(3)} failed ${String(suiteSkipped).padStart(3)} skipped`,
  );
}

console.log('\nTest totals by workspace:');
for (const row of rows) console.log(row);
console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);

const status = turbo.status ?? 1;
process.exit(status !== 0 ? status : failed > 0 ? 1 : 0);
