/**
 * The risk-engine benchmark: `npm run bench -w @assay/risk-engine`. Prints each figure beside its
 * goal, and the plain single loop that counts the same cells as the floor the library should
 * approach. Timings are the best of several runs, to damp the noise of a shared machine.
 */
import { appendFileSync } from 'node:fs';
import os from 'node:os';
import { fairnessReport, groupCounts, projectCertification, type Cell, type GroupCounts, type ProjectCertificationOptions } from '../src/index.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run with node --expose-gc (npm run bench does)');

interface Row {
  readonly figure: string;
  readonly value: string;
  readonly goal: string;
  readonly met: boolean | null;
}
const rows: Row[] = [];

function progress(message: string): void {
  process.stderr.write(`· ${message}\n`);
}

/** Best wall time of `runs` calls, in milliseconds. */
function bestOf(runs: number, action: () => unknown): number {
  let best = Infinity;
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    action();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

/** Heap still held after `action` (with a collection before and after), in bytes. */
function retainedHeap(action: () => unknown): number {
  gc!();
  const before = process.memoryUsage().heapUsed;
  const result = action();
  gc!();
  const after = process.memoryUsage().heapUsed;
  void result;
  return after - before;
}

/** A fixed linear congruential generator: the same data on every run. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

const groupNames = ['group-a', 'group-b', 'group-c', 'group-d'];

function typedRows(count: number) {
  const random = generator(42);
  const yTrue = new Uint8Array(count);
  const yPred = new Uint8Array(count);
  const groups = new Uint16Array(count);
  for (let row = 0; row < count; row += 1) {
    const group = Math.floor(random() * 4);
    groups[row] = group;
    yTrue[row] = random() < 0.3 + 0.05 * group ? 1 : 0;
    yPred[row] = random() < 0.35 ? 1 : 0;
  }
  return { yTrue, yPred, groups };
}

/** The floor: one loop adding into a flat array of cells, with none of the library's checks. */
function plainLoop(yTrue: Uint8Array, yPred: Uint8Array, groups: Uint16Array): Float64Array {
  const cells = new Float64Array(4 * 4);
  for (let row = 0; row < groups.length; row += 1) cells[groups[row]! * 4 + yTrue[row]! * 2 + yPred[row]!]! += 1;
  return cells;
}

function kilobytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(0)} KB`;
}

function rate(rowsCount: number, milliseconds: number): number {
  return rowsCount / (milliseconds / 1000) / 1e6;
}

for (const count of [1_000_000, 10_000_000]) {
  const label = count === 1_000_000 ? '1M' : '10M';
  progress(`generating ${label} rows`);
  const typed = typedRows(count);
  progress(`timing ${label} typed rows`);
  const typedMs = bestOf(5, () => fairnessReport(groupCounts(typed), { privilegedGroup: '0' }));
  const floorMs = bestOf(5, () => plainLoop(typed.yTrue, typed.yPred, typed.groups));
  const typedHeap = retainedHeap(() => groupCounts(typed));
  rows.push({ figure: `groupCounts + fairnessReport, ${label} rows, typed arrays`, value: `${rate(count, typedMs).toFixed(0)}M rows/s`, goal: '≥ 150M rows/s', met: rate(count, typedMs) >= 150 });
  rows.push({ figure: `  plain single loop over the same arrays (floor)`, value: `${rate(count, floorMs).toFixed(0)}M rows/s`, goal: `library at ${((floorMs / typedMs) * 100).toFixed(0)}% of it`, met: null });
  rows.push({ figure: `  heap retained by groupCounts (typed)`, value: kilobytes(typedHeap), goal: '< 1 MB at any row count', met: typedHeap < 1024 * 1024 });

  progress(`making ${label} plain string arrays`);
  const plain = {
    yTrue: Array.from(typed.yTrue),
    yPred: Array.from(typed.yPred),
    groups: Array.from(typed.groups, (code) => groupNames[code]!),
  };
  progress(`timing ${label} plain arrays`);
  const plainMs = bestOf(3, () => fairnessReport(groupCounts(plain), { privilegedGroup: 'group-a' }));
  const plainHeap = retainedHeap(() => groupCounts(plain));
  rows.push({ figure: `groupCounts + fairnessReport, ${label} rows, string groups in plain arrays`, value: `${rate(count, plainMs).toFixed(0)}M rows/s`, goal: '≥ 20M rows/s', met: rate(count, plainMs) >= 20 });
  rows.push({ figure: `  heap retained by groupCounts (plain)`, value: kilobytes(plainHeap), goal: '< 1 MB at any row count', met: plainHeap < 1024 * 1024 });
}

progress('timing fairnessReport on 1,000 groups');
const random = generator(7);
const manyGroups: Record<string, Cell> = {};
for (let group = 0; group < 1000; group += 1) {
  const cell = { tp: Math.floor(random() * 500), fp: Math.floor(random() * 500), tn: Math.floor(random() * 500), fn: Math.floor(random() * 500) };
  manyGroups[`g${group}`] = { ...cell, rows: cell.tp + cell.fp + cell.tn + cell.fn };
}
const thousandGroups: GroupCounts = { groups: manyGroups, missing: { tp: 0, fp: 0, tn: 0, fn: 0, rows: 0 } };
bestOf(20, () => fairnessReport(thousandGroups, { privilegedGroup: 'g0' })); // warm up
const reportMs = bestOf(50, () => fairnessReport(thousandGroups, { privilegedGroup: 'g0' }));
rows.push({ figure: 'fairnessReport from counts of 1,000 groups', value: `${reportMs.toFixed(2)} ms`, goal: '< 5 ms', met: reportMs < 5 });

progress('timing projectCertification with 10,000 simulations');
// 38 controls, 20 left, 12 weeks of uneven completion history: the bootstrap path.
const certificationInput: ProjectCertificationOptions = {
  asOf: '2026-11-30',
  plan: [
    { stage: 'gap-analysis', actualStart: '2026-08-03', actualEnd: '2026-08-28' },
    { stage: 'implementation', actualStart: '2026-08-31' },
  ],
  controls: Array.from({ length: 38 }, (_, index) => ({
    id: `A.${index + 1}`,
    objective: `A.${2 + (index % 9)}`,
    applicable: true,
    status: index < 18 ? 'implemented' : 'in-progress',
  })),
  completionHistory: [0, 3, 1, 0, 2, 4, 1, 0, 2, 3, 1, 1].map((completed, week) => ({
    week: new Date(Date.UTC(2026, 8, 7 + 7 * week)).toISOString().slice(0, 10),
    completed,
  })),
  seed: 2026,
  simulations: 10_000,
};
bestOf(5, () => projectCertification(certificationInput)); // warm up
const certificationMs = bestOf(20, () => projectCertification(certificationInput));
rows.push({ figure: 'projectCertification, 10,000 simulations', value: `${certificationMs.toFixed(2)} ms`, goal: '< 100 ms', met: certificationMs < 100 });

const width = Math.max(...rows.map((row) => row.figure.length));
const valueWidth = Math.max(...rows.map((row) => row.value.length));
console.log(`@assay/risk-engine benchmark — Node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length}, ${new Date().toISOString().slice(0, 10)}`);
for (const row of rows) {
  const verdict = row.met === null ? '' : row.met ? 'met' : 'MISSED';
  console.log(`${row.figure.padEnd(width)}  ${row.value.padStart(valueWidth)}  ${row.goal.padEnd(28)} ${verdict}`);
}
const missed = rows.filter((row) => row.met === false).length;
console.log(missed === 0 ? 'every goal met' : `${missed} goal(s) missed`);
// The root `npm run bench` gathers every benchmark's figures into one table.
if (process.env.ASSAY_BENCH_RESULTS) appendFileSync(process.env.ASSAY_BENCH_RESULTS, rows.map((row) => `${JSON.stringify(row)}\n`).join(''));
