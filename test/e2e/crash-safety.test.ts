import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { everyPage, graphql, removeTempFolders, startApp, tempFolder } from '../support/app.js';
import { expectAuditChainIntact, expectSqliteIntact, KILLS, killAfter, killRounds, signIn } from '../support/crash.js';
import { dropDatabase, freshDatabaseUrl, postgresqlReachable } from '../support/postgresql.js';

/**
 * Crash safety: the API process is killed with SIGKILL at random moments while clients create
 * risks (each one a risk, its first assessment and their audit-log entries, written in one
 * transaction), then started again on the same database. Every creation the API acknowledged
 * must be there, and no record may be half-written: no risk without its assessment, no audit
 * entry for a record that is not there, an intact hash chain and, on SQLite, an intact file.
 */
const postgresqlUp = await postgresqlReachable();

interface Outcome {
  acknowledged: string[];
  attempted: number;
}

/** Creates risks from four clients until the process dies; returns the titles the API acknowledged. */
async function createUntilKilled(url: string, token: string, round: number, alive: () => boolean): Promise<Outcome> {
  const acknowledged: string[] = [];
  let attempted = 0;
  const client = async (lane: number) => {
    for (let index = 0; alive(); index += 1) {
      const title = `Crash probe ${round}.${lane}.${index}`;
      attempted += 1;
      try {
        const answer = await graphql<{ createRisk: { id: string } }>(url, 'mutation($title: String!) { createRisk(input: { title: $title, likelihood: 3, impact: 4 }) { id } }', { title }, token);
        if (answer.data?.createRisk.id) acknowledged.push(title);
      } catch {
        // The connection died with the process: this one may or may not have committed.
        return;
      }
    }
  };
  await Promise.all([0, 1, 2, 3].map(client));
  return { acknowledged, attempted };
}

async function crashRounds(databaseUrl: string): Promise<Outcome> {
  const outcomes = await killRounds(databaseUrl, async (app, round) => {
    const token = await signIn(app.url);
    // Somewhere in the first half second of writing; the pseudo-random spread is fixed by the round.
    const kill = killAfter(app, 60 + ((round * 137) % 440));
    const outcome = await createUntilKilled(app.url, token, round, kill.alive);
    kill.done();
    return outcome;
  });
  return { acknowledged: outcomes.flatMap((outcome) => outcome.acknowledged), attempted: outcomes.reduce((sum, outcome) => sum + outcome.attempted, 0) };
}

/** After the crashes: start once more and check the register and the audit log through the API. */
async function checkAfterRestart(databaseUrl: string, acknowledged: string[]): Promise<number> {
  const app = await startApp({ DATABASE_URL: databaseUrl });
  try {
    // The administrator, who may also check the audit log's chain.
    const token = await signIn(app.url, 'demo@assay.local');
    // Every page of a list: the probes can outnumber one page of 500.
    const everything = <Node>(field: string, args: string, selection: string) => everyPage<Node>(app.url, token, field, args, selection);
    const risks = await everything<{ id: string; title: string; assessments: { id: string }[] }>('risks', 'filter: { search: "Crash probe" }', 'id title assessments { id }');
    const titles = new Set(risks.map((risk) => risk.title));
    // Every acknowledged creation survived the kills.
    expect(acknowledged.filter((title) => !titles.has(title))).toEqual([]);
    // No half-written record: each risk has its first assessment.
    expect(risks.filter((risk) => risk.assessments.length !== 1).map((risk) => risk.title)).toEqual([]);
    // The audit log holds one creation per stored probe risk, and its hash chain is intact.
    const created = await everything<{ entityId: string }>('auditLog', 'filter: { entityType: "Risk", operation: "create" }', 'entityId');
    const logged = new Set(created.map((entry) => entry.entityId));
    expect(risks.filter((risk) => !logged.has(risk.id)).map((risk) => risk.title)).toEqual([]);
    await expectAuditChainIntact(app.url);
    return risks.length;
  } finally {
    await app.stop();
  }
}

describe('crash safety on SQLite (WAL)', () => {
  afterAll(() => removeTempFolders());

  it(`keeps every acknowledged record, whole, through ${KILLS} kill -9s`, async () => {
    const file = join(tempFolder('crash'), 'assay.sqlite');
    const { acknowledged, attempted } = await crashRounds(`sqlite:${file}`);
    expect(acknowledged.length).toBeGreaterThan(KILLS);
    const stored = await checkAfterRestart(`sqlite:${file}`, acknowledged);
    // Stored may exceed acknowledged by the creations that committed as the process died.
    expect(stored).toBeGreaterThanOrEqual(acknowledged.length);
    expect(stored).toBeLessThanOrEqual(attempted);
    expectSqliteIntact(file);
    console.log(`crash safety, SQLite: ${KILLS} kills, ${attempted} creations tried, ${acknowledged.length} acknowledged, ${stored} stored, 0 lost`);
  }, 300_000);
});

describe.runIf(postgresqlUp)('crash safety on PostgreSQL', () => {
  const database = freshDatabaseUrl('assay_crash');

  afterAll(async () => {
    await dropDatabase(database);
    removeTempFolders();
  });

  it(`keeps every acknowledged record, whole, through ${KILLS} kill -9s`, async () => {
    const { acknowledged, attempted } = await crashRounds(database.toString());
    expect(acknowledged.length).toBeGreaterThan(KILLS);
    const stored = await checkAfterRestart(database.toString(), acknowledged);
    expect(stored).toBeGreaterThanOrEqual(acknowledged.length);
    expect(stored).toBeLessThanOrEqual(attempted);
    console.log(`crash safety, PostgreSQL: ${KILLS} kills, ${attempted} creations tried, ${acknowledged.length} acknowledged, ${stored} stored, 0 lost`);
  }, 300_000);
});
