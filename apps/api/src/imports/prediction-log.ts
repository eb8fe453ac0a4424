import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { groupCounts, mergeGroupCounts, type GroupCounts } from '@assay/risk-engine';
import { parse } from 'csv-parse';
import { GROUP_KEY_MAX } from '../entities/fairness-window-cell.entity.js';
import { ATTRIBUTE_MAX } from '../entities/fairness-window.entity.js';
import { mondayOnOrBefore } from '../services/dates.js';
import { TextCheck } from './text-check.js';

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

/** "a", "a" and "b", or "a", "b" and 3 more: column names for a message. */
function listed(names: readonly string[]): string {
  const quoted = names.slice(0, 3).map((name) => `"${name}"`);
  if (names.length > 3) return `${quoted.join(', ')} and ${names.length - 3} more`;
  return quoted.length === 1 ? quoted[0]! : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
}

/** What csv-parse tells about the place of an error, besides its code. */
interface CsvErrorContext {
  code?: string;
  message?: string;
  lines?: number;
  bytes?: number;
  empty_lines?: number;
  column?: number | string | null;
  record?: string[];
}

/**
 * Reads a CSV prediction log with a header row and aggregates it into confusion counts per
 * window and attribute, in one pass and in memory bounded by the number of windows and groups,
 * whatever the file's size. The file must be UTF-8 (a UTF-8 byte-order mark is allowed). Labels
 * must be binary: the favourable label and at most one other. An empty attribute value is a
 * missing group value. The first problem, in file order, stops the read with a PredictionLogError
 * naming its line and, where one is to blame, its column: a malformed header, a row with too few
 * or too many fields, a quote out of place, a line over `maxLineLength`, text that is not UTF-8 or
 * holds NUL, a file cut short, an empty file. Nothing is returned in that case, so callers can
 * write all or nothing.
 */
export async function aggregatePredictionLog(input: Readable, options: PredictionLogOptions, onProgress?: (progress: Progress) => void): Promise<AggregatedLog> {
  const positive = options.positiveLabel ?? '1';
  const maxLineLength = options.maxLineLength ?? 1024 * 1024;
  for (const attribute of options.attributes) {
    if (attribute.length > ATTRIBUTE_MAX) throw new PredictionLogError(`the attribute "${attribute.slice(0, 40)}…" is ${attribute.length} characters long; an attribute name may have at most ${ATTRIBUTE_MAX}`, null, null);
  }
  const hash = createHash('sha256');
  const text = new TextCheck();
  let rows = 0;
  let negative: string | null = null;
  const buffers = new Map<string, WindowBuffer>();
  input.on('data', (chunk: Buffer | string) => {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    text.add(buffer);
    hash.update(buffer);
  });
  // Before the parser hears of the end: a character cut off by it is a problem of the last record.
  input.on('end', () => text.end());

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
  let headerLine = 0;
  let outcomeAt = 0;
  let predictionAt = 0;
  let timestampAt = 0;
  let weightAt = -1;
  let scoreAt = -1;
  let attributeAt: number[] = [];
  const readHeader = (columns: string[], line: number) => {
    const position = (name: string) => {
      const index = columns.indexOf(name);
      if (index < 0) throw new PredictionLogError(`the header has no column "${name}" (it has ${columns.map((column) => `"${column}"`).join(', ')})`, line, name);
      const again = columns.indexOf(name, index + 1);
      if (again >= 0) throw new PredictionLogError(`the header has the column "${name}" twice (fields ${index + 1} and ${again + 1}); rename one of them`, line, name);
      return index;
    };
    outcomeAt = position(options.outcome);
    predictionAt = position(options.prediction);
    timestampAt = position(options.timestamp);
    attributeAt = options.attributes.map(position);
    weightAt = options.weight ? position(options.weight) : -1;
    scoreAt = options.score ? position(options.score) : -1;
    header = columns;
    headerLine = line;
  };
  /** The column whose value shows the text problem (U+FFFD or NUL), when the record is a data row. */
  const columnShowing = (record: readonly string[], shownAs: string): string | null => {
    if (header === null || shownAs === '') return null;
    const index = record.findIndex((value) => value.includes(shownAs));
    return index < 0 ? null : (header[index] ?? null);
  };
  // Most logs repeat days and use UTC times: remember each day's window.
  const windowStartOf = new Map<string, string>();
  // Where the last record ended, to find the first line of a record that failed before it was whole.
  let lastRecordLine = 0;
  let lastEmptyLines = 0;

  const handle = (record: string[], line: number) => {
    if (header === null) return readHeader(record, line);
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
      const group = record[attributeAt[index]!]!;
      if (group.length > GROUP_KEY_MAX) throw new PredictionLogError(`the value is ${group.length} characters long; a group may have at most ${GROUP_KEY_MAX}`, line, attribute);
      const key = `${attribute}\u0000${start}`;
      let buffer = buffers.get(key);
      if (buffer === undefined) buffers.set(key, (buffer = new WindowBuffer(weightAt >= 0)));
      buffer.add(truth, decision, group === '' ? null : group, weight);
    }
    rows += 1;
    if (onProgress && rows % 100_000 === 0) onProgress({ bytes: text.bytes, rows });
  };

  // Records are handled inside the parser, in file order, so that the first problem is the one reported.
  const onRecord = (record: string[], info: { lines: number; bytes: number; empty_lines: number }): null => {
    const problem = text.problem;
    // The record reaches past the first bad byte: the problem is on its line.
    if (problem !== null && info.bytes > problem.offset) throw new PredictionLogError(problem.reason, info.lines, columnShowing(record, problem.shownAs));
    handle(record, info.lines);
    lastRecordLine = info.lines;
    lastEmptyLines = info.empty_lines;
    return null;
  };

  /** A parser error in plain words, on the line where the record it stopped in began. */
  const csvProblem = (error: CsvErrorContext): PredictionLogError => {
    const current = error.lines ?? lastRecordLine + 1;
    const firstLine = Math.min(current, lastRecordLine + 1 + Math.max(0, (error.empty_lines ?? lastEmptyLines) - lastEmptyLines));
    const columnAt = typeof error.column === 'number' && header !== null ? (header[error.column] ?? null) : null;
    const problem = text.problem;
    // Bad text inside the record that failed explains the failure better than the parser can.
    if (problem !== null && (error.bytes ?? Number.POSITIVE_INFINITY) >= problem.offset) {
      return new PredictionLogError(problem.reason, error.record ? current : firstLine, error.record ? columnShowing(error.record, problem.shownAs) : null);
    }
    const cutShort = text.lastByte !== 0x0a && text.lastByte !== 0x0d && error.bytes !== undefined && error.bytes >= text.bytes;
    const cut = cutShort ? '; the file ends in the middle of this line: was it cut short?' : '';
    switch (error.code) {
      case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH': {
        const fields = error.record?.length ?? 0;
        const expected = header?.length ?? 0;
        const missing = (header ?? []).slice(fields);
        const what = missing.length > 0 ? `; ${listed(missing)} ${missing.length === 1 ? 'is' : 'are'} missing` : '';
        return new PredictionLogError(`the row has ${fields} field${fields === 1 ? '' : 's'}, the header has ${expected}${what}${cut}`, current, missing[0] ?? null);
      }
      case 'CSV_QUOTE_NOT_CLOSED': {
        const later = current > firstLine ? ` ${current - firstLine} line${current - firstLine === 1 ? '' : 's'} later` : '';
        return new PredictionLogError(`a quoted field that starts on this line is never closed: the file ends inside it${later}; is a closing quote missing, or was the file cut short?`, firstLine, columnAt);
      }
      case 'CSV_MAX_RECORD_SIZE':
        if (current > firstLine) {
          return new PredictionLogError(`the row runs on for ${current - firstLine + 1} lines, longer than ${maxLineLength} characters: is a quoted field that starts on this line missing its closing quote?`, firstLine, columnAt);
        }
        return new PredictionLogError(`the line is longer than ${maxLineLength} characters, the longest line accepted; is the file a prediction log?`, firstLine, columnAt);
      case 'INVALID_OPENING_QUOTE':
        return new PredictionLogError('a quote (") inside a field that does not start with one; quote the whole field and double the quotes inside it', current, columnAt);
      case 'CSV_INVALID_CLOSING_QUOTE':
      case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
        return new PredictionLogError('a closing quote must be followed by a comma or the end of the line; double a quote that belongs inside the field', current, columnAt);
      default:
        return new PredictionLogError(`the file is not valid CSV (${error.message ?? error.code})`, current, columnAt);
    }
  };

  const parser = parse({ bom: true, trim: true, skip_empty_lines: true, max_record_size: maxLineLength, relax_column_count: false, on_record: onRecord as never });
  try {
    await new Promise<void>((resolve, reject) => {
      const stop = (error: unknown) => {
        // Stop parsing but let the source run out: destroying an HTTP request would drop the socket before the answer.
        input.unpipe(parser);
        input.resume();
        parser.destroy();
        reject(error);
      };
      parser.on('error', stop);
      parser.on('end', resolve);
      input.on('error', stop);
      // Every record is handled by onRecord and none is passed on: flowing mode only lets the parser reach its end.
      parser.resume();
      input.pipe(parser);
    });
  } catch (error) {
    if (error instanceof PredictionLogError) throw error;
    const context = error as CsvErrorContext;
    if (typeof context.code === 'string' && (context.code.startsWith('CSV_') || context.code === 'INVALID_OPENING_QUOTE')) throw csvProblem(context);
    throw error;
  }
  if (text.problem !== null) throw new PredictionLogError(text.problem.reason, lastRecordLine + 1, null);
  if (header === null) throw new PredictionLogError('the file is empty; a header row and at least one data row are needed', 1, null);
  if (rows === 0) throw new PredictionLogError('the file has a header row but no data rows', headerLine + 1, null);
  onProgress?.({ bytes: text.bytes, rows });

  const windows: AggregatedWindow[] = [];
  for (const [key, buffer] of buffers) {
    buffer.fold();
    const [attribute = '', start = ''] = key.split('\u0000');
    windows.push({ attribute, start, end: windowOf(start, options.window).end, counts: buffer.counts!, rows: buffer.rows });
  }
  windows.sort((a, b) => (a.attribute === b.attribute ? a.start.localeCompare(b.start) : a.attribute.localeCompare(b.attribute)));
  return { rows, bytes: text.bytes, sha256: hash.digest('hex'), windows };
}
