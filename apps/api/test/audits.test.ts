import { describe, expect, it } from 'vitest';
import { Finding } from '../src/entities/finding.entity.js';
import { DEMO_AUDIT } from '../src/seed/demo.js';
import { useDemoApi } from './support/api.js';
import { testDatabases } from './support/databases.js';

const databases = await testDatabases();

const AUDITS = `{ audits { nodes { id title status completedOn findings { id kind clauseId controlId status correctiveActions { description dueDate completedOn effective overdue } } } } }`;

interface AuditRow {
  id: string;
  title: string;
  status: string;
  findings: { id: string; kind: string; clauseId: string | null; controlId: string | null; status: string; correctiveActions: { dueDate: string; completedOn: string | null; effective: boolean | null; overdue: boolean }[] }[];
}

describe.each(databases.available)('internal audits on $name', (database) => {
  const demo = useDemoApi(database);

  it('shows the seeded audit with its findings and corrective actions, flagging the overdue one', async () => {
    const result = await demo.api.graphql<{ audits: { nodes: AuditRow[] } }>(AUDITS, {}, demo.executive);
    const audit = result.data?.audits.nodes[0];
    expect(audit).toMatchObject({ title: DEMO_AUDIT.title, status: 'COMPLETED' });
    expect(audit?.findings.map((finding) => finding.kind)).toEqual(['MAJOR_NONCONFORMITY', 'MINOR_NONCONFORMITY', 'OBSERVATION', 'OPPORTUNITY']);
    const [major, minor] = audit?.findings ?? [];
    // Due 2026-11-15 and not completed: overdue once that day has passed.
    expect(major?.correctiveActions[0]).toMatchObject({ completedOn: null, overdue: new Date().toISOString().slice(0, 10) > '2026-11-15' });
    expect(minor).toMatchObject({ clauseId: '8.2', status: 'CLOSED' });
    expect(minor?.correctiveActions[0]).toMatchObject({ effective: true, overdue: false });
  });

  it('runs an audit from plan to finding to an effective corrective action', async () => {
    const audit = await demo.api.graphql<{ createAudit: { id: string; version: number } }>(
      `mutation { createAudit(input: { title: "Follow-up audit", plannedOn: "2027-01-20", auditor: "External reviewer" }) { id version } }`,
      {},
      demo.admin,
    );
    const auditId = audit.data?.createAudit.id;
    const finding = await demo.api.graphql<{ addFinding: { id: string } }>(
      `mutation($auditId: ID!) { addFinding(auditId: $auditId, input: { kind: MINOR_NONCONFORMITY, controlId: "A.7.5", description: "Lineage missing for one feed.", raisedOn: "2027-01-21" }) { id } }`,
      { auditId },
      demo.admin,
    );
    expect(finding.errors).toBeUndefined();
    const action = await demo.api.graphql<{ addCorrectiveAction: { id: string; version: number } }>(
      `mutation($findingId: ID!) { addCorrectiveAction(findingId: $findingId, input: { description: "Record lineage at ingestion.", dueDate: "2027-02-28" }) { id version } }`,
      { findingId: finding.data?.addFinding.id },
      demo.admin,
    );
    const done = await demo.api.graphql<{ updateCorrectiveAction: { effective: boolean; overdue: boolean; version: number } }>(
      `mutation($id: ID!) { updateCorrectiveAction(id: $id, input: { expectedVersion: 1, completedOn: "2027-02-20", effectivenessCheck: "Lineage present for all feeds in March.", effective: true }) { effective overdue version } }`,
      { id: action.data?.addCorrectiveAction.id },
      demo.admin,
    );
    expect(done.data?.updateCorrectiveAction).toEqual({ effective: true, overdue: false, version: 2 });
    // Recording findings and actions leaves the audit itself, and so its version, unchanged.
    const completed = await demo.api.graphql<{ updateAudit: { status: string } }>(
      `mutation($id: ID!) { updateAudit(id: $id, input: { expectedVersion: 1, status: COMPLETED, completedOn: "2027-01-22" }) { status } }`,
      { id: auditId },
      demo.admin,
    );
    expect(completed.errors).toBeUndefined();
    expect(completed.data?.updateAudit.status).toBe("COMPLETED");
  });

  it.each([
    [`mutation { createAudit(input: { title: "No date" }) { id } }`, 'plannedOn', 'plannedOn is required'],
    [`mutation { createAudit(input: { title: "Done", plannedOn: "2027-01-01", status: COMPLETED }) { id } }`, 'completedOn', 'completedOn is required once the audit is completed'],
  ])('rejects %s naming the field', async (query, field, message) => {
    const result = await demo.api.graphql(query, {}, demo.admin);
    expect(result.errors?.[0]).toMatchObject({ message, extensions: { code: 'BAD_USER_INPUT', field } });
  });

  it('rejects a finding against an unknown clause or control, storing nothing', async () => {
    const auditId = (await demo.api.graphql<{ audits: { nodes: AuditRow[] } }>(AUDITS, {}, demo.admin)).data?.audits.nodes[0]?.id;
    const before = await demo.api.orm.em.fork().count(Finding, {});
    for (const [input, field, message] of [
      ['clauseId: "11.3"', 'clauseId', 'clauseId names no clause of ISO/IEC 42001: "11.3"'],
      ['controlId: "A.5.1.1"', 'controlId', 'controlId names no Annex A control: "A.5.1.1"'],
    ] as const) {
      const result = await demo.api.graphql(`mutation($auditId: ID!) { addFinding(auditId: $auditId, input: { kind: OBSERVATION, description: "x", raisedOn: "2027-01-01", ${input} }) { id } }`, { auditId }, demo.admin);
      expect(result.errors?.[0]).toMatchObject({ message, extensions: { code: 'BAD_USER_INPUT', field } });
    }
    expect(await demo.api.orm.em.fork().count(Finding, {})).toBe(before);
  });

  it('refuses to judge an action effective before it is completed', async () => {
    const audits = (await demo.api.graphql<{ audits: { nodes: AuditRow[] } }>(AUDITS, {}, demo.admin)).data?.audits.nodes ?? [];
    const findingId = audits.flatMap((audit) => audit.findings).find((finding) => finding.kind === 'OBSERVATION')?.id;
    const result = await demo.api.graphql(
      `mutation($findingId: ID!) { addCorrectiveAction(findingId: $findingId, input: { description: "Brief all staff.", dueDate: "2027-03-01", effective: true }) { id } }`,
      { findingId },
      demo.admin,
    );
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'effective' } });
  });

  it('keeps the demo.executive read-only', async () => {
    const result = await demo.api.graphql(`mutation { createAudit(input: { title: "Board audit", plannedOn: "2027-05-01" }) { id } }`, {}, demo.executive);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
