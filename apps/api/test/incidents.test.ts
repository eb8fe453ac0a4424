import { describe, expect, it } from 'vitest';
import { Incident } from '../src/entities/incident.entity.js';
import { reportingDeadline } from '../src/services/reporting-deadline.js';
import { useDemoApi } from './support/api.js';
import { testDatabases } from './support/databases.js';

const databases = await testDatabases();

describe('reportingDeadline (EU AI Act Art. 73)', () => {
  it.each([
    ['none', null],
    ['general', '2026-03-16'], // 1 March + 15 days
    ['widespread-or-critical-infrastructure', '2026-03-03'], // + 2 days
    ['death', '2026-03-11'], // + 10 days
  ] as const)('for %s is %s when aware on 2026-03-01', (seriousCase, expected) => {
    expect(reportingDeadline('2026-03-01', seriousCase)).toBe(expected);
  });

  it('crosses month and year ends', () => {
    expect(reportingDeadline('2026-12-25', 'general')).toBe('2027-01-09');
  });
});

const FIELDS = 'id title awareOn seriousCase reportingDeadline reportedOn reportOverdue status version aiSystem { name }';

describe.each(databases.available)('incidents on $name', (database) => {
  const demo = useDemoApi(database);

  it('records a serious incident with its deadline, flags it overdue, and clears the flag once reported', async () => {
    const systems = await demo.api.graphql<{ aiSystems: { nodes: { id: string; name: string }[] } }>(`{ aiSystems { nodes { id name } } }`, {}, demo.admin);
    const credit = systems.data?.aiSystems.nodes.find((system) => system.name === 'Credit decisioning model');
    const created = await demo.api.graphql<{ createIncident: { id: string; reportingDeadline: string; reportOverdue: boolean; aiSystem: { name: string } } }>(
      `mutation($input: CreateIncidentInput!) { createIncident(input: $input) { ${FIELDS} } }`,
      { input: { title: 'Mass wrongful declines after a feature pipeline fault', awareOn: '2026-01-10', seriousCase: 'WIDESPREAD_OR_CRITICAL_INFRASTRUCTURE', aiSystemId: credit?.id } },
      demo.admin,
    );
    expect(created.errors).toBeUndefined();
    // 10 January + 2 days; the suite runs long after, so unreported it is overdue.
    expect(created.data?.createIncident).toMatchObject({ reportingDeadline: '2026-01-12', reportOverdue: true, aiSystem: { name: 'Credit decisioning model' } });
    const reported = await demo.api.graphql<{ updateIncident: { reportOverdue: boolean; reportedOn: string } }>(
      `mutation($id: ID!) { updateIncident(id: $id, input: { expectedVersion: 1, reportedOn: "2026-01-11", status: INVESTIGATING }) { ${FIELDS} } }`,
      { id: created.data?.createIncident.id },
      demo.admin,
    );
    expect(reported.data?.updateIncident).toMatchObject({ reportedOn: '2026-01-11', reportOverdue: false, status: 'INVESTIGATING' });
    const listed = await demo.api.graphql<{ incidents: { nodes: { title: string }[] } }>(`{ incidents { nodes { title } } }`, {}, demo.executive);
    expect(listed.data?.incidents.nodes.map((incident) => incident.title)).toContain('Mass wrongful declines after a feature pipeline fault');
  });

  it('gives an incident that is not serious no deadline', async () => {
    const created = await demo.api.graphql<{ createIncident: { reportingDeadline: string | null; reportOverdue: boolean } }>(
      `mutation { createIncident(input: { title: "Chat assistant outage", awareOn: "2026-02-01" }) { ${FIELDS} } }`,
      {},
      demo.admin,
    );
    expect(created.data?.createIncident).toMatchObject({ reportingDeadline: null, reportOverdue: false });
  });

  it.each([
    [{ title: 'x', awareOn: '2026-13-01' }, 'awareOn', 'awareOn must be a date as YYYY-MM-DD, got "2026-13-01"'],
    [{ title: 'x', awareOn: '2026-05-02', reportedOn: '2026-05-01' }, 'reportedOn', 'reportedOn must not be before awareOn (2026-05-02), got 2026-05-01'],
    [{ title: 'x', awareOn: '2026-05-02', aiSystemId: '00000000-0000-4000-8000-000000000000' }, 'aiSystemId', 'aiSystemId names no AI system of your organisation: 00000000-0000-4000-8000-000000000000'],
  ])('rejects %j naming the field, and stores nothing', async (input, field, message) => {
    const before = await demo.api.orm.em.fork().count(Incident, {});
    const result = await demo.api.graphql(`mutation($input: CreateIncidentInput!) { createIncident(input: $input) { id } }`, { input }, demo.admin);
    expect(result.errors?.[0]).toMatchObject({ message, extensions: { code: 'BAD_USER_INPUT', field } });
    expect(await demo.api.orm.em.fork().count(Incident, {})).toBe(before);
  });
});
