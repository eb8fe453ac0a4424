import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { graphql, removeTempFolders, startApp, tempFolder } from '../support/app.js';
import { expectAuditChainIntact, expectSqliteIntact, KILLS, killAfter, killRounds, openSql, signIn } from '../support/crash.js';
import { dropDatabase, freshDatabaseUrl, postgresqlReachable } from '../support/postgresql.js';

/**
 * Crash safety of prediction-log imports: the API process is killed with SIGKILL at random moments
 * while a client uploads prediction logs over HTTP, one after another, then started again on the
 * same database. Each import writes its fairness windows, their cells, the import record and its
 * audit entry in one transaction, so each uploaded file must afterwards be wholly there (the
 * record, and windows whose counts are the file's own) or wholly absent (nothing of it), every
 * acknowledged upload must be there, windows that several files add to must hold exactly the sum
 * of the files stored, the audit chain must verify and, on SQLite, the file must be intact. A file
 * that is absent must then import when sent again.
 */
const ROWS = Number(process.env.ASSAY_CRASH_IMPORT_ROWS ?? 20_000);
const DAYS = 14;
/**
 * Each round's kill falls at a random moment within this many upload durations (measured as the
 * suite goes) of the start of its first upload (odd rounds) or its second (even rounds, so that
 * one upload is acknowledged first).
 */
const KILL_SPAN_UPLOADS = 1.2;
const postgresqlUp = await postgresqlReachable();

interface Cell {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
  rows: number;
}

/** One prediction log to upload, with what it should add: counts by `attribute|day|group`. */
interface Upload {
  index: number;
  body: string;
  sha256: string;
  attribute: string;
  cells: Map<string, Cell>;
}

/** A small deterministic generator (a linear congruential one), seeded per file. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 4294967296;
}

/**
 * Prediction log number `index`: ROWS rows over DAYS days. Its groups go into day windows of two
 * attributes: "segment", which every file adds to, and one named after the file, which only it has.
 */
function makeUpload(index: number): Upload {
  const random = generator(index * 7919 + 1);
  const attribute = `probe_${index}`;
  const cells = new Map<string, Cell>();
  const count = (key: string, outcome: number, prediction: number) => {
    const cell = cells.get(key) ?? { tp: 0, fp: 0, tn: 0, fn: 0, rows: 0 };
    if (outcome === 1 && prediction === 1) cell.tp += 1;
    else if (prediction === 1) cell.fp += 1;
    else if (outcome === 0) cell.tn += 1;
    else cell.fn += 1;
    cell.rows += 1;
    cells.set(key, cell);
  };
  const lines = [`outcome,prediction,segment,${attribute},timestamp`];
  for (let row = 0; row < ROWS; row += 1) {
    const outcome = random() < 0.4 ? 1 : 0;
    const prediction = random() < 0.45 ? 1 : 0;
    // A missing segment now and then: its rows count in the window's missing cell (group null).
    const segment = random() < 0.05 ? '' : ['A', 'B', 'C'][Math.floor(random() * 3)]!;
    const own = random() < 0.5 ? 'x' : 'y';
    const day = new Date(Date.UTC(2026, 0, 5 + (row % DAYS))).toISOString().slice(0, 10);
    lines.push(`${outcome},${prediction},${segment},${own},${day}T${String(row % 24).padStart(2, '0')}:00:00Z`);
    count(`segment|${day}|${segment || '(missing)'}`, outcome, prediction);
    count(`${attribute}|${day}|${own}`, outcome, prediction);
  }
  const body = `${lines.join('\n')}\n`;
  return { index, body, sha256: createHash('sha256').update(body).digest('hex'), attribute, cells };
}

function addCells(total: Map<string, Cell>, cells: Map<string, Cell>): void {
  for (const [key, cell] of cells) {
    const sum = total.get(key) ?? { tp: 0, fp: 0, tn: 0, fn: 0, rows: 0 };
    total.set(key, { tp: sum.tp + cell.tp, fp: sum.fp + cell.fp, tn: sum.tn + cell.tn, fn: sum.fn + cell.fn, rows: sum.rows + cell.rows });
  }
}

/** Sends one upload; the answer's status, or null when the connection died with the process. */
async function send(url: string, token: string, systemId: string, upload: Upload): Promise<number | null> {
  const query = `outcome=outcome&prediction=prediction&timestamp=timestamp&attributes=segment,${upload.attribute}&window=day`;
  try {
    const response = await fetch(`${url}/api/ai-systems/${systemId}/predictions?${query}`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` },
      body: upload.body,
    });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return null;
  }
}

interface Figures {
  tried: number;
  acknowledged: number;
  stored: number;
  retried: number;
}

/** What the database holds of the uploads: the imports by SHA-256, and every window cell of the AI system. */
async function readImports(databaseUrl: string, systemId: string) {
  const sql = await openSql(databaseUrl);
  try {
    const imports = await sql.all<{ id: string; sha256: string; rows: number; windows: number }>('select id, sha256, rows, windows from prediction_import where ai_system_id = ?', [systemId]);
    const audited = await sql.all<{ entity_id: string }>("select entity_id from audit_log_entry where entity_type = 'PredictionImport' and operation = 'create'");
    const windows = await sql.all<{ attribute: string; day: string; rows: number | string; cells: number | string }>(
      `select w.attribute, cast(w.starts_on as text) as day, w.rows, (select count(*) from fairness_window_cell c where c.window_id = w.id) as cells
       from fairness_window w where w.ai_system_id = ?`,
      [systemId],
    );
    const cellRows = await sql.all<{ attribute: string; day: string; group_key: string | null } & Cell>(
      `select w.attribute, cast(w.starts_on as text) as day, c.group_key, c.tp, c.fp, c.tn, c.fn, c.rows
       from fairness_window w join fairness_window_cell c on c.window_id = w.id where w.ai_system_id = ?`,
      [systemId],
    );
    const cells = new Map<string, Cell>();
    for (const row of cellRows) {
      cells.set(`${row.attribute}|${row.day}|${row.group_key ?? '(missing)'}`, { tp: Number(row.tp), fp: Number(row.fp), tn: Number(row.tn), fn: Number(row.fn), rows: Number(row.rows) });
    }
    return { imports, audited: new Set(audited.map((entry) => entry.entity_id)), windows, cells };
  } finally {
    await sql.close();
  }
}

/**
 * Checks that each upload is wholly stored or wholly absent and that every acknowledged one is
 * stored; returns the uploads stored.
 */
async function expectWholeOrAbsent(databaseUrl: string, systemId: string, uploads: readonly Upload[], acknowledged: ReadonlySet<number>): Promise<Upload[]> {
  const { imports, audited, windows, cells } = await readImports(databaseUrl, systemId);
  const bySha = new Map(uploads.map((upload) => [upload.sha256, upload]));
  // Every import record is one of the uploads, whole: its row and window counts, and its audit entry.
  expect(imports.filter((record) => !bySha.has(record.sha256))).toEqual([]);
  expect(imports.map((record) => ({ rows: Number(record.rows), windows: Number(record.windows), audited: audited.has(record.id) }))).toEqual(
    imports.map(() => ({ rows: ROWS, windows: 2 * DAYS, audited: true })),
  );
  const stored = uploads.filter((upload) => imports.some((record) => record.sha256 === upload.sha256));
  // Nothing acknowledged was lost.
  expect(uploads.filter((upload) => acknowledged.has(upload.index) && !stored.includes(upload)).map((upload) => upload.index)).toEqual([]);
  // The windows hold exactly what the stored files add up to: an absent file left no window or
  // cell of its own, and no half-added counts in the windows that files share.
  const ownAttributes = new Set(['segment', ...stored.map((upload) => upload.attribute)]);
  expect([...new Set(windows.map((window) => window.attribute))].filter((attribute) => !ownAttributes.has(attribute)), 'windows of files not stored').toEqual([]);
  const expected = new Map<string, Cell>();
  for (const upload of stored) addCells(expected, upload.cells);
  expect(Object.fromEntries([...cells].sort())).toEqual(Object.fromEntries([...expected].sort()));
  // Each window's row count is the sum of its cells', and no window is empty.
  const windowRows = new Map<string, number>();
  for (const [key, cell] of cells) {
    const window = key.split('|').slice(0, 2).join('|');
    windowRows.set(window, (windowRows.get(window) ?? 0) + cell.rows);
  }
  expect(windows.filter((window) => Number(window.cells) === 0 || windowRows.get(`${window.attribute}|${window.day}`) !== Number(window.rows))).toEqual([]);
  return stored;
}

async function crashImports(databaseUrl: string): Promise<Figures> {
  // Kill moments: a seeded spread, scaled by how long an upload takes on this machine.
  const seed = Number(process.env.ASSAY_CRASH_SEED ?? 42001);
  const random = generator(seed);
  const durations: number[] = [];
  const uploads: Upload[] = [];
  const acknowledged = new Set<number>();
  let systemId = '';
  await killRounds(databaseUrl, async (app, round) => {
    const token = await signIn(app.url);
    if (systemId === '') {
      // An AI system of its own, with no fairness thresholds: imports into it open no findings.
      const created = await graphql<{ createAiSystem: { id: string } }>(app.url, 'mutation { createAiSystem(input: { name: "Crash-probe scorer", organisationRole: PROVIDER }) { id } }', {}, token);
      systemId = created.data!.createAiSystem.id;
    }
    let kill: ReturnType<typeof killAfter> | null = null;
    for (let sent = 0; kill === null || kill.alive(); sent += 1) {
      if (sent === (round % 2 === 0 ? 1 : 0)) {
        const typical = [...durations].sort((a, b) => a - b)[Math.floor(durations.length / 2)] ?? 1500;
        kill = killAfter(app, random() * KILL_SPAN_UPLOADS * typical);
      }
      const upload = makeUpload(uploads.length);
      uploads.push(upload);
      const started = Date.now();
      const status = await send(app.url, token, systemId, upload);
      if (status === null) break;
      // Anything but success is a defect: these files are well-formed and new.
      expect(status, `upload ${upload.index}`).toBe(200);
      acknowledged.add(upload.index);
      durations.push(Date.now() - started);
    }
    kill?.done();
  });

  const app = await startApp({ DATABASE_URL: databaseUrl });
  let stored: Upload[];
  let retried = 0;
  try {
    stored = await expectWholeOrAbsent(databaseUrl, systemId, uploads, acknowledged);
    await expectAuditChainIntact(app.url);
    // An upload that left nothing behind imports when sent again, whole.
    const token = await signIn(app.url);
    for (const upload of uploads.filter((candidate) => !stored.includes(candidate))) {
      expect(await send(app.url, token, systemId, upload), `retry of upload ${upload.index}`).toBe(200);
      retried += 1;
    }
    const all = new Set(uploads.map((upload) => upload.index));
    expect(await expectWholeOrAbsent(databaseUrl, systemId, uploads, all)).toHaveLength(uploads.length);
    await expectAuditChainIntact(app.url);
  } finally {
    await app.stop();
  }
  return { tried: uploads.length, acknowledged: acknowledged.size, stored: stored.length, retried };
}

const report = (database: string, figures: Figures) =>
  console.log(
    `crash safety of imports, ${database}: ${KILLS} kills, ${figures.tried} uploads of ${ROWS.toLocaleString('en')} rows tried, ${figures.acknowledged} acknowledged, ${figures.stored} stored, 0 lost; ${figures.retried} absent ones imported when sent again`,
  );

describe('crash safety of prediction-log imports on SQLite (WAL)', () => {
  afterAll(() => removeTempFolders());

  it(`keeps every import whole or absent, and every acknowledged one, through ${KILLS} kill -9s`, async () => {
    const file = join(tempFolder('crash-imports'), 'assay.sqlite');
    const figures = await crashImports(`sqlite:${file}`);
    expect(figures.acknowledged).toBeGreaterThan(0);
    expectSqliteIntact(file);
    report('SQLite', figures);
  }, 300_000);
});

describe.runIf(postgresqlUp)('crash safety of prediction-log imports on PostgreSQL', () => {
  const database = freshDatabaseUrl('assay_crash_imports');

  afterAll(async () => {
    await dropDatabase(database);
    removeTempFolders();
  });

  it(`keeps every import whole or absent, and every acknowledged one, through ${KILLS} kill -9s`, async () => {
    const figures = await crashImports(database.toString());
    expect(figures.acknowledged).toBeGreaterThan(0);
    report('PostgreSQL', figures);
  }, 300_000);
});
