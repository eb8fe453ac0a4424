import { Readable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { beforeAll, describe, expect, it } from 'vitest';
import { AiSystem } from '../src/entities/ai-system.entity.js';
import { importPredictionLog } from '../src/imports/import-prediction-log.js';
import { PredictionLogError, type PredictionLogOptions } from '../src/imports/prediction-log.js';
import { useDemoApi } from './support/api.js';
import { testDatabases } from './support/databases.js';

/**
 * Malformed prediction logs: each file below is broken in one way. Over HTTP and through the
 * importer function alike, the answer must name the line (and the column where one is to blame)
 * and say what is wrong in plain words, and the database must be exactly as it was: no import,
 * window, cell, finding or audit entry added, and an earlier good import's windows untouched.
 */
const databases = await testDatabases();
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const HEADER = 'outcome,prediction,sex,region,timestamp';
const QUERY = 'outcome=outcome&prediction=prediction&attributes=sex,region&timestamp=timestamp&window=week';
const OPTIONS: PredictionLogOptions = { outcome: 'outcome', prediction: 'prediction', attributes: ['sex', 'region'], timestamp: 'timestamp', window: 'week' };

/** Data row `line` of a deterministic log (line 2 is the first data row): three weeks of March 2026. */
function row(line: number): string {
  return `${line % 3 === 0 ? 1 : 0},${line % 4 === 0 ? 1 : 0},${line % 2 === 0 ? 'F' : 'M'},${line % 5 === 0 ? 'north' : 'south'},2026-03-${String(2 + (line % 21)).padStart(2, '0')}T10:00:00Z`;
}

/** The lines of a good log with `rows` data rows, header first. */
function lines(rows: number, from = 2): string[] {
  return [HEADER, ...Array.from({ length: rows }, (_, index) => row(from + index))];
}

/** A file of text lines and raw byte pieces, joined by newlines. */
function file(parts: (string | Buffer)[], finalNewline = true): Buffer {
  const pieces: Buffer[] = [];
  parts.forEach((part, index) => {
    pieces.push(typeof part === 'string' ? Buffer.from(part) : part);
    if (index < parts.length - 1 || finalNewline) pieces.push(Buffer.from('\n'));
  });
  return Buffer.concat(pieces);
}

/** The good log with line `line` (1-based, the header is line 1) replaced. */
function withLine(line: number, replacement: string | Buffer, rows = 60): Buffer {
  const parts: (string | Buffer)[] = lines(rows);
  parts[line - 1] = replacement;
  return file(parts);
}

const bytes = (...values: number[]) => Buffer.from(values);
const ROWS = 60;
const LAST = ROWS + 1;

interface Case {
  name: string;
  body: Buffer;
  line: number;
  column: string | null;
  message: RegExp;
}

const cases: Case[] = [
  { name: 'a missing required column', body: withLine(1, 'outcome,prediction,gender,region,timestamp'), line: 1, column: 'sex', message: /^the header has no column "sex" \(it has "outcome", "prediction", "gender", "region", "timestamp"\)$/ },
  { name: 'wrong header names', body: withLine(1, 'y,y_hat,sex,region,time'), line: 1, column: 'outcome', message: /^the header has no column "outcome"/ },
  { name: 'a column named twice', body: file([`${HEADER},sex`, ...lines(ROWS).slice(1).map((text) => `${text},F`)]), line: 1, column: 'sex', message: /^the header has the column "sex" twice \(fields 3 and 6\)/ },
  { name: 'a row with fields missing', body: withLine(11, '1,0,F'), line: 11, column: 'region', message: /^the row has 3 fields, the header has 5; "region" and "timestamp" are missing$/ },
  { name: 'a row with an extra field', body: withLine(12, `${row(12)},extra`), line: 12, column: null, message: /^the row has 6 fields, the header has 5$/ },
  { name: 'invalid UTF-8 bytes', body: withLine(21, Buffer.concat([Buffer.from('1,0,'), bytes(0xc3, 0x28), Buffer.from(',north,2026-03-04T10:00:00Z')])), line: 21, column: 'sex', message: /^the text is not valid UTF-8 \(byte 0xC3/ },
  { name: 'Latin-1 bytes', body: withLine(31, Buffer.from('1,0,F,Z\u00fcrich,2026-03-04T10:00:00Z', 'latin1')), line: 31, column: 'region', message: /^the text is not valid UTF-8 \(byte 0xFC.*Latin-1.*save it as UTF-8/ },
  { name: 'UTF-16 with a byte-order mark', body: Buffer.concat([bytes(0xff, 0xfe), Buffer.from(lines(ROWS).join('\n'), 'utf16le')]), line: 1, column: null, message: /^the file is UTF-16.*save it as UTF-8/ },
  { name: 'UTF-16 big-endian with a byte-order mark', body: Buffer.concat([bytes(0xfe, 0xff), Buffer.from(lines(ROWS).join('\n'), 'utf16le').swap16()]), line: 1, column: null, message: /^the file is UTF-16/ },
  { name: 'a NUL byte', body: withLine(41, '1,0,F,no\u0000rth,2026-03-04T10:00:00Z'), line: 41, column: 'region', message: /NUL/ },
  { name: 'a file cut in the middle of a line', body: file([...lines(ROWS), '1,0,F,nor'], false), line: LAST + 1, column: 'timestamp', message: /^the row has 4 fields, the header has 5; "timestamp" is missing; the file ends in the middle of this line: was it cut short\?$/ },
  { name: 'a file cut in the middle of a quoted field', body: file([...lines(ROWS), '1,1,"F'], false), line: LAST + 1, column: 'sex', message: /quoted field .*never closed/ },
  { name: 'a file cut in the middle of a character', body: Buffer.concat([file(lines(ROWS)), Buffer.from('1,1,F,Z'), bytes(0xc3)]), line: LAST + 1, column: 'region', message: /not valid UTF-8/ },
  { name: 'a quoted field never closed', body: withLine(51, '1,0,"F,north,2026-03-04T10:00:00Z'), line: 51, column: 'sex', message: /quoted field .*never closed/ },
  { name: 'a quote inside an unquoted field', body: withLine(52, '1,0,F"x,north,2026-03-04T10:00:00Z'), line: 52, column: 'sex', message: /quote/ },
  { name: 'text after a closing quote', body: withLine(53, '1,0,"F"x,north,2026-03-04T10:00:00Z'), line: 53, column: 'sex', message: /quote/ },
  { name: 'a group value longer than 200 characters', body: withLine(54, `1,0,${'F'.repeat(201)},north,2026-03-04T10:00:00Z`), line: 54, column: 'sex', message: /^the value is 201 characters long; a group may have at most 200$/ },
  { name: 'an empty file', body: Buffer.alloc(0), line: 1, column: null, message: /^the file is empty/ },
  { name: 'a header and no rows', body: file([HEADER]), line: 2, column: null, message: /no data rows/ },
];

/** Every table an import writes to, and the good import's figures, to compare before and after. */
async function snapshot(em: SqlEntityManager) {
  const connection = em.getConnection();
  const counts: Record<string, number> = {};
  for (const table of ['prediction_import', 'fairness_window', 'fairness_window_cell', 'finding', 'audit_log_entry']) {
    const [result] = await connection.execute<{ count: number | string }[]>(`select count(*) as count from ${table}`);
    counts[table] = Number(result!.count);
  }
  const windows = await connection.execute<Record<string, unknown>[]>(
    `select w.attribute, w.starts_on, w.ends_on, w.rows as window_rows, c.group_key, c.tp, c.fp, c.tn, c.fn, c.rows
     from fairness_window w join fairness_window_cell c on c.window_id = w.id order by w.attribute, w.starts_on, c.group_key`,
  );
  return { counts, windows: windows.map((entry) => ({ ...entry, starts_on: String(entry.starts_on), ends_on: String(entry.ends_on) })) };
}

describe.each(databases.available)('malformed prediction logs on $name', (database) => {
  const demo = useDemoApi(database);
  let systemId = '';
  let otherSystemId = '';
  let before: Awaited<ReturnType<typeof snapshot>>;

  const post = (body: Buffer | ReadableStream, init: Partial<RequestInit> = {}) =>
    fetch(`${demo.api.url}/api/ai-systems/${systemId}/predictions?${QUERY}`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${demo.admin}` },
      body,
      ...init,
    });

  /** The importer function, as the command line calls it, on the test API's database. */
  const importDirectly = async (input: Readable, id = systemId) => {
    const em = demo.api.orm.em.fork();
    const aiSystem = await em.findOneOrFail(AiSystem, { id }, { populate: ['organisation'] });
    return importPredictionLog(em, aiSystem, input, OPTIONS, { source: 'test', importedBy: null, today: '2026-04-01' });
  };

  beforeAll(async () => {
    const systems = await demo.api.graphql<{ aiSystems: { nodes: { id: string; name: string }[] } }>('{ aiSystems { nodes { id name } } }', {}, demo.admin);
    systemId = systems.data!.aiSystems.nodes.find((system) => system.name === 'Customer assistant')!.id;
    otherSystemId = systems.data!.aiSystems.nodes.find((system) => system.name === 'Income document reader')!.id;
    // A good import first: its windows share the weeks of every broken file below.
    const seeded = await snapshot(demo.api.orm.em.fork() as SqlEntityManager);
    const good = await post(file(lines(200, 1000)));
    expect(good.status).toBe(200);
    before = await snapshot(demo.api.orm.em.fork() as SqlEntityManager);
    expect(before.counts.prediction_import).toBe(seeded.counts.prediction_import! + 1);
    expect(before.counts.fairness_window).toBe(seeded.counts.fairness_window! + 6);
  });

  describe.each(cases)('$name', ({ body, line, column, message }) => {
    it('is refused over HTTP with its line and reason, and changes nothing', async () => {
      const response = await post(body);
      const answer = (await response.json()) as { error: { code: string; message: string; line: number | null; column: string | null } };
      expect({ status: response.status, code: answer.error.code, line: answer.error.line, column: answer.error.column }).toEqual({ status: 400, code: 'BAD_USER_INPUT', line, column });
      const prefix = `line ${line}${column === null ? '' : `, column ${column}`}: `;
      expect(answer.error.message.startsWith(prefix), answer.error.message).toBe(true);
      expect(answer.error.message.slice(prefix.length)).toMatch(message);
      expect(demo.api.loggedErrors).toEqual([]);
      expect(await snapshot(demo.api.orm.em.fork() as SqlEntityManager)).toEqual(before);
    });

    it('is refused by the importer function with its line and reason, and changes nothing', async () => {
      const error = await importDirectly(Readable.from([body])).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(PredictionLogError);
      const { line: errorLine, column: errorColumn, message: text } = error as PredictionLogError;
      expect({ line: errorLine, column: errorColumn }).toEqual({ line, column });
      expect(text.replace(/^line \d+(, column [^:]+)?: /, '')).toMatch(message);
      expect(await snapshot(demo.api.orm.em.fork() as SqlEntityManager)).toEqual(before);
    });
  });

  describe('a line of 100 MB', () => {
    const LINE_BYTES = 100 * 1024 * 1024;
    const CHUNK = Buffer.alloc(64 * 1024, 'x');
    /** The good log with data row 40 (line 41) holding a 100 MB sex value, made chunk by chunk, never as one string. */
    async function* hugeLog(): AsyncGenerator<Buffer> {
      yield Buffer.from(`${lines(39).join('\n')}\n1,0,`);
      for (let sent = 0; sent < LINE_BYTES; sent += CHUNK.length) yield CHUNK;
      yield Buffer.from(`,north,2026-03-04T10:00:00Z\n${lines(20, 100).slice(1).join('\n')}\n`);
    }
    /** The largest growth of the heap and of buffers while `work` runs, sampled every 20 ms. */
    async function peakGrowth(work: () => Promise<unknown>): Promise<number> {
      const used = () => {
        const memory = process.memoryUsage();
        return memory.heapUsed + memory.arrayBuffers;
      };
      // Garbage of earlier tests, collected during this one, would hide growth: collect it first.
      collectGarbage();
      const baseline = used();
      let peak = baseline;
      const timer = setInterval(() => (peak = Math.max(peak, used())), 20);
      try {
        await work();
      } finally {
        clearInterval(timer);
      }
      return Math.max(peak, used()) - baseline;
    }
    const expected = /^line 41, column sex: the line is longer than 1048576 characters/;

    it('is refused over HTTP with its line, in bounded memory, and changes nothing', async () => {
      let answer: { status: number; body: { error: { message: string; line: number } } } | null = null;
      const growth = await peakGrowth(async () => {
        const response = await post(Readable.toWeb(Readable.from(hugeLog())) as ReadableStream, { duplex: 'half' } as RequestInit);
        answer = { status: response.status, body: (await response.json()) as never };
      });
      expect(growth).toBeLessThan(64 * 1024 * 1024);
      expect(answer!.status).toBe(400);
      expect(answer!.body.error.message).toMatch(expected);
      expect(await snapshot(demo.api.orm.em.fork() as SqlEntityManager)).toEqual(before);
    });

    it('is refused by the importer function with its line, in bounded memory, and changes nothing', async () => {
      let error: unknown;
      const growth = await peakGrowth(async () => {
        error = await importDirectly(Readable.from(hugeLog())).catch((caught: unknown) => caught);
      });
      expect(growth).toBeLessThan(64 * 1024 * 1024);
      expect(error).toBeInstanceOf(PredictionLogError);
      expect((error as Error).message).toMatch(expected);
      expect(await snapshot(demo.api.orm.em.fork() as SqlEntityManager)).toEqual(before);
    });
  });

  it('still accepts what is not malformed: a UTF-8 byte-order mark, CRLF line ends, any character (U+FFFD too), characters split between chunks', async () => {
    const groups = ['Zürich', 'Łódź', '東京', '🏳️‍🌈', '\uFFFD', 'quoted, with a comma'];
    const text = `\uFEFF${[HEADER, ...groups.map((group, index) => `1,${index % 2},F,"${group}",2026-03-0${2 + index}T10:00:00Z`)].join('\r\n')}\r\n`;
    // One byte per chunk: every character of more than one byte arrives in pieces.
    const pieces = [...Buffer.from(text)].map((byte) => Buffer.from([byte]));
    const { stored } = await importDirectly(Readable.from(pieces), otherSystemId);
    expect(stored.rows).toBe(groups.length);
    const cells = await (demo.api.orm.em.fork() as SqlEntityManager)
      .getConnection()
      .execute<{ group_key: string }[]>(`select distinct c.group_key from fairness_window_cell c join fairness_window w on w.id = c.window_id where w.attribute = 'region' and w.ai_system_id = ? order by c.group_key`, [otherSystemId]);
    expect(cells.map((cell) => cell.group_key)).toEqual(expect.arrayContaining(groups));
  });
});
