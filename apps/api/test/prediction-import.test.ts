import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fairnessReport, groupCounts } from '@assay/risk-engine';
import { afterAll, describe, expect, it } from 'vitest';
import { utcDay, windowOf } from '../src/imports/prediction-log.js';
import { useDemoApi } from './support/api.js';
import { databaseUrl, testDatabases } from './support/databases.js';

const databases = await testDatabases();
const run = promisify(execFile);
const folder = mkdtempSync(join(tmpdir(), 'assay-import-test-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('windows and dates of a prediction log', () => {
  it('reads dates and date-times in UTC and finds their day, week (from Monday) and month', () => {
    expect(utcDay('2026-03-01')).toBe('2026-03-01');
    expect(utcDay('2026-03-01T23:30:00-02:00')).toBe('2026-03-02');
    expect(utcDay('2026-03-01 08:00')).toBe('2026-03-01');
    expect(utcDay('2026-02-30')).toBeNull();
    expect(utcDay('01/03/2026')).toBeNull();
    expect(windowOf('2026-03-04', 'week')).toEqual({ start: '2026-03-02', end: '2026-03-09' });
    expect(windowOf('2026-03-01', 'week')).toEqual({ start: '2026-02-23', end: '2026-03-02' });
    expect(windowOf('2026-01-31', 'month')).toEqual({ start: '2026-01-01', end: '2026-02-01' });
    expect(windowOf('2026-12-31', 'day')).toEqual({ start: '2026-12-31', end: '2027-01-01' });
  });
});

interface Row {
  outcome: number;
  prediction: number;
  sex: string;
  region: string;
  timestamp: string;
}

/** A deterministic log: three weeks of March 2026, two attributes, one missing sex value. */
function makeRows(count: number, seed: number): Row[] {
  let state = seed;
  const next = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
  return Array.from({ length: count }, (_, index) => ({
    outcome: next() < 0.4 ? 1 : 0,
    prediction: next() < 0.45 ? 1 : 0,
    sex: index === 7 ? '' : next() < 0.5 ? 'F' : 'M',
    region: next() < 0.3 ? 'north' : 'south',
    timestamp: `2026-03-${String(2 + (index % 21)).padStart(2, '0')}T${String(index % 24).padStart(2, '0')}:15:00Z`,
  }));
}

function csvOf(rows: readonly Row[]): string {
  return ['outcome,prediction,sex,region,timestamp', ...rows.map((row) => `${row.outcome},${row.prediction},${row.sex},${row.region},${row.timestamp}`)].join('\n') + '\n';
}

describe.each(databases.available)('prediction-log import on $name', (database) => {
  const demo = useDemoApi(database);
  const systemId = async (name: string) => {
    const result = await demo.api.graphql<{ aiSystems: { nodes: { id: string; name: string }[] } }>('{ aiSystems { nodes { id name } } }', {}, demo.admin);
    return result.data!.aiSystems.nodes.find((system) => system.name === name)!.id;
  };
  const post = (id: string, body: string, query = 'outcome=outcome&prediction=prediction&attributes=sex,region&timestamp=timestamp&window=week', token: string | null = demo.admin, type = 'text/csv') =>
    fetch(`${demo.api.url}/api/ai-systems/${id}/predictions?${query}`, {
      method: 'POST',
      headers: { 'content-type': type, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body,
    });
  const report = async (id: string, attribute: string) =>
    (await demo.api.graphql<{ fairnessReport: { windows: number; overall: { count: number }; groups: { group: string; count: number; selectionRate: { value: number } }[] } }>(
      `query($id: ID!, $attribute: String!) { fairnessReport(aiSystemId: $id, attribute: $attribute) { windows overall { count } groups { group count selectionRate { value } } } }`,
      { id, attribute },
      demo.admin,
    )).data?.fairnessReport;

  it('aggregates a log into weekly windows per attribute, with the figures groupCounts gives for its rows', async () => {
    const id = await systemId('Income document reader');
    const rows = makeRows(500, 7);
    const response = await post(id, csvOf(rows));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { rows: number; windows: { attribute: string; start: string; rows: number }[] };
    expect(body.rows).toBe(500);
    // 2–22 March: the weeks starting 2, 9 and 16 March, for each of the two attributes.
    expect(body.windows.map((window) => `${window.attribute} ${window.start}`)).toEqual(['region 2026-03-02', 'region 2026-03-09', 'region 2026-03-16', 'sex 2026-03-02', 'sex 2026-03-09', 'sex 2026-03-16']);
    const expected = fairnessReport(groupCounts({ yTrue: rows.map((row) => row.outcome), yPred: rows.map((row) => row.prediction), groups: rows.map((row) => row.sex || null) }));
    const stored = await report(id, 'sex');
    expect(stored?.windows).toBe(3);
    expect(stored?.overall.count).toBe(500);
    expect(stored?.groups.map((group) => [group.group, group.count, group.selectionRate.value])).toEqual(
      Object.entries(expected.byGroup).map(([group, figures]) => [group, figures.count, figures.selectionRate.value]),
    );
  });

  it('refuses the same file twice, and adds a new file’s rows to the windows it shares', async () => {
    const id = await systemId('Income document reader');
    const again = await post(id, csvOf(makeRows(500, 7)));
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: { code: 'CONFLICT' } });
    expect((await report(id, 'sex'))?.overall.count).toBe(500);
    const more = await post(id, csvOf(makeRows(120, 99)));
    expect(more.status).toBe(200);
    expect(await report(id, 'sex')).toMatchObject({ windows: 3, overall: { count: 620 } });
  });

  it.each([
    ['a third label in the middle', (rows: string[]) => rows.splice(5, 1, '1,maybe,F,north,2026-03-04T10:00:00Z'), 400, { line: 6, column: 'prediction' }, /^line 6, column prediction: "maybe" is a third label besides "0" and the favourable label "1"; labels must be binary$/],
    ['a bad timestamp', (rows: string[]) => rows.splice(250, 1, '1,0,F,north,04/03/2026'), 400, { line: 251, column: 'timestamp' }, /is not an ISO 8601 date or date-time$/],
    ['a missing column', (rows: string[]) => rows.splice(0, 1, 'outcome,prediction,gender,region,timestamp'), 400, { line: 1, column: 'sex' }, /the header has no column "sex"/],
    ['a truncated file', (rows: string[]) => rows.splice(rows.length - 1, 1, '1,1,"F'), 400, { line: 401, column: 'sex' }, /^line 401, column sex: a quoted field that starts on this line is never closed/],
    ['a short row', (rows: string[]) => rows.splice(10, 1, '1,0,F'), 400, { line: 11, column: 'region' }, /^line 11, column region: the row has 3 fields, the header has 5; "region" and "timestamp" are missing$/],
  ] as const)('refuses %s with its line, and writes nothing', async (_name, corrupt, status, where, message) => {
    const id = await systemId('Customer assistant');
    const lines = csvOf(makeRows(400, 3)).trimEnd().split('\n');
    corrupt(lines);
    const response = await post(id, `${lines.join('\n')}\n`);
    expect(response.status).toBe(status);
    const body = (await response.json()) as { error: { code: string; message: string; line: number; column: string } };
    expect(body.error).toMatchObject({ code: 'BAD_USER_INPUT', ...where });
    expect(body.error.message).toMatch(message);
    const attributes = await demo.api.graphql<{ fairnessAttributes: unknown[] }>(`query($id: ID!) { fairnessAttributes(aiSystemId: $id) { attribute } }`, { id }, demo.admin);
    expect(attributes.data?.fairnessAttributes).toEqual([]);
  });

  it('answers who may import, in what format, for which system', async () => {
    const id = await systemId('Customer assistant');
    const body = csvOf(makeRows(10, 1));
    expect((await post(id, body, undefined, null)).status).toBe(401);
    expect((await post(id, body, undefined, demo.executive)).status).toBe(403);
    expect((await post(id, body, undefined, demo.admin, 'application/json')).status).toBe(415);
    expect((await post('00000000-0000-4000-8000-000000000000', body)).status).toBe(404);
    const missing = await post(id, body, 'outcome=outcome&prediction=prediction&timestamp=timestamp');
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({ error: { code: 'BAD_USER_INPUT', message: 'the query parameter "attributes" is required', field: 'attributes' } });
  });

  it('imports from the command line with progress, and leaves the database unchanged on a bad row', async () => {
    const id = await systemId('Fraud detection model');
    const good = join(folder, `fraud-${database.name}.csv`);
    writeFileSync(good, csvOf(makeRows(300, 11)).replaceAll(',sex,', ',gender,'));
    const command = ['tsx', 'src/scripts/import-predictions.ts', good, '--system', 'Fraud detection model', '--attributes', 'gender', '--database-url', databaseUrl(demo.api.target)];
    const { stdout, stderr } = await run('npx', command, { cwd: process.cwd() });
    expect(stdout).toMatch(/^Imported 300 rows of fraud-\w+\.csv into 3 windows of "Fraud detection model" in [\d.]+ s/);
    expect(stderr).toMatch(/Reading fraud-\w+\.csv: 100% .*300 rows/);
    expect((await report(id, 'gender'))?.overall.count).toBe(300);

    const bad = join(folder, `fraud-bad-${database.name}.csv`);
    const lines = csvOf(makeRows(300, 12)).replaceAll(',sex,', ',gender,').trimEnd().split('\n');
    lines.splice(150, 1, '1,0,F,north,yesterday');
    writeFileSync(bad, `${lines.join('\n')}\n`);
    const failed = await run('npx', [...command.slice(0, 2), bad, ...command.slice(3)], { cwd: process.cwd() }).catch((error: { code: number; stderr: string }) => error);
    expect(failed).toMatchObject({ code: 1 });
    expect((failed as { stderr: string }).stderr).toContain('line 151, column timestamp: "yesterday" is not an ISO 8601 date or date-time; nothing was imported');
    expect((await report(id, 'gender'))?.overall.count).toBe(300);
  });
});
