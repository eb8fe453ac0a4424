/**
 * API benchmark on the large organisation: `npm run bench:api -w @assay/api [-- options]`.
 *
 *   --database-url URL   the database to serve (default: a SQLite file in the temp folder)
 *   --scale S            size of the generated organisation when the database has none (default 1)
 *   --requests N         requests per scenario at one client, twice as many at 16 (default 20)
 *   --only WORDS         run only the requests whose name contains WORDS (e.g. --only heatmap)
 *
 * It serves the API over HTTP on loopback in this process, signs in as the large organisation's
 * administrator and sends what the dashboard and an analyst send: the overview (every query the
 * overview page issues, in parallel), the first page of the risk register with filters, the
 * heatmap, a fairness trend and the management-review pack; and the overview and the pack again
 * with a risk added before each request, so that what the API keeps between unchanged requests
 * (the exposure series, the thresholds' fairness trends) is rebuilt every time. The clients run
 * on a worker thread of their own (http-clients.mjs). For each it reports p50/p95/p99 at
 * 1 and at 16 concurrent clients, errors, and the SQL statements one request issues; then it times
 * raw SQL that returns the same aggregates through the same driver and prints the ratio of the
 * API's p95 to the raw SQL's, at one client. Statements per request are also counted on a
 * database a tenth of the size: equal counts show they do not grow with the data.
 */
import { appendFileSync, existsSync } from 'node:fs';

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createHttpServer } from '../src/http/http-server.js';
import os from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type DocumentNode, print } from 'graphql';
import { type Orm, migrate, openDatabase } from '../src/db.js';
import { type DatabaseTarget, parseDatabaseUrl } from '../src/env.js';
import { FULL_SIZE, LARGE_ORGANISATION_NAME, LARGE_SIGN_IN, type LargeSizes, seedLargeOrganisation } from '../src/seed/large.js';
import { createServer } from '../src/server.js';
import { todayIso } from '../src/services/dates.js';
import { thresholdWindowsStatement } from '../src/services/fairness-windows.js';
import { exposureStepsStatement } from '../src/services/risk-history.js';

/**
 * The dashboard's own query documents, read from its sources at run time (tsx compiles them), so
 * the benchmark sends exactly what the overview and the review pack send.
 */
async function dashboardQuery(file: string, name: string): Promise<string> {
  const url = pathToFileURL(join(fileURLToPath(new URL('../../web/src/', import.meta.url)), file)).href;
  const document = ((await import(url)) as Record<string, DocumentNode>)[name];
  if (document === undefined) throw new Error(`the dashboard no longer exports ${name} from ${file}`);
  return print(document);
}

const DASHBOARD = {
  riskOverview: await dashboardQuery('features/risks/risks.ts', 'RiskOverviewQuery'),
  openFairnessAlerts: await dashboardQuery('features/fairness/fairness.ts', 'OpenFairnessAlertsQuery'),
  certificationOutlook: await dashboardQuery('features/certification/certification.ts', 'CertificationOutlookQuery'),
  readiness: await dashboardQuery('features/certification/certification.ts', 'ReadinessQuery'),
  controlProgress: await dashboardQuery('features/soa/soa.ts', 'ControlProgressQuery'),
  riskTrend: await dashboardQuery('features/risks/exposure-trend.ts', 'RiskTrendQuery'),
  fairnessThresholds: await dashboardQuery('features/fairness/fairness.ts', 'FairnessThresholdsQuery'),
  reviewPack: await dashboardQuery('features/review/review-pack.ts', 'ManagementReviewPackQuery'),
};

/** The overview's exposure chart starts a year back, as the dashboard's does. */
function oneYearBefore(day: Date): string {
  return new Date(Date.UTC(day.getUTCFullYear() - 1, day.getUTCMonth(), day.getUTCDate())).toISOString().slice(0, 10);
}

const { values } = parseArgs({ options: { 'database-url': { type: 'string' }, scale: { type: 'string', default: '1' }, requests: { type: 'string', default: '20' }, only: { type: 'string' } } });
const scale = Number(values.scale);
const requests = Number(values.requests);
if (!(scale > 0) || !(requests >= 10)) throw new Error('--scale must be above 0 and --requests at least 10');
const say = (message: string) => process.stderr.write(`· ${message}\n`);

function sizesAt(factor: number): LargeSizes {
  return { ...FULL_SIZE, systems: Math.max(2, Math.round(FULL_SIZE.systems * factor)), risks: Math.max(10, Math.round(FULL_SIZE.risks * factor)), findings: Math.round(FULL_SIZE.findings * factor) };
}

interface Served {
  orm: Orm;
  url: string;
  statements: { count: number };
  /** Idle connections the server closed at its keep-alive timeout; each is a chance for a client to send on a closed socket. */
  keepAliveCloses: { count: number; idleSeconds: number[]; duringRequest: number };
  close(): Promise<void>;
}

/** Opens (and fills when empty) a database and serves the API on a free loopback port, counting SQL statements. */
async function serve(target: DatabaseTarget, sizes: LargeSizes): Promise<Served> {
  const statements = { count: 0 };
  const orm = await openDatabase(target, { onQuery: () => (statements.count += 1) });
  await migrate(orm, target);
  const em = orm.em.fork();
  const { Organisation } = await import('../src/entities/organisation.entity.js');
  if ((await em.count(Organisation, { name: LARGE_ORGANISATION_NAME })) === 0) {
    say(`generating the large organisation (${sizes.risks.toLocaleString('en')} risks) into ${target.display}`);
    let last = '';
    await seedLargeOrganisation(orm.em.fork(), sizes, todayIso(), (stage, done, total) => {
      const line = `${stage} ${Math.floor((done / Math.max(1, total)) * 10) * 10}%`;
      if (line !== last) say(`  ${line}`);
      last = line;
    });
  }
  const assay = await createServer({ orm, logError: (error) => console.error('API error:', error) });
  const server = createHttpServer(assay.app);
  // As Node does when nobody listens, but counted: clients should close idle connections first.
  // Each close notes how long its connection had been idle, and whether a request was under way.
  const keepAliveCloses: Served['keepAliveCloses'] = { count: 0, idleSeconds: [], duringRequest: 0 };
  const activity = new WeakMap<Socket, { open: number; lastDone: number }>();
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const socket = request.socket;
    const state = activity.get(socket) ?? { open: 0, lastDone: performance.now() };
    activity.set(socket, state);
    state.open += 1;
    response.on('close', () => {
      state.open -= 1;
      state.lastDone = performance.now();
    });
  });
  server.on('timeout', (socket: Socket) => {
    const state = activity.get(socket);
    keepAliveCloses.count += 1;
    if (state !== undefined && state.open > 0) keepAliveCloses.duringRequest += 1;
    if (state !== undefined) keepAliveCloses.idleSeconds.push((performance.now() - state.lastDone) / 1000);
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    orm,
    statements,
    keepAliveCloses,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await assay.stop();
      await orm.close(true);
    },
  };
}

interface Operation {
  query: string;
  variables?: Record<string, unknown>;
}

/** What one scenario's load measured. */
interface Timing {
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  /** The first error seen, to say what went wrong. */
  firstError?: string;
}

/**
 * The HTTP clients, on a worker thread of their own (http-clients.mjs): the server's SQLite
 * statements block this thread's event loop, and clients sharing it would reuse keep-alive
 * connections the server had already closed.
 */
class HttpClients {
  private readonly worker = new Worker(new URL('./http-clients.mjs', import.meta.url));
  private readonly waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  private nextId = 0;

  constructor() {
    this.worker.on('message', ({ id, result, error }: { id: number; result?: unknown; error?: string }) => {
      const waiting = this.waiting.get(id)!;
      this.waiting.delete(id);
      if (error === undefined) waiting.resolve(result);
      else waiting.reject(new Error(error));
    });
    this.worker.on('error', (error) => {
      for (const waiting of this.waiting.values()) waiting.reject(error);
      this.waiting.clear();
    });
  }

  private ask<T>(message: Record<string, unknown>): Promise<T> {
    const id = (this.nextId += 1);
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.postMessage({ id, ...message });
    });
  }

  /** One operation; its JSON answer. */
  post(url: string, token: string | null, operation: Operation): Promise<{ data?: Record<string, unknown>; errors?: unknown[] }> {
    return this.ask({ kind: 'post', url, token, operation });
  }

  /** Sends `total` requests from `clients` concurrent clients; each request is the scenario's operations in parallel. */
  load(url: string, token: string, operations: Operation[], clients: number, total: number, prepare?: Operation): Promise<Timing> {
    return this.ask({ kind: 'load', url, token, operations, clients, total, prepare });
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }
}

const http = new HttpClients();
const post = http.post.bind(http);
const load = http.load.bind(http);

interface Scenario {
  name: string;
  /** Sent before each request, untimed: a change, so that nothing computed before can be reused. */
  prepare?: Operation;
  /** Sent in parallel: one request of the scenario is all of them answered. */
  operations(context: { systemId: string }): Operation[];
  /** Raw SQL returning the same aggregates, run one statement after another. */
  raw(context: { organisationId: string; systemId: string; kind: DatabaseTarget['kind'] }): { sql: string; params: unknown[] }[];
}

const RISK_PAGE = `query RegisterPage($filter: RiskFilter, $orderBy: RiskOrder) {
  risks(first: 50, filter: $filter, orderBy: $orderBy) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { id title level score residualScore residualLevel status owner reviewDate aiSystem { id name } }
  }
}`;
const HEATMAP = `query Heatmap { inherent: riskHeatmap { total maxCount cells { likelihood impact score level count } } residual: riskHeatmap(residual: true) { total maxCount cells { likelihood impact score level count } } }`;
const FAIRNESS_TREND = `query Trend($aiSystemId: ID!) {
  fairnessTrend(aiSystemId: $aiSystemId, metric: DEMOGRAPHIC_PARITY_DIFFERENCE, attribute: "age_band") {
    breached
    points { start end value lower upper }
  }
}`;

const since = oneYearBefore(new Date());
const dateOf = (kind: DatabaseTarget['kind'], iso: string) => (kind === 'sqlite' ? new Date(`${iso}T23:59:59.999Z`).getTime() : new Date(`${iso}T23:59:59.999Z`));

function overview(): Scenario {
  return {
    name: 'overview (7 queries in parallel)',
    operations: () => [
      { query: DASHBOARD.riskOverview },
      { query: DASHBOARD.openFairnessAlerts },
      { query: DASHBOARD.certificationOutlook },
      { query: DASHBOARD.readiness },
      { query: DASHBOARD.controlProgress },
      { query: DASHBOARD.riskTrend, variables: { from: since } },
      { query: DASHBOARD.fairnessThresholds },
    ],
    raw: ({ organisationId, kind }) => [
      { sql: 'select likelihood, impact, count(*) as n from risk where organisation_id = ? group by likelihood, impact', params: [organisationId] },
      { sql: 'select coalesce(residual_likelihood, likelihood) as l, coalesce(residual_impact, impact) as i, count(*) as n from risk where organisation_id = ? group by 1, 2', params: [organisationId] },
      { sql: 'select id, title, score, level from risk where organisation_id = ? order by score desc, id limit 12', params: [organisationId] },
      { sql: "select count(*) as n from finding where organisation_id = ? and source = 'monitoring' and status = 'open'", params: [organisationId] },
      { sql: 'select control_id, applicable, implementation_status, implemented_date from soa_entry where organisation_id = ?', params: [organisationId] },
      // Exposure at each month end of the past year: every risk's latest assessment on or before that day.
      // The same one-pass statement the API sends (src/services/risk-history.ts), run bare.
      exposureStepsStatement(organisationId, monthEnds(since).map((day) => dateOf(kind, day))),
      { sql: 'select t.id, t.attribute, s.name from fairness_threshold t join ai_system s on s.id = t.ai_system_id where t.organisation_id = ?', params: [organisationId] },
    ],
  };
}

/** A change to the organisation's records, sent before each request of a "no reuse" scenario. */
const CHANGE: Operation = { query: 'mutation { createRisk(input: { title: "Benchmark change", likelihood: 2, impact: 2 }) { id } }' };

function reviewPack(): Scenario {
  return {
    name: 'management-review pack',
    operations: () => [{ query: DASHBOARD.reviewPack }],
    raw: ({ organisationId, kind }) => [
      { sql: 'select likelihood, impact, count(*) as n from risk where organisation_id = ? group by likelihood, impact', params: [organisationId] },
      { sql: 'select coalesce(residual_likelihood, likelihood) as l, coalesce(residual_impact, impact) as i, count(*) as n from risk where organisation_id = ? group by 1, 2', params: [organisationId] },
      exposureStepsStatement(organisationId, [dateOf(kind, oneYearBefore(new Date())), dateOf(kind, todayIso())]),
      { sql: 'select kind, status, count(*) as n from finding where organisation_id = ? group by kind, status', params: [organisationId] },
      // Every threshold's windows up to today, as the monitoring section reads them.
      thresholdWindowsStatement(organisationId, { to: todayIso() }, kind === 'postgresql'),
      { sql: 'select implementation_status, count(*) as n from soa_entry where organisation_id = ? group by implementation_status', params: [organisationId] },
    ],
  };
}

const ALL_SCENARIOS: Scenario[] = [
  overview(),
  {
    // The overview reuses its exposure series while nothing changes; here a risk is added before
    // each request, so every request rebuilds the series from the whole history.
    ...overview(),
    name: 'overview after a change (no reuse)',
    prepare: CHANGE,
  },
  {
    name: 'risk register, first page filtered',
    operations: () => [{ query: RISK_PAGE, variables: { filter: { level: ['High', 'Critical'], status: ['TREATING', 'MONITORING'] }, orderBy: { field: 'RESIDUAL_SCORE', direction: 'DESC' } } }],
    raw: ({ organisationId }) => [
      {
        sql: `select r.id, r.title, r.level, r.score, r.residual_score, r.residual_level, r.status, r.owner, r.review_date, s.id as system_id, s.name
          from risk r left join ai_system s on s.id = r.ai_system_id
          where r.organisation_id = ? and r.level in ('High', 'Critical') and r.status in ('treating', 'monitoring')
          order by r.residual_score desc, r.id limit 51`,
        params: [organisationId],
      },
      { sql: "select count(*) as n from risk where organisation_id = ? and level in ('High', 'Critical') and status in ('treating', 'monitoring')", params: [organisationId] },
    ],
  },
  {
    name: 'risk heatmap, inherent and residual',
    operations: () => [{ query: HEATMAP }],
    raw: ({ organisationId }) => [
      { sql: 'select likelihood, impact, count(*) as n from risk where organisation_id = ? group by likelihood, impact', params: [organisationId] },
      { sql: 'select coalesce(residual_likelihood, likelihood) as l, coalesce(residual_impact, impact) as i, count(*) as n from risk where organisation_id = ? group by 1, 2', params: [organisationId] },
    ],
  },
  {
    name: 'fairness trend, one system, 104 weeks',
    operations: ({ systemId }) => [{ query: FAIRNESS_TREND, variables: { aiSystemId: systemId } }],
    raw: ({ systemId }) => [
      {
        sql: `select w.starts_on, c.group_key, sum(c.tp) as tp, sum(c.fp) as fp, sum(c.tn) as tn, sum(c.fn) as fn
          from fairness_window w join fairness_window_cell c on c.window_id = w.id
          where w.ai_system_id = ? and w.attribute = 'age_band' group by w.starts_on, c.group_key order by w.starts_on`,
        params: [systemId],
      },
    ],
  },
  reviewPack(),
  {
    // As the overview after a change: a risk added before each pack moves the organisation's
    // place, so neither the exposure series nor the threshold trends can be reused.
    ...reviewPack(),
    name: 'review pack after a change (no reuse)',
    prepare: CHANGE,
  },
];

const SCENARIOS = values.only === undefined ? ALL_SCENARIOS : ALL_SCENARIOS.filter((scenario) => scenario.name.includes(values.only!));
if (SCENARIOS.length === 0) throw new Error(`--only ${values.only} names no request; they are: ${ALL_SCENARIOS.map((scenario) => scenario.name).join('; ')}`);

function monthEnds(from: string): string[] {
  const days: string[] = [];
  const cursor = new Date(`${from}T00:00:00Z`);
  for (let step = 0; step <= 12; step += 1) {
    const day = new Date(Date.UTC(cursor.getUTCFullYear(), cursor.getUTCMonth() + step, cursor.getUTCDate()));
    days.push(day.toISOString().slice(0, 10));
  }
  return days;
}

function percentile(sorted: readonly number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!;
}

/**
 * Waits until the server is idle: a second with its event loop under 5% busy and no SQL
 * statement sent (at most five minutes). Returns the seconds waited beyond the first check.
 */
async function quiet(served: Served): Promise<number> {
  const started = performance.now();
  for (;;) {
    const statements = served.statements.count;
    const before = performance.eventLoopUtilization();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const busy = performance.eventLoopUtilization(before).utilization;
    const waited = (performance.now() - started) / 1000 - 1;
    if ((busy < 0.05 && served.statements.count === statements) || waited > 300) return Math.max(0, waited);
  }
}

async function timeRaw(orm: Orm, statements: { sql: string; params: unknown[] }[], total: number): Promise<Timing> {
  const connection = orm.em.getConnection();
  const times: number[] = [];
  for (let round = 0; round < total; round += 1) {
    const started = performance.now();
    for (const { sql, params } of statements) await connection.execute(sql, params);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95), p99: percentile(times, 0.99), errors: 0 };
}

async function statementsPerRequest(served: Served, token: string, operations: Operation[], prepare?: Operation): Promise<number> {
  if (prepare) await post(served.url, token, prepare);
  // Sequential here, so the count belongs to this request alone.
  const before = served.statements.count;
  for (const operation of operations) {
    const answer = await post(served.url, token, operation);
    if (answer.errors) throw new Error(`benchmark query failed: ${JSON.stringify(answer.errors).slice(0, 500)}`);
  }
  return served.statements.count - before;
}

async function contextOf(served: Served, token: string): Promise<{ organisationId: string; systemId: string }> {
  const answer = await post(served.url, token, { query: '{ me { organisation { id } } aiSystems(first: 1, orderBy: { field: NAME, direction: ASC }) { nodes { id } } }' });
  const data = answer.data as { me: { organisation: { id: string } }; aiSystems: { nodes: { id: string }[] } } | undefined;
  if (!data) throw new Error(`cannot read the organisation: ${JSON.stringify(answer.errors)}`);
  return { organisationId: data.me.organisation.id, systemId: data.aiSystems.nodes[0]!.id };
}

async function signIn(url: string): Promise<string> {
  const answer = await post(url, null, { query: 'mutation($email: String!, $password: String!) { signIn(email: $email, password: $password) { token } }', variables: LARGE_SIGN_IN });
  const token = (answer.data as { signIn?: { token: string } } | undefined)?.signIn?.token;
  if (!token) throw new Error(`sign-in failed: ${JSON.stringify(answer.errors)}`);
  return token;
}

function targetFor(kind: 'full' | 'tenth'): DatabaseTarget {
  const url = values['database-url'];
  if (url && url.startsWith('postgres')) {
    const parsed = new URL(url);
    if (kind === 'tenth') parsed.pathname = `${parsed.pathname}_tenth`;
    return parseDatabaseUrl(parsed.toString());
  }
  const file = url ? url.replace(/^sqlite:/, '') : join(tmpdir(), `assay-bench-large-${scale}.sqlite`);
  return parseDatabaseUrl(`sqlite:${kind === 'tenth' ? file.replace(/\.sqlite$/, '') + '-tenth.sqlite' : file}`);
}

const ms = (value: number) => `${value.toFixed(1)} ms`.padStart(10);

async function main() {
  const full = targetFor('full');
  const tenth = targetFor('tenth');
  if (full.kind === 'sqlite' && !existsSync(full.path)) say(`no database at ${full.path} yet: it will be generated (about 2 million rows; a few minutes)`);

  // Statements per request on a tenth of the data, then everything on the full size.
  const small = await serve(tenth, sizesAt(scale / 10));
  const smallToken = await signIn(small.url);
  const smallContext = await contextOf(small, smallToken);
  const smallCounts = new Map<string, number>();
  for (const scenario of SCENARIOS) smallCounts.set(scenario.name, await statementsPerRequest(small, smallToken, scenario.operations(smallContext), scenario.prepare));
  await small.close();

  const served = await serve(full, sizesAt(scale));
  const token = await signIn(served.url);
  const context = await contextOf(served, token);
  const lines: string[] = [];
  const head = `${'request'.padEnd(38)} ${'SQL/req'.padStart(8)} ${'(1/10 size)'.padStart(11)} ${'p50 @1'.padStart(10)} ${'p95 @1'.padStart(10)} ${'p99 @1'.padStart(10)} ${'p50 @16'.padStart(10)} ${'p95 @16'.padStart(10)} ${'p99 @16'.padStart(10)} ${'errors'.padStart(6)} ${'raw p95'.padStart(10)} ${'API/raw'.padStart(8)}`;
  let goalsMet = true;
  const notes: string[] = [];
  const figures: { figure: string; value: string; goal: string; met: boolean }[] = [];
  for (const scenario of SCENARIOS) {
    say(scenario.name);
    const operations = scenario.operations(context);
    const count = await statementsPerRequest(served, token, operations, scenario.prepare);
    for (let warm = 0; warm < 3; warm += 1) await load(served.url, token, operations, 1, 1, scenario.prepare);
    const one = await load(served.url, token, operations, 1, requests, scenario.prepare);
    const sixteen = await load(served.url, token, operations, 16, requests * 2, scenario.prepare);
    // Requests answered TIMEOUT may still be computing; the raw SQL is timed on a quiet server.
    const waited = await quiet(served);
    if (waited >= 1) say(`  waited ${waited.toFixed(0)} s for the server to finish work of requests already answered`);
    const raw = await timeRaw(served.orm, scenario.raw({ ...context, kind: full.kind }), Math.max(10, Math.round(requests / 2)));
    const ratio = one.p95 / raw.p95;
    const smallCount = smallCounts.get(scenario.name)!;
    lines.push(
      `${scenario.name.padEnd(38)} ${String(count).padStart(8)} ${String(smallCount).padStart(11)} ${ms(one.p50)} ${ms(one.p95)} ${ms(one.p99)} ${ms(sixteen.p50)} ${ms(sixteen.p95)} ${ms(sixteen.p99)} ${String(one.errors + sixteen.errors).padStart(6)} ${ms(raw.p95)} ${`${ratio.toFixed(1)}×`.padStart(8)}`,
    );
    if (count !== smallCount) notes.push(`${scenario.name}: ${count} statements at full size, ${smallCount} at a tenth — grows with the data (goal missed)`);
    if (ratio > 3) notes.push(`${scenario.name}: p95 at one client is ${ratio.toFixed(1)}× the raw SQL (goal ≤ 3×)`);
    if (one.errors + sixteen.errors > 0) notes.push(`${scenario.name}: ${one.errors + sixteen.errors} errors (goal 0), the first: ${one.firstError ?? sixteen.firstError}`);
    goalsMet &&= count === smallCount && ratio <= 3 && one.errors + sixteen.errors === 0;
    figures.push(
      { figure: `${scenario.name}: SQL statements per request`, value: `${count} (${smallCount} at 1/10)`, goal: 'the same at both sizes', met: count === smallCount },
      { figure: `${scenario.name}: p95 at 1 client`, value: `${one.p95.toFixed(1)} ms, ${ratio.toFixed(1)}× raw`, goal: `≤ 3× raw SQL (${raw.p95.toFixed(1)} ms)`, met: ratio <= 3 },
      { figure: `${scenario.name}: errors at 16 clients`, value: `${one.errors + sixteen.errors} (p95 ${sixteen.p95.toFixed(0)} ms)`, goal: '0', met: one.errors + sixteen.errors === 0 },
    );
  }
  await served.close();
  const cpu = os.cpus()[0]?.model.replace(/\s+/g, ' ').trim() ?? 'unknown CPU';
  console.log(`@assay/api benchmark — ${full.kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'}, ${sizesAt(scale).risks.toLocaleString('en')} risks, Node ${process.version}, ${cpu} × ${os.cpus().length}, ${todayIso()}`);
  console.log(`${requests} requests at 1 client, ${requests * 2} at 16 clients per row; raw SQL through the same driver, one client`);
  console.log('goals: SQL/req equal at full and a tenth of the size; p95 @1 ≤ 3× raw SQL; no error at 16 clients');
  console.log(head);
  for (const line of lines) console.log(line);
  for (const note of notes) console.log(`  ${note}`);
  const closes = served.keepAliveCloses;
  const idle = [...closes.idleSeconds].sort((a, b) => a - b);
  console.log(
    `connections closed by the server at its keep-alive timeout: ${closes.count}` +
      (closes.count === 0 ? ' (clients closed theirs first)' : `, ${closes.duringRequest} with a request under way; idle ${idle[0]?.toFixed(1)}–${idle.at(-1)?.toFixed(1)} s`),
  );
  console.log(goalsMet ? 'every goal met' : 'some goals missed (see the notes above)');
  // The root `npm run bench` gathers every benchmark's figures into one table.
  if (process.env.ASSAY_BENCH_RESULTS) appendFileSync(process.env.ASSAY_BENCH_RESULTS, figures.map((row) => `${JSON.stringify(row)}\n`).join(''));
}

try {
  await main();
} finally {
  await http.close();
}
