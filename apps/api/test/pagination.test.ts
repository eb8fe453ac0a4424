import { crosswalk } from '@assay/schema';
import { describe, expect, it } from 'vitest';
import { useDemoApi } from './support/api.js';
import { testDatabases } from './support/databases.js';

const databases = await testDatabases();

interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

interface Connection<T> {
  nodes: T[];
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount: number;
}

interface RiskRow {
  id: string;
  title: string;
  description: string | null;
  owner: string | null;
  score: number;
  residualScore: number | null;
  level: string;
  status: string;
  reviewDate: string | null;
  controlIds: string[];
  aiSystem: { id: string } | null;
}

const RISK = 'id title description owner score residualScore level status reviewDate controlIds aiSystem { id }';
const PAGE = 'totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id } }';

describe.each(databases.available)('cursor pagination on $name', (database) => {
  const demo = useDemoApi(database);

  async function risks(args: string, variables: Record<string, unknown> = {}, declarations = ''): Promise<Connection<RiskRow>> {
    const result = await demo.api.graphql<{ risks: Connection<RiskRow> }>(`query${declarations} { risks${args} { nodes { ${RISK} } ${PAGE} } }`, variables, demo.executive);
    expect(result.errors).toBeUndefined();
    return result.data!.risks;
  }

  /** Every page of a risk query, following endCursor, with the pages' sizes. */
  async function allPages(args: string, size: number): Promise<{ rows: RiskRow[]; pages: Connection<RiskRow>[] }> {
    const pages: Connection<RiskRow>[] = [];
    let after: string | null = null;
    do {
      const page: Connection<RiskRow> = await risks(`(first: ${size}, after: $after${args})`, { after }, '($after: String)');
      pages.push(page);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after !== null && pages.length < 100);
    return { rows: pages.flatMap((page) => page.nodes), pages };
  }

  it('pages through the register in order: every risk exactly once, the count of all on every page', async () => {
    const whole = await risks('(first: 500)');
    expect(whole.totalCount).toBe(whole.nodes.length);
    expect(whole.nodes.length).toBeGreaterThan(8);
    expect(whole.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
    const { rows, pages } = await allPages('', 4);
    expect(rows.map((row) => row.id)).toEqual(whole.nodes.map((row) => row.id));
    expect(pages).toHaveLength(Math.ceil(whole.nodes.length / 4));
    for (const [index, page] of pages.entries()) {
      expect(page.totalCount).toBe(whole.totalCount);
      expect(page.pageInfo.hasPreviousPage).toBe(index > 0);
      expect(page.pageInfo.hasNextPage).toBe(index < pages.length - 1);
      expect(page.edges.map((edge) => edge.node.id)).toEqual(page.nodes.map((node) => node.id));
      expect(page.pageInfo.startCursor).toBe(page.edges[0]?.cursor);
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor);
    }
    // Highest score first, ties by title.
    const scores = whole.nodes.map((row) => row.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it.each([
    ['REVIEW_DATE', 'ASC'],
    ['REVIEW_DATE', 'DESC'],
    ['RESIDUAL_SCORE', 'DESC'],
    ['TITLE', 'ASC'],
    ['OWNER', 'DESC'],
  ])('sorts by %s %s, pages of three giving the same order as one page, empty values together', async (field, direction) => {
    const order = `, orderBy: { field: ${field}, direction: ${direction} }`;
    const whole = await risks(`(first: 500${order})`);
    const { rows } = await allPages(order, 3);
    expect(rows.map((row) => row.id)).toEqual(whole.nodes.map((row) => row.id));
    const key = { REVIEW_DATE: 'reviewDate', RESIDUAL_SCORE: 'residualScore', TITLE: 'title', OWNER: 'owner' }[field] as keyof RiskRow;
    const values = whole.nodes.map((row) => row[key] as string | number | null).filter((value) => value !== null);
    const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(values).toEqual(direction === 'ASC' ? sorted : sorted.reverse());
    // Rows without a value sit together at one end, never between valued ones.
    const empties = whole.nodes.map((row) => row[key] === null);
    const firstEmpty = empties.indexOf(true);
    if (firstEmpty >= 0) expect(empties.slice(firstEmpty).every(Boolean) || empties.slice(0, empties.lastIndexOf(true) + 1).every(Boolean)).toBe(true);
  });

  it('filters by status, level, AI system, control, review date and words, and counts only what matches', async () => {
    const today = new Date().toISOString().slice(0, 10);
    // One risk whose review is overdue, so that both sides of that filter hold rows.
    const overdue = await demo.api.graphql(`mutation { createRisk(input: { title: "Overdue review of the prompt filter", likelihood: 2, impact: 2, reviewDate: "2026-01-05" }) { id } }`, {}, demo.admin);
    expect(overdue.errors).toBeUndefined();
    const all = (await risks('(first: 500)')).nodes;
    const check = async (filter: string, variables: Record<string, unknown>, declarations: string, expected: (row: RiskRow) => boolean) => {
      const page = await risks(`(first: 500, filter: ${filter})`, variables, declarations);
      const want = all.filter(expected).map((row) => row.id);
      expect(want.length).toBeGreaterThan(0);
      expect(want.length).toBeLessThan(all.length);
      expect(page.nodes.map((row) => row.id)).toEqual(want);
      expect(page.totalCount).toBe(want.length);
    };
    const level = all[0]!.level;
    await check(`{ level: ["${level}"] }`, {}, '', (row) => row.level === level);
    const status = all.at(-1)!.status;
    await check(`{ status: [${status.toUpperCase().replace(/-/g, '_')}] }`, {}, '', (row) => row.status === status);
    const system = all.find((row) => row.aiSystem !== null)!.aiSystem!.id;
    await check('{ aiSystemId: $system }', { system }, '($system: ID)', (row) => row.aiSystem?.id === system);
    const control = all.flatMap((row) => row.controlIds)[0]!;
    await check(`{ controlId: "${control}" }`, {}, '', (row) => row.controlIds.includes(control));
    await check('{ reviewOverdue: true }', {}, '', (row) => row.reviewDate !== null && row.reviewDate < today);
    await check('{ reviewOverdue: false }', {}, '', (row) => row.reviewDate === null || row.reviewDate >= today);
    // Words in any case, each found in the title, description or owner.
    const word = all[0]!.title.split(' ').find((part) => part.length > 4)!;
    const shouted = word.toUpperCase();
    await check(`{ search: "  ${shouted}  " }`, {}, '', (row) => [row.title, row.description, row.owner].some((text) => text?.toLowerCase().includes(word.toLowerCase())));
    const nothing = await risks('(filter: { search: "zzqqx", status: [IDENTIFIED] })');
    expect(nothing).toMatchObject({ nodes: [], totalCount: 0, pageInfo: { hasNextPage: false, startCursor: null, endCursor: null } });
  });

  it('pages a past register (asOf) with the same cursors and filters', async () => {
    const asOf = new Date(Date.now() - 1000).toISOString();
    const now = await risks('(first: 500, asOf: $asOf)', { asOf }, '($asOf: DateTimeISO)');
    const first = await risks('(first: 5, asOf: $asOf)', { asOf }, '($asOf: DateTimeISO)');
    expect(first.totalCount).toBe(now.totalCount);
    const second = await risks('(first: 5, after: $after, asOf: $asOf)', { asOf, after: first.pageInfo.endCursor }, '($asOf: DateTimeISO, $after: String)');
    expect([...first.nodes, ...second.nodes].map((row) => row.id)).toEqual(now.nodes.slice(0, 10).map((row) => row.id));
    expect(second.pageInfo.hasPreviousPage).toBe(true);
  });

  it.each([
    ['(first: 0)', 'first'],
    ['(first: 501)', 'first'],
    ['(after: "bm90IGEgY3Vyc29y")', 'after'],
    ['(after: "%%%")', 'after'],
    ['(filter: { controlId: "A.99" })', 'filter.controlId'],
  ])('refuses risks%s naming %s', async (args, field) => {
    const result = await demo.api.graphql(`{ risks${args} { totalCount } }`, {}, demo.executive);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('refuses a cursor of one order in another order', async () => {
    const byTitle = await risks('(first: 2, orderBy: { field: TITLE })');
    const result = await demo.api.graphql(`query($after: String) { risks(first: 2, after: $after, orderBy: { field: REVIEW_DATE }) { totalCount } }`, { after: byTitle.pageInfo.endCursor }, demo.executive);
    // A cursor holds the sort values of its row: in another order it is either refused or read as a position in that order.
    if (result.errors) expect(result.errors[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    else expect(result.data).toBeTruthy();
  });

  it('pages the Statement of Applicability in catalogue order and filters it', async () => {
    type Control = { controlId: string; applicable: boolean; implementationStatus: string; control: { objectiveId: string } };
    const query = `query($after: String, $filter: ControlFilter) { controls(first: 10, after: $after, filter: $filter) { nodes { controlId applicable implementationStatus control { objectiveId } } totalCount pageInfo { hasNextPage endCursor } } }`;
    const seen: Control[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page += 1) {
      const result: { data?: { controls: Connection<Control> } | null; errors?: unknown } = await demo.api.graphql<{ controls: Connection<Control> }>(query, { after }, demo.executive);
      expect(result.errors).toBeUndefined();
      expect(result.data!.controls.totalCount).toBe(38);
      seen.push(...result.data!.controls.nodes);
      if (!result.data!.controls.pageInfo.hasNextPage) break;
      after = result.data!.controls.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(38);
    expect(seen[0]?.controlId).toBe('A.2.2');
    expect(seen.at(-1)?.controlId).toBe('A.10.4');
    const a6 = await demo.api.graphql<{ controls: Connection<Control> }>(query, { filter: { objectiveId: 'A.6' } }, demo.executive);
    expect(a6.data!.controls.nodes.map((row) => row.controlId)).toEqual(seen.filter((row) => row.control.objectiveId === 'A.6').map((row) => row.controlId));
    const implemented = await demo.api.graphql<{ controls: Connection<Control> }>(query, { filter: { implementationStatus: ['IMPLEMENTED'] } }, demo.executive);
    expect(implemented.data!.controls.totalCount).toBe(seen.filter((row) => row.implementationStatus === 'IMPLEMENTED').length);
    const bad = await demo.api.graphql(query, { filter: { objectiveId: 'A.11' } }, demo.executive);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.objectiveId' });
    const badCursor = await demo.api.graphql(query, { after: 'eyJrIjoiQS45OSJ9' }, demo.executive);
    expect(badCursor.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('lists corrective actions of every finding, soonest due first, with their finding, and filters the overdue ones', async () => {
    type Action = { id: string; dueDate: string; completedOn: string | null; overdue: boolean; finding: { id: string; correctiveActions: { id: string }[] } };
    const query = `query($filter: CorrectiveActionFilter) { correctiveActions(first: 500, filter: $filter) { nodes { id dueDate completedOn overdue finding { id correctiveActions { id } } } totalCount } }`;
    const all = await demo.api.graphql<{ correctiveActions: Connection<Action> }>(query, {}, demo.executive);
    expect(all.errors).toBeUndefined();
    const actions = all.data!.correctiveActions.nodes;
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.map((action) => action.dueDate)).toEqual(actions.map((action) => action.dueDate).sort());
    for (const action of actions) expect(action.finding.correctiveActions.map((entry) => entry.id)).toContain(action.id);
    const overdue = await demo.api.graphql<{ correctiveActions: Connection<Action> }>(query, { filter: { overdue: true } }, demo.executive);
    expect(overdue.data!.correctiveActions.nodes.map((action) => action.id)).toEqual(actions.filter((action) => action.overdue).map((action) => action.id));
    const open = await demo.api.graphql<{ correctiveActions: Connection<Action> }>(query, { filter: { completed: false } }, demo.executive);
    expect(open.data!.correctiveActions.totalCount).toBe(actions.filter((action) => action.completedOn === null).length);
  });

  it('lists certification bodies on their own, as the plan shows them', async () => {
    const result = await demo.api.graphql<{ certificationBodies: Connection<{ id: string; name: string }>; certificationPlan: { bodies: { id: string; name: string }[] } }>(
      `{ certificationBodies { nodes { id name } totalCount } certificationPlan { bodies { id name } } }`,
      {},
      demo.executive,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.certificationBodies.nodes).toEqual(result.data!.certificationPlan.bodies);
    expect(result.data!.certificationBodies.totalCount).toBe(result.data!.certificationPlan.bodies.length);
  });

  it('answers every list field with a connection whose count matches its nodes', async () => {
    const lists = ['aiSystems', 'risks', 'controls', 'evidence', 'policies', 'impactAssessments', 'incidents', 'audits', 'findings', 'correctiveActions', 'managementReviews', 'objectives', 'trainingRecords', 'suppliers', 'certificationBodies', 'auditLog'];
    const result = await demo.api.graphql<Record<string, { totalCount: number; edges: { cursor: string }[] }>>(`{ ${lists.map((name) => `${name}(first: 500) { totalCount edges { cursor } }`).join(' ')} }`, {}, demo.executive);
    expect(result.errors).toBeUndefined();
    for (const name of lists) {
      const connection = result.data![name]!;
      expect(connection.totalCount, name).toBeGreaterThan(0);
      if (name !== 'auditLog') expect(connection.edges.length, name).toBe(connection.totalCount);
      expect(new Set(connection.edges.map((edge) => edge.cursor)).size, name).toBe(connection.edges.length);
    }
  });
});

describe.each(databases.available)('crosswalk on $name', (database) => {
  const demo = useDemoApi(database);
  type Link = { from: { framework: string; ref: string }; to: { framework: string; ref: string }; basis: string; source: string | null; via: string | null };
  const query = `query($from: Framework!, $to: Framework!) { crosswalk(from: $from, to: $to) { from { framework ref } to { framework ref } basis source via } }`;

  it('gives the catalogue links from ISO/IEC 42001, turned round for the reverse direction', async () => {
    const forward = await demo.api.graphql<{ crosswalk: Link[] }>(query, { from: 'ISO42001', to: 'ISO27001' }, demo.executive);
    expect(forward.errors).toBeUndefined();
    const expected = crosswalk.filter((link) => link.to.framework === 'iso27001');
    expect(forward.data!.crosswalk).toHaveLength(expected.length);
    expect(forward.data!.crosswalk[0]).toMatchObject({ from: { framework: 'ISO42001', ref: expected[0]!.from.ref }, to: { framework: 'ISO27001', ref: expected[0]!.to.ref }, basis: expected[0]!.basis, via: null });
    const back = await demo.api.graphql<{ crosswalk: Link[] }>(query, { from: 'ISO27001', to: 'ISO42001' }, demo.executive);
    expect(back.data!.crosswalk.map((link) => [link.from.ref, link.to.ref])).toEqual(forward.data!.crosswalk.map((link) => [link.to.ref, link.from.ref]));
  });

  it('joins two other frameworks through the 42001 requirement they share, as proposed links', async () => {
    const result = await demo.api.graphql<{ crosswalk: Link[] }>(query, { from: 'ISO27001', to: 'EU_AI_ACT' }, demo.executive);
    expect(result.errors).toBeUndefined();
    const links = result.data!.crosswalk;
    expect(links.length).toBeGreaterThan(0);
    for (const link of links.slice(0, 20)) {
      expect(link.basis).toBe('proposed');
      expect(crosswalk.some((entry) => entry.from.ref === link.via && entry.to.framework === 'iso27001' && entry.to.ref === link.from.ref)).toBe(true);
      expect(crosswalk.some((entry) => entry.from.ref === link.via && entry.to.framework === 'eu-ai-act' && entry.to.ref === link.to.ref)).toBe(true);
    }
    expect(new Set(links.map((link) => `${link.from.ref}→${link.to.ref}`)).size).toBe(links.length);
  });

  it('refuses a framework crossed with itself, naming to', async () => {
    const result = await demo.api.graphql(query, { from: 'ISO9001', to: 'ISO9001' }, demo.executive);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
  });
});
