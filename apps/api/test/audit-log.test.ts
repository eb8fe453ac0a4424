import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DEMO_REFERENCE_DATE, DEMO_RISKS, DEMO_AI_SYSTEMS } from '../src/seed/demo.js';
import { addDays } from '../src/services/dates.js';
import { useDemoApi } from './support/api.js';
import { databaseUrl, testDatabases } from './support/databases.js';

const databases = await testDatabases();
const run = promisify(execFile);

interface Entry {
  sequence: number;
  at: string;
  actor: string;
  entityType: string;
  entityId: string;
  operation: string;
  before: string | null;
  after: string | null;
}

const ENTRY = 'sequence at actor entityType entityId operation before after';

describe.each(databases.available)('audit log on $name', (database) => {
  const demo = useDemoApi(database);
  const riskByTitle = async (title: string) => {
    const result = await demo.api.graphql<{ risks: { nodes: { id: string; version: number; owner: string | null; likelihood: number; impact: number }[] & { title: string }[] } }>(
      `{ risks { nodes { id title version owner likelihood impact } } }`,
      {},
      demo.admin,
    );
    return (result.data!.risks.nodes as unknown as { id: string; title: string; version: number; owner: string | null }[]).find((risk) => risk.title === title)!;
  };

  it('records who changed what, with the values before and after', async () => {
    const risk = await riskByTitle('Supplier model update without notice');
    const updated = await demo.api.graphql(`mutation($id: ID!, $input: UpdateRiskInput!) { updateRisk(id: $id, input: $input) { id } }`, { id: risk.id, input: { expectedVersion: risk.version, owner: 'Vendor Manager' } }, demo.admin);
    expect(updated.errors).toBeUndefined();
    const log = await demo.api.graphql<{ auditLog: { nodes: Entry[] } }>(`query($id: String!) { auditLog(filter: { entityType: "Risk", entityId: $id }) { nodes { ${ENTRY} } } }`, { id: risk.id }, demo.executive);
    const [latest, ...older] = log.data!.auditLog.nodes;
    expect(latest).toMatchObject({ actor: 'demo@assay.local', entityType: 'Risk', entityId: risk.id, operation: 'update' });
    expect(JSON.parse(latest!.before!)).toMatchObject({ owner: 'Procurement Lead', version: risk.version });
    expect(JSON.parse(latest!.after!)).toMatchObject({ owner: 'Vendor Manager', version: risk.version + 1 });
    // The seed created it 69 weeks before the demo's reference date and re-rated it twice, as Assay itself.
    expect(older.map((entry) => entry.operation)).toEqual(['update', 'update', 'create']);
    expect(older.every((entry) => entry.actor === 'Assay demo seed')).toBe(true);
    expect(older.at(-1)!.at.slice(0, 10)).toBe(addDays(DEMO_REFERENCE_DATE, -7 * 69));
    expect(JSON.parse(older.at(-1)!.after!)).toMatchObject({ title: 'Supplier model update without notice', owner: 'Procurement Lead', likelihood: 2, impact: 3 });
    // No password hash or token hash ever reaches the log.
    const everything = await demo.api.graphql<{ auditLog: { nodes: Entry[] } }>(`{ auditLog(first: 500) { nodes { after before } } }`, {}, demo.admin);
    expect(JSON.stringify(everything.data)).not.toMatch(/scrypt|passwordHash|tokenHash/);
  });

  it('keeps the whole record in the entry of a delete, and JSON columns as values', async () => {
    const created = await demo.api.graphql<{ createSupplier: { id: string } }>(`mutation { createSupplier(input: { name: "Short-lived supplier", supplies: [DATA], notes: "Trial only" }) { id } }`, {}, demo.admin);
    const id = created.data!.createSupplier.id;
    const updated = await demo.api.graphql(`mutation($id: ID!) { updateSupplier(id: $id, input: { expectedVersion: 1, supplies: [MODEL] }) { id } }`, { id }, demo.admin);
    expect(updated.errors).toBeUndefined();
    expect((await demo.api.graphql(`mutation($id: ID!) { deleteSupplier(id: $id) }`, { id }, demo.admin)).errors).toBeUndefined();
    const log = await demo.api.graphql<{ auditLog: { nodes: Entry[] } }>(`query($id: String!) { auditLog(filter: { entityType: "Supplier", entityId: $id }) { nodes { ${ENTRY} } } }`, { id }, demo.admin);
    expect(log.data!.auditLog.nodes.map((entry) => entry.operation)).toEqual(['delete', 'update', 'create']);
    const [deleted, update] = log.data!.auditLog.nodes;
    // A JSON column is logged as its value on both sides, not as the text the database holds.
    expect(JSON.parse(update!.before!)).toMatchObject({ supplies: ['data'], version: 1 });
    expect(JSON.parse(update!.after!)).toMatchObject({ supplies: ['model'], version: 2 });
    expect(deleted!.after).toBeNull();
    expect(JSON.parse(deleted!.before!)).toMatchObject({ id, name: 'Short-lived supplier', supplies: ['model'], notes: 'Trial only', version: 2 });
  });

  it('names the API token a change came through', async () => {
    const created = await demo.api.graphql<{ createApiToken: { token: string } }>(`mutation { createApiToken(name: "nightly sync") { token } }`, {}, demo.admin);
    const token = created.data!.createApiToken.token;
    const risk = await riskByTitle('Supplier model update without notice');
    await demo.api.graphql(`mutation($id: ID!, $input: UpdateRiskInput!) { updateRisk(id: $id, input: $input) { id } }`, { id: risk.id, input: { expectedVersion: risk.version, owner: 'Procurement Lead' } }, token);
    const log = await demo.api.graphql<{ auditLog: { nodes: Entry[] } }>(`query($id: String!) { auditLog(filter: { entityId: $id }, first: 1) { nodes { actor } } }`, { id: risk.id }, demo.admin);
    expect(log.data?.auditLog.nodes).toEqual([{ actor: 'demo@assay.local (API token "nightly sync")' }]);
  });

  it('chains the entries of concurrent writers in turn: every change is kept and numbered without a gap', async () => {
    // Sixteen writers at once: each reads the head of the chain and appends to it. Without a lock
    // around both, two of them claim the same sequence number and one fails (PostgreSQL did).
    const titles = Array.from({ length: 16 }, (_, index) => `Concurrent audit probe ${index}`);
    const answers = await Promise.all(
      titles.map((title) => demo.api.graphql<{ createRisk: { id: string } }>(`mutation($title: String!) { createRisk(input: { title: $title, likelihood: 2, impact: 3 }) { id } }`, { title }, demo.admin)),
    );
    expect(answers.flatMap((answer) => answer.errors ?? [])).toEqual([]);
    const log = await demo.api.graphql<{ auditLog: { nodes: Entry[] } }>(`{ auditLog(filter: { entityType: "Risk", operation: "create" }, first: 16) { nodes { ${ENTRY} } } }`, {}, demo.admin);
    const ids = new Set(answers.map((answer) => answer.data!.createRisk.id));
    expect(log.data!.auditLog.nodes.filter((entry) => ids.has(entry.entityId))).toHaveLength(16);
    const check = await demo.api.graphql<{ verifyAuditLog: { intact: boolean; problem: string | null } }>(`{ verifyAuditLog { intact problem } }`, {}, demo.admin);
    expect(check.data!.verifyAuditLog).toEqual({ intact: true, problem: null });
    // The register as the other tests expect it.
    for (const id of ids) expect((await demo.api.graphql(`mutation($id: ID!) { deleteRisk(id: $id) }`, { id }, demo.admin)).errors).toBeUndefined();
  });

  it("replays the demo's 18 months of history: the register at a past moment is the one its assessments describe", async () => {
    // Two moments: before the customer assistant entered the inventory, and the day of the management review.
    for (const weeksAgo of [DEMO_AI_SYSTEMS.find((system) => system.name === 'Customer assistant')!.inventoryWeeksAgo + 1, 22]) {
      const day = addDays(DEMO_REFERENCE_DATE, -7 * weeksAgo);
      const expected = DEMO_RISKS.flatMap((risk) => {
        const rating = risk.history.filter(([ago]) => ago >= weeksAgo).at(-1);
        return rating === undefined ? [] : [[risk.title, rating[1] * rating[2], rating[3] === undefined ? null : rating[3] * rating[4]!] as const];
      });
      const then = await demo.api.graphql<{ risks: { totalCount: number; nodes: { title: string; score: number; residualScore: number | null; aiSystem: { name: string } | null }[] } }>(
        `query($asOf: DateTimeISO) { risks(asOf: $asOf, first: 100) { totalCount nodes { title score residualScore aiSystem { name } } } }`,
        { asOf: `${day}T23:59:59Z` },
        demo.executive,
      );
      expect(then.errors).toBeUndefined();
      expect(then.data!.risks.totalCount).toBe(expected.length);
      expect(then.data!.risks.nodes.map((risk) => [risk.title, risk.score, risk.residualScore]).sort()).toEqual([...expected].map((row) => [...row]).sort());
      if (weeksAgo > 22) expect(then.data!.risks.nodes.some((risk) => risk.aiSystem?.name === 'Customer assistant')).toBe(false);
    }
    // Before the AIMS started, the log holds nothing of the register.
    const empty = await demo.api.graphql<{ risks: { totalCount: number } }>(`query($asOf: DateTimeISO) { risks(asOf: $asOf) { totalCount } }`, { asOf: `${addDays(DEMO_REFERENCE_DATE, -7 * 79)}T00:00:00Z` }, demo.executive);
    expect(empty.data!.risks.totalCount).toBe(0);
  });

  it('shows the register as it stood at a past moment', async () => {
    const before = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const risk = await riskByTitle('Energy use of retraining not monitored');
    const changed = await demo.api.graphql(`mutation($id: ID!, $input: UpdateRiskInput!) { updateRisk(id: $id, input: $input) { score } }`, { id: risk.id, input: { expectedVersion: risk.version, likelihood: 5, impact: 5 } }, demo.admin);
    expect(changed.errors).toBeUndefined();
    const then = await demo.api.graphql<{ risks: { nodes: { id: string; likelihood: number; score: number; level: string; assessments: unknown[] }[] } }>(
      `query($asOf: DateTimeISO) { risks(asOf: $asOf) { nodes { id likelihood score level assessments { score } } } }`,
      { asOf: before },
      demo.executive,
    );
    expect(then.errors).toBeUndefined();
    const past = then.data!.risks.nodes.find((entry) => entry.id === risk.id)!;
    expect(past).toMatchObject({ likelihood: 2, score: 4, level: 'Low' });
    expect(past.assessments).toHaveLength(1);
    const now = await demo.api.graphql<{ risks: { nodes: { id: string; score: number }[] } }>(`{ risks { nodes { id score } } }`, {}, demo.executive);
    expect(now.data!.risks.nodes.find((entry) => entry.id === risk.id)!.score).toBe(25);
    // The heatmap then and now: the risk moved from (2, 2) to (5, 5).
    const cell = (map: { cells: { likelihood: number; impact: number; count: number }[] }, l: number, i: number) => map.cells.find((c) => c.likelihood === l && c.impact === i)!.count;
    const maps = await demo.api.graphql<{ then: { cells: { likelihood: number; impact: number; count: number }[]; total: number }; now: { cells: { likelihood: number; impact: number; count: number }[] } }>(
      `query($asOf: DateTimeISO) { then: riskHeatmap(asOf: $asOf) { total cells { likelihood impact count } } now: riskHeatmap { cells { likelihood impact count } } }`,
      { asOf: before },
      demo.executive,
    );
    expect(cell(maps.data!.now, 5, 5) - cell(maps.data!.then, 5, 5)).toBe(1);
    expect(cell(maps.data!.then, 2, 2) - cell(maps.data!.now, 2, 2)).toBe(1);
    // The Statement of Applicability then and now.
    const soaBefore = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const entry = await demo.api.graphql<{ controls: { nodes: { controlId: string; version: number; implementationStatus: string }[] } }>(`{ controls { nodes { controlId version implementationStatus } } }`, {}, demo.admin);
    const control = entry.data!.controls.nodes.find((row) => row.implementationStatus === 'PLANNED')!;
    const soaChange = await demo.api.graphql(`mutation($controlId: String!, $input: UpdateSoaEntryInput!) { updateSoaEntry(controlId: $controlId, input: $input) { version } }`, { controlId: control.controlId, input: { expectedVersion: control.version, implementationStatus: 'IN_PROGRESS' } }, demo.admin);
    expect(soaChange.errors).toBeUndefined();
    const soaThen = await demo.api.graphql<{ controls: { nodes: { controlId: string; implementationStatus: string }[] } }>(`query($asOf: DateTimeISO) { controls(asOf: $asOf) { nodes { controlId implementationStatus } } }`, { asOf: soaBefore }, demo.executive);
    expect(soaThen.data!.controls.nodes.find((row) => row.controlId === control.controlId)!.implementationStatus).toBe('PLANNED');
    expect(soaThen.data!.controls.nodes).toHaveLength(38);
    const future = await demo.api.graphql(`{ risks(asOf: "2999-01-01T00:00:00Z") { nodes { id } } }`, {}, demo.admin);
    expect(future.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'asOf' } });
  });

  it('records a change to a KPI measurement, which belongs to its organisation through its objective', async () => {
    const objectives = await demo.api.graphql<{ objectives: { nodes: { measurements: { id: string; value: number; version: number }[] }[] } }>(`{ objectives { nodes { measurements { id value version } } } }`, {}, demo.admin);
    const measurement = objectives.data!.objectives.nodes[0]!.measurements[0]!;
    const changed = await demo.api.graphql(`mutation($id: ID!, $version: Int!) { updateKpiMeasurement(id: $id, input: { expectedVersion: $version, value: 42.5 }) { version } }`, { id: measurement.id, version: measurement.version }, demo.admin);
    expect(changed.errors).toBeUndefined();
    const log = await demo.api.graphql<{ auditLog: { nodes: Entry[] } }>(`query($id: String!) { auditLog(filter: { entityId: $id }, first: 1) { nodes { ${ENTRY} } } }`, { id: measurement.id }, demo.admin);
    expect(log.data?.auditLog.nodes[0]).toMatchObject({ actor: 'demo@assay.local', entityType: 'KpiMeasurement', operation: 'update' });
    expect(JSON.parse(log.data!.auditLog.nodes[0]!.before!)).toMatchObject({ value: measurement.value, version: measurement.version });
    expect(JSON.parse(log.data!.auditLog.nodes[0]!.after!)).toMatchObject({ value: 42.5, version: measurement.version + 1 });
  });

  it('detects an altered, a deleted and an inserted entry, through the API and the command line', async () => {
    const verify = async () => (await demo.api.graphql<{ verifyAuditLog: { entries: number; intact: boolean; brokenAt: number | null; problem: string | null } }>(`{ verifyAuditLog { entries intact brokenAt problem } }`, {}, demo.admin)).data!.verifyAuditLog;
    const intact = await verify();
    expect(intact).toMatchObject({ intact: true, brokenAt: null });
    expect(intact.entries).toBeGreaterThan(100);
    const cli = ['tsx', 'src/scripts/audit-verify.ts', '--database-url', databaseUrl(demo.api.target)];
    expect((await run('npx', cli)).stdout).toMatch(/^Northwind Lending \(demo\): intact, \d+ entries$/m);

    const connection = demo.api.orm.em.getConnection();
    // Northwind's chain only: the second demo organisation has its own, numbered from 1 too.
    const me = await demo.api.graphql<{ me: { organisation: { id: string } } }>(`{ me { organisation { id } } }`, {}, demo.admin);
    const organisation = me.data!.me.organisation.id;
    const [victim] = (await connection.execute('select id, after from audit_log_entry where organisation_id = ? and sequence = 10', [organisation])) as { id: string; after: string }[];
    await connection.execute('update audit_log_entry set after = ? where id = ?', [victim!.after.replace('"', '"x'), victim!.id]);
    expect(await verify()).toMatchObject({ intact: false, brokenAt: 10, problem: 'entry 10 was altered after it was written (its hash no longer matches its contents)' });
    const failed = await run('npx', cli).catch((error: { code: number; stdout: string }) => error);
    expect(failed).toMatchObject({ code: 1 });
    expect((failed as { stdout: string }).stdout).toContain('BROKEN at entry 10');
    await connection.execute('update audit_log_entry set after = ? where id = ?', [victim!.after, victim!.id]);

    const [row] = (await connection.execute('select * from audit_log_entry where organisation_id = ? and sequence = 20', [organisation])) as Record<string, unknown>[];
    await connection.execute('delete from audit_log_entry where organisation_id = ? and sequence = 20', [organisation]);
    expect(await verify()).toMatchObject({ intact: false, brokenAt: 21, problem: 'entry 20 is missing (deleted), the next one is 21' });
    // Put a forged entry where it was: right number, but not the chain's hash.
    const columns = Object.keys(row!);
    await connection.execute(`insert into audit_log_entry (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`, columns.map((column) => (column === 'previous_hash' ? 'f'.repeat(64) : row![column])) as never);
    expect(await verify()).toMatchObject({ intact: false, brokenAt: 20, problem: 'entry 20 does not follow entry 19 (an entry was inserted, replaced or reordered)' });
  });
});
