/**
 * Prediction-log import benchmark: `npm run bench -w @assay/api [-- --rows 10000000]`.
 * Generates a CSV log, imports it with the command line as `npm run import:predictions` runs it
 * (Node with a 160 MB heap, which makes the collector keep memory flat) into a fresh, seeded
 * SQLite database (or the PostgreSQL server of --database-url), and reports throughput and the
 * importer's peak resident memory at a tenth of the size and at full size: constant memory means
 * the two peaks match. A plain streamed read of the same file, counting lines, is the floor.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import os from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { migrate, openDatabase } from '../src/db.js';
import { parseDatabaseUrl } from '../src/env.js';
import { seedDemoIfEmpty } from '../src/seed/demo.js';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '2000000' }, 'database-url': { type: 'string' } } });
const fullRows = Number(values.rows);
const folder = mkdtempSync(join(tmpdir(), 'assay-import-bench-'));
const progress = (message: string) => process.stderr.write(`· ${message}\n`);

async function writeLog(path: string, rows: number): Promise<number> {
  const out = createWriteStream(path);
  out.write('decision_id,model_version,outcome,prediction,sex,age_band,timestamp,score\n');
  let state = 12345;
  const next = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 4294967296);
  const ages = ['18-29', '30-44', '45-59', '60+'];
  const start = Date.UTC(2025, 0, 6);
  let batch = '';
  for (let row = 0; row < rows; row += 1) {
    const outcome = next() < 0.3 ? 1 : 0;
    const score = next();
    const time = new Date(start + Math.floor((row / rows) * 104 * 7 * 86_400_000)).toISOString();
    // About 100 bytes a row, as a real decision log with an id and the model version would be.
    const id = `${(row + 1).toString(16).padStart(8, '0')}-${Math.floor(next() * 0xffff).toString(16).padStart(4, '0')}-4a1e-8b2c-${Math.floor(next() * 2 ** 40).toString(16).padStart(12, '0')}`;
    batch += `${id},credit-2026.3.1,${outcome},${score > 0.6 ? 1 : 0},${next() < 0.5 ? 'F' : 'M'},${ages[Math.floor(next() * 4)]},${time},${score.toFixed(4)}\n`;
    if (batch.length > 1 << 20) {
      if (!out.write(batch)) await once(out, 'drain');
      batch = '';
    }
    if (row > 0 && row % 2_000_000 === 0) progress(`  ${(row / 1e6).toFixed(0)}M rows written`);
  }
  out.end(batch);
  await once(out, 'finish');
  return statSync(path).size;
}

async function plainRead(path: string): Promise<number> {
  const started = performance.now();
  let lines = 0;
  for await (const chunk of createReadStream(path)) for (const byte of chunk as Buffer) if (byte === 10) lines += 1;
  void lines;
  return (performance.now() - started) / 1000;
}

function timedImport(path: string, databaseUrl: string): { seconds: number; peakMb: number } {
  const result = spawnSync(
    '/usr/bin/time',
    ['-f', 'BENCH %M %e', 'node', '--max-old-space-size=160', '--import', 'tsx', 'src/scripts/import-predictions.ts', path, '--system', 'Credit decisioning model', '--attributes', 'sex,age_band', '--score', 'score', '--database-url', databaseUrl],
    { encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`import failed: ${result.stderr}`);
  const match = /BENCH (\d+) ([\d.]+)/.exec(result.stderr);
  if (!match) throw new Error(`no timing in ${result.stderr}`);
  // The figures are of the whole command (npx, tsx and the importer); the importer is the largest process.
  return { peakMb: Number(match[1]) / 1024, seconds: Number(match[2]) };
}

async function freshDatabase(name: string): Promise<string> {
  const url = values['database-url'] ? `${values['database-url'].replace(/\/[^/]*$/, '')}/assay_bench_${name}` : `sqlite:${join(folder, `${name}.sqlite`)}`;
  const target = parseDatabaseUrl(url);
  let orm = await openDatabase(target);
  if (target.kind === 'postgresql') {
    // A database left by an earlier run is dropped; opening it again creates it empty.
    await orm.schema.dropDatabase(target.dbName).catch(() => undefined);
    await orm.close(true);
    orm = await openDatabase(target);
  }
  await migrate(orm, target);
  await seedDemoIfEmpty(orm.em.fork());
  await orm.close(true);
  return url;
}

try {
  const results: { rows: number; bytes: number; seconds: number; peakMb: number; floorSeconds: number }[] = [];
  for (const rows of [Math.round(fullRows / 10), fullRows]) {
    const path = join(folder, `log-${rows}.csv`);
    progress(`writing a ${rows.toLocaleString('en')}-row log`);
    const bytes = await writeLog(path, rows);
    progress(`reading it plainly (floor)`);
    const floorSeconds = await plainRead(path);
    progress(`importing it`);
    const databaseUrl = await freshDatabase(`r${rows}`);
    const { seconds, peakMb } = timedImport(path, databaseUrl);
    results.push({ rows, bytes, seconds, peakMb, floorSeconds });
    rmSync(path);
  }
  const database = values['database-url'] ? 'PostgreSQL' : 'SQLite';
  console.log(`@assay/api import benchmark — ${database}, Node ${process.version}, ${os.cpus()[0]?.model ?? 'CPU'} × ${os.cpus().length}, ${new Date().toISOString().slice(0, 10)}`);
  for (const result of results) {
    const mb = result.bytes / 1_048_576;
    console.log(
      `${result.rows.toLocaleString('en').padStart(11)} rows, ${mb.toFixed(0).padStart(5)} MB: ${(mb / result.seconds).toFixed(1).padStart(5)} MB/s, ${((result.rows / result.seconds) / 1000).toFixed(0).padStart(4)}k rows/s, peak RSS ${result.peakMb.toFixed(0)} MB (goal < 256 MB: ${result.peakMb < 256 ? 'met' : 'MISSED'}); plain read ${(mb / result.floorSeconds).toFixed(0)} MB/s`,
    );
  }
  const [small, large] = results;
  const growth = large!.peakMb / small!.peakMb;
  console.log(`peak RSS at 10× the rows: ${growth.toFixed(2)}× (constant memory means ≈ 1)`);
  // The root `npm run bench` gathers every benchmark's figures into one table.
  if (process.env.ASSAY_BENCH_RESULTS) {
    const mb = large!.bytes / 1_048_576;
    const figures = [
      { figure: `import of ${large!.rows.toLocaleString('en')} rows (${mb.toFixed(0)} MB), end to end`, value: `${(mb / large!.seconds).toFixed(1)} MB/s`, goal: `plain read ${(mb / large!.floorSeconds).toFixed(0)} MB/s`, met: null },
      { figure: 'peak RSS of the importer', value: `${large!.peakMb.toFixed(0)} MB`, goal: '< 256 MB', met: large!.peakMb < 256 },
      { figure: `peak RSS at ${large!.rows.toLocaleString('en')} rows ÷ at a tenth`, value: `${growth.toFixed(2)}×`, goal: '≤ 1.10× (constant memory)', met: growth <= 1.1 },
    ];
    appendFileSync(process.env.ASSAY_BENCH_RESULTS, figures.map((row) => `${JSON.stringify(row)}\n`).join(''));
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}
