import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { groupCounts, mergeGroupCounts, type GroupCounts } from '@assay/risk-engine';
import { parse } from 'csv-parse';
import { mondayOnOrBefore } from '../services/dates.js';

/** How a prediction log's columns map onto what Assay counts. */
export interface PredictionLogColumns {
  /** The observed outcome (y). */
  readonly outcome: string;
  /** The model's decision (ŷ). */
  readonly prediction: string;
  /** Sensitive attributes; each gets its own fairness windows. */
  readonly attributes: readonly string[];
  /** When the decision was made: an ISO date or date-time. */
  readonly timestamp: string;
  /** Optional non-negative frequency weight. */
  readonly weight?: string;
  /** Optional model score; checked to be a number, not stored. */
  readonly score?: string;
}

export type WindowSize = 'day' | 'week' | 'month';

export interface PredictionLogOptions extends PredictionLogColumns {
  readonly window: WindowSize;
  /** The favourable label as written in the file (default "1"). */
  readonly positiveLabel?: string;
  /** Longest accepted line, in characters (default 1 MiB). */
  readonly maxLineLength?: number;
}

/** A problem with the file itself, located by line and column. */
export class PredictionLogError extends Error {
  override name = 'PredictionLogError';
  constructor(
    message: string,
    readonly line: number | null,
    readonly column: string | null,
  ) {
    super(line === null ? message : `line ${line}${column === null ? '' : `, column ${column}`}: ${message}`);
  }
}

export interface AggregatedWindow {
  readonly attribute: string;
  readonly start: string;
  readonly end: string;
  readonly counts: GroupCounts;
  readonly rows: number;
}

export interface AggregatedLog {
  readonly rows: number;
  readonly bytes: number;
  readonly sha256: string;
  /** By attribute, then start date. */
  readonly windows: AggregatedWindow[];
}

export interface Progress {
  readonly bytes: number;
  readonly rows: number;
}

/** Rows buffered per window and attribute before `groupCounts` folds them into the running counts. */
const CHUNK_ROWS = 8192;
const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** The UTC calendar day of an ISO date or date-time, or null when the text is not one. */
export function utcDay(text: string): string | null {
  const match = ISO_TIME.exec(text);
  if (match === null) return null;
  const [, year, month, day, hour, , , offset] = match;
  if (hour === undefined) {
    const date = new Date(`${year}-${month}-${day}T00:00:00Z`);
    return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== `${year}-${month}-${day}` ? null : `${year}-${month}-${day}`;
  }
  const time = Date.parse(offset === undefined ? `${text.replace(' ', 'T')}Z` : text.replace(' ', 'T'));
  return Number.isNaN(time) ? null : new Date(time).toISOString().slice(0, 10);
}

/** The window a day falls in: its first day and the day after its last. */
export function windowOf(day: string, size: WindowSize): { start: string; end: string } {
  const date = new Date(`${size === 'week' ? mondayOnOrBefore(day) : day}T00:00:00Z`);
  if (size === 'month') date.setUTCDate(1);
  const start = date.toISOString().slice(0, 10);
  if (size === 'day') date.setUTCDate(date.getUTCDate() + 1);
  else if (size === 'week') date.setUTCDate(date.getUTCDate() + 7);
  else date.setUTCMonth(date.getUTCMonth() + 1);
  return { start, end: date.toISOString().slice(0, 10) };
}

/** Rows of one window and attribute waiting for `groupCounts`, and the counts so far. */
class WindowBuffer {
  yTrue = new Uint8Array(CHUNK_ROWS);
  yPred = new Uint8Array(CHUNK_ROWS);
  groups: (string | null)[] = [];
  weights: number[] = [];
  length = 0;
  rows = 0;
  counts: GroupCounts | null = null;

  constructor(readonly weighted: boolean) {}

  add(truth: number, decision: number, group: string | null, weight: number): void {
    this.yTrue[this.length] = truth;
    this.yPred[this.length] = decision;
    this.groups.push(group);
    if (this.weighted) this.weights.push(weight);
    this.length += 1;
    this.rows += 1;
    if (this.length === CHUNK_ROWS) this.fold();
  }

  fold(): void {
    if (this.length === 0) return;
    const chunk = groupCounts({
      yTrue: this.yTrue.subarray(0, this.length),
      yPred: this.yPred.subarray(0, this.length),
      groups: this.groups,
      ...(this.weighted ? { sampleWeight: this.weights } : {}),
    });
    this.counts = this.counts === null ? chunk : mergeGroupCounts(this.counts, chunk);
    this.groups = [];
    this.weights = [];
    this.length = 0;
  }
}

/**
 * Reads a CSV prediction log with a header row and aggregates it into confusion counts per
 * window and attribute, in one pass and in memory bounded by the number of windows and groups,
 * whatever the file's size. Labels must be binary: the favourable label and at most one other.
 * An empty attribute value is a missing group value. The first bad row stops the read with a
 * PredictionLogError naming its line and column; nothing is returned in that case, so callers
 * can write all or nothing.
 */
export async function aggregatePredictionLog(input: Readable, options: PredictionLogOptions, onProgress?: (progress: Progress) => void): Promise<AggregatedLog> {
  const positive = options.positiveLabel ?? '1';
  const hash = createHash('sha256');
  let bytes = 0;
  let rows = 0;
  let negative: string | null = null;
  const buffers = new Map<string, WindowBuffer>();
  const parser = parse({ bom: true, trim: true, skip_empty_lines: true, info: true, max_record_size: options.maxLineLength ?? 1024 * 1024, relax_column_count: false });
  input.on('data', (chunk: Buffer | string) => {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    bytes += buffer.length;
    hash.update(buffer);
  });

  const label = (value: string | undefined, line: number, column: string): number => {
    if (value === positive) return 1;
    if (value === undefined || value === '') throw new PredictionLogError('the label is empty', line, column);
    if (value === negative) return 0;
    if (negative === null) negative = value;
    else throw new PredictionLogError(`"${value}" is a third label besides "${negative}" and the favourable label "${positive}"; labels must be binary`, line, column);
    return 0;
  };

  // Column positions, from the header row.
  let header: string[] | null = null;
  let outcomeAt = 0;
  let predictionAt = 0;
  let timestampAt = 0;
  let weightAt = -1;
  let scoreAt = -1;
  let attributeAt: number[] = [];
  const readHeader = (columns: string[]) => {
    const position = (name: string) => {
      const index = columns.indexOf(name);
      if (index < 0) throw new PredictionLogError(`the header has no column "${name}" (it has ${columns.map((column) => `"${column}"`).join(', ')})`, 1, name);
      return index;
    };
    outcomeAt = position(options.outcome);
    predictionAt = position(options.prediction);
    timestampAt = position(options.timestamp);
    attributeAt = options.attributes.map(position);
    weightAt = options.weight ? position(options.weight) : -1;
    scoreAt = options.score ? position(options.score) : -1;
    header = columns;
  };
  // Most logs repeat days and use UTC times: remember each day's window.
  const windowStartOf = new Map<string, string>();

  const handle = ({ record, info }: { record: string[]; info: { lines: number } }) => {
    if (header === null) return readHeader(record);
    const line = info.lines;
    for (let index = 0; index < record.length; index += 1) {
      if (record[index]!.includes('\uFFFD')) throw new PredictionLogError('the text is not valid UTF-8', line, header[index] ?? null);
    }
    const truth = label(record[outcomeAt], line, options.outcome);
    const decision = label(record[predictionAt], line, options.prediction);
    const time = record[timestampAt]!;
    // A UTC date-time (…Z) falls on the day it names; other forms are parsed in full.
    const utc = time.length >= 11 && time.endsWith('Z') && (time[10] === 'T' || time[10] === ' ');
    const cacheKey = utc ? time.slice(0, 10) : time;
    let start = windowStartOf.get(cacheKey);
    if (start === undefined) {
      const day = utcDay(time);
      if (day === null) throw new PredictionLogError(`"${time}" is not an ISO 8601 date or date-time`, line, options.timestamp);
      start = windowOf(day, options.window).start;
      if (utc || time.length === 10) windowStartOf.set(cacheKey, start);
    } else if (utc && !ISO_TIME.test(time)) {
      throw new PredictionLogError(`"${time}" is not an ISO 8601 date or date-time`, line, options.timestamp);
    }
    let weight = 1;
    if (weightAt >= 0) {
      const text = record[weightAt]!;
      weight = Number(text);
      if (text === '' || !Number.isFinite(weight) || weight < 0) throw new PredictionLogError(`"${text}" is not a number ≥ 0`, line, options.weight!);
    }
    if (scoreAt >= 0) {
      const text = record[scoreAt]!;
      if (text !== '' && !Number.isFinite(Number(text))) throw new PredictionLogError(`"${text}" is not a number`, line, options.score!);
    }
    for (let index = 0; index < attributeAt.length; index += 1) {
      const attribute = options.attributes[index]!;
      const key = `${attribute}\u0000${start}`;
      let buffer = buffers.get(key);
      if (buffer === undefined) buffers.set(key, (buffer = new WindowBuffer(weightAt >= 0)));
      const group = record[attributeAt[index]!]!;
      buffer.add(truth, decision, group === '' ? null : group, weight);
    }
    rows += 1;
    if (onProgress && rows % 100_000 === 0) onProgress({ bytes, rows });
  };

  try {
    await new Promise<void>((resolve, reject) => {
      const stop = (error: unknown) => {
        // Stop parsing but let the source run out: destroying an HTTP request would drop the socket before the answer.
        input.unpipe(parser);
        input.resume();
        parser.destroy();
        reject(error);
      };
      parser.on('readable', () => {
        try {
          let item: { record: string[]; info: { lines: number } } | null;
          while ((item = parser.read() as typeof item) !== null) handle(item);
        } catch (error) {
          stop(error);
        }
      });
      parser.on('error', stop);
      parser.on('end', resolve);
      input.on('error', stop);
      input.pipe(parser);
    });
  } catch (error) {
    if (error instanceof PredictionLogError) throw error;
    const { code, message, lines } = error as { code?: string; message?: string; lines?: number };
    if (typeof code === 'string' && code.startsWith('CSV_')) {
      const reason = code === 'CSV_MAX_RECORD_SIZE' ? `a record is longer than ${options.maxLineLength ?? 1024 * 1024} characters` : (message ?? code).replace(/^Invalid Record Length: /, 'wrong number of fields: ');
      throw new PredictionLogError(reason, lines ?? null, null);
    }
    throw error;
  }
  if (header === null || rows === 0) throw new PredictionLogError('the file has no rows (a header row and at least one data row are needed)', null, null);
  onProgress?.({ bytes, rows });

  const windows: AggregatedWindow[] = [];
  for (const [key, buffer] of buffers) {
    buffer.fold();
    const [attribute = '', start = ''] = key.split('\u0000');
    windows.push({ attribute, start, end: windowOf(start, options.window).end, counts: buffer.counts!, rows: buffer.rows });
  }
  windows.sort((a, b) => (a.attribute === b.attribute ? a.start.localeCompare(b.start) : a.attribute.localeCompare(b.attribute)));
  return { rows, bytes, sha256: hash.digest('hex'), windows };
}
