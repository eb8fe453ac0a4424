import { describe, expect, it } from 'vitest';
import { permissions } from '../src/auth/permissions.js';
import { Role } from '../src/auth/roles.js';
import { DEMO_SIGN_IN, SECOND_TENANT_ADMIN } from '../src/seed/demo.js';
import { type GraphQLResponse, useDemoApi } from './support/api.js';
import { testDatabases } from './support/databases.js';

const databases = await testDatabases();

const FIELDS = 'id userId name email role since lastSignInAt version';
const NOBODY = '00000000-0000-4000-8000-000000000000';

interface MemberView {
  id: string;
  userId: string;
  name: string;
  email: string;
  role: string;
  since: string;
  lastSignInAt: string | null;
  version: number;
}

type ErrorOf = NonNullable<GraphQLResponse<unknown>['errors']>[number];

describe('the permission rows of member management', () => {
  it('let every member read the members, only administrators manage them, and everyone change their own password', () => {
    expect(permissions.Query.members).toBe('signed-in');
    expect(permissions.Query.member).toBe('signed-in');
    for (const field of ['addMember', 'changeMemberRole', 'removeMember']) expect(permissions.Mutation[field], field).toEqual([Role.ADMIN]);
    expect(permissions.Mutation.changePassword).toBe('signed-in');
  });
});

describe.each(databases.available)('members on $name', (database) => {
  const demo = useDemoApi(database);
  let contoso: string;

  const members = async (token: string) => {
    const result = await demo.api.graphql<{ members: MemberView[] }>(`{ members { ${FIELDS} } }`, {}, token);
    expect(result.errors).toBeUndefined();
    return result.data!.members;
  };
  const memberByEmail = async (token: string, email: string) => (await members(token)).find((member) => member.email === email);
  const add = (input: Record<string, unknown>, token = demo.admin) =>
    demo.api.graphql<{ addMember: MemberView }>(`mutation($input: AddMemberInput!) { addMember(input: $input) { ${FIELDS} } }`, { input }, token);
  const changeRole = (id: string, role: string, expectedVersion: number, token = demo.admin) =>
    demo.api.graphql<{ changeMemberRole: MemberView }>(
      `mutation($id: ID!, $role: Role!, $expectedVersion: Int!) { changeMemberRole(id: $id, role: $role, expectedVersion: $expectedVersion) { ${FIELDS} } }`,
      { id, role, expectedVersion },
      token,
    );
  const remove = (id: string, expectedVersion: number, token = demo.admin) =>
    demo.api.graphql<{ removeMember: boolean }>(`mutation($id: ID!, $expectedVersion: Int!) { removeMember(id: $id, expectedVersion: $expectedVersion) }`, { id, expectedVersion }, token);
  const changePassword = (currentPassword: string, newPassword: string, token: string) =>
    demo.api.graphql<{ changePassword: number }>(`mutation($currentPassword: String!, $newPassword: String!) { changePassword(currentPassword: $currentPassword, newPassword: $newPassword) }`, { currentPassword, newPassword }, token);
  const signIn = (email: string, password: string) =>
    demo.api.graphql<{ signIn: { token: string; viewer: { role: string; organisation: { name: string } } } }>(
      `mutation($email: String!, $password: String!) { signIn(email: $email, password: $password) { token viewer { role organisation { name } } } }`,
      { email, password },
    );
  /** Whether a token still opens a signed-in operation. */
  const works = async (token: string) => {
    const result = await demo.api.graphql(`{ members { id } }`, {}, token);
    if (result.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED') return false;
    expect(result.errors).toBeUndefined();
    return true;
  };
  const refusal = (result: GraphQLResponse<unknown>): Pick<ErrorOf, 'message'> & { code?: string; field?: string } => {
    const error = result.errors?.[0];
    return { message: error?.message ?? '', code: error?.extensions?.code, field: error?.extensions?.field };
  };

  it('lists the members to every member, by name, with role, since and last sign-in, and nothing of a password', async () => {
    contoso = await demo.api.signIn(SECOND_TENANT_ADMIN.email, SECOND_TENANT_ADMIN.password);
    const listed = await members(demo.executive);
    // The seed's five accounts, sorted by name; demo@ and exec@ signed in for this suite, the others never did.
    expect(listed.map(({ name, email, role, version }) => ({ name, email, role, version }))).toEqual([
      { name: 'Ana Analyst', email: 'analyst@assay.local', role: 'ANALYST', version: 1 },
      { name: 'Aude Auditor', email: 'auditor@assay.local', role: 'AUDITOR', version: 1 },
      { name: 'Dana Demo', email: 'demo@assay.local', role: 'ADMIN', version: 1 },
      { name: 'Evan Executive', email: 'exec@assay.local', role: 'EXECUTIVE', version: 1 },
      { name: 'Rafael Risk', email: 'risk@assay.local', role: 'RISK_MANAGER', version: 1 },
    ]);
    const byEmail = new Map(listed.map((member) => [member.email, member]));
    expect(byEmail.get('analyst@assay.local')!.lastSignInAt).toBeNull();
    const signedIn = Date.parse(byEmail.get('exec@assay.local')!.lastSignInAt!);
    expect(Date.now() - signedIn).toBeGreaterThanOrEqual(0);
    expect(Date.now() - signedIn).toBeLessThan(120_000);
    expect(Date.parse(byEmail.get('demo@assay.local')!.since)).toBeLessThanOrEqual(signedIn);

    // An API token's use is not a sign-in; a new sign-in is.
    const created = await demo.api.graphql<{ createApiToken: { token: string } }>(`mutation { createApiToken(name: "members probe") { token } }`, {}, demo.admin);
    await works(created.data!.createApiToken.token);
    const before = (await memberByEmail(demo.executive, 'demo@assay.local'))!.lastSignInAt;
    expect((await memberByEmail(demo.executive, 'demo@assay.local'))!.lastSignInAt).toBe(before);
    await demo.api.signIn('analyst@assay.local', DEMO_SIGN_IN.password);
    expect((await memberByEmail(demo.executive, 'analyst@assay.local'))!.lastSignInAt).not.toBeNull();

    const one = await demo.api.graphql<{ member: MemberView | null }>(`query($id: ID!) { member(id: $id) { ${FIELDS} } }`, { id: byEmail.get('risk@assay.local')!.id }, demo.executive);
    expect(one.data?.member).toEqual(byEmail.get('risk@assay.local'));
    for (const id of [NOBODY, 'not-an-id']) {
      const none = await demo.api.graphql<{ member: MemberView | null }>(`query($id: ID!) { member(id: $id) { id } }`, { id }, demo.executive);
      expect(none).toEqual({ data: { member: null } });
    }

    // The other organisation sees its own member only.
    expect((await members(contoso)).map((member) => member.email)).toEqual([SECOND_TENANT_ADMIN.email]);

    // No type of the schema carries a password or its hash.
    const types = await demo.api.graphql<{ __schema: { types: { name: string; fields: { name: string }[] | null }[] } }>(`{ __schema { types { name fields { name } } } }`);
    const objectTypes = types.data!.__schema.types.filter((type) => type.name !== 'Query' && type.name !== 'Mutation');
    const secretFields = objectTypes.flatMap((type) => (type.fields ?? []).filter((field) => /password|hash/i.test(field.name)).map((field) => `${type.name}.${field.name}`));
    // The audit log's own chain hash is the only one.
    expect(secretFields).toEqual(['AuditLogEntry.hash']);
  });

  it('adds a new account that can sign in, with a normalised email, and names the field of every refusal', async () => {
    const added = await add({ email: '  Nia.New+aims@Example.ORG ', name: ' Nia New ', role: 'AUDITOR', initialPassword: 'a long enough passphrase' });
    expect(added.errors).toBeUndefined();
    expect(added.data?.addMember).toMatchObject({ name: 'Nia New', email: 'nia.new+aims@example.org', role: 'AUDITOR', lastSignInAt: null, version: 1 });
    expect(await memberByEmail(demo.executive, 'nia.new+aims@example.org')).toEqual(added.data?.addMember);

    const session = await signIn('NIA.new+aims@example.org', 'a long enough passphrase');
    expect(session.data?.signIn.viewer).toEqual({ role: 'AUDITOR', organisation: { name: 'Northwind Lending (demo)' } });

    const cases: [Record<string, unknown>, { field: string; message: string }][] = [
      [{ email: 'nia.new+aims@example.org', name: 'Nia Again', role: 'ANALYST' }, { field: 'email', message: 'email is already a member of this organisation: nia.new+aims@example.org' }],
      [{ email: ' NIA.NEW+AIMS@example.org', role: 'ANALYST', initialPassword: 'another long passphrase' }, { field: 'email', message: 'email is already a member of this organisation: nia.new+aims@example.org' }],
      [{ email: 'not-an-email', name: 'X', role: 'ANALYST', initialPassword: 'a long enough passphrase' }, { field: 'email', message: 'email must be an email address like name@example.org, got "not-an-email"' }],
      [{ email: 'a@b', name: 'X', role: 'ANALYST', initialPassword: 'a long enough passphrase' }, { field: 'email', message: 'email must be an email address like name@example.org, got "a@b"' }],
      [{ email: 'two@@example.org', name: 'X', role: 'ANALYST', initialPassword: 'a long enough passphrase' }, { field: 'email', message: 'email must be an email address like name@example.org, got "two@@example.org"' }],
      [{ email: '   ', name: 'X', role: 'ANALYST', initialPassword: 'a long enough passphrase' }, { field: 'email', message: 'email must not be empty' }],
      [{ email: 'olga@example.org', role: 'ANALYST', initialPassword: 'a long enough passphrase' }, { field: 'name', message: 'name is required for a new account' }],
      [{ email: 'olga@example.org', name: '  ', role: 'ANALYST', initialPassword: 'a long enough passphrase' }, { field: 'name', message: 'name must not be empty' }],
      [{ email: 'olga@example.org', name: 'Olga', role: 'ANALYST' }, { field: 'initialPassword', message: 'initialPassword is required for a new account' }],
      [{ email: 'olga@example.org', name: 'Olga', role: 'ANALYST', initialPassword: 'eleven char' }, { field: 'initialPassword', message: 'initialPassword must be at least 12 characters long (runs of spaces count as one)' }],
      // Twelve characters, but only six once the run of spaces counts as one.
      [{ email: 'olga@example.org', name: 'Olga', role: 'ANALYST', initialPassword: 'abc       de' }, { field: 'initialPassword', message: 'initialPassword must be at least 12 characters long (runs of spaces count as one)' }],
      [{ email: 'olga@example.org', name: 'Olga', role: 'ANALYST', initialPassword: 'x'.repeat(129) }, { field: 'initialPassword', message: 'initialPassword must be at most 128 characters long' }],
    ];
    for (const [input, expected] of cases) {
      const result = await add(input);
      expect(refusal(result), JSON.stringify(input)).toEqual({ ...expected, code: 'BAD_USER_INPUT' });
      // A refusal never echoes the password.
      expect(JSON.stringify(result)).not.toContain('passphrase');
    }
    // Exactly 12 characters is enough.
    expect((await add({ email: 'olga@example.org', name: 'Olga', role: 'ANALYST', initialPassword: 'twelve chars' })).errors).toBeUndefined();
    expect((await members(demo.admin)).map((member) => member.email).filter((email) => !email.endsWith('@assay.local'))).toEqual(['nia.new+aims@example.org', 'olga@example.org']);
  });

  it('adds an existing account to another organisation with its own name and password, and refuses an initial password for it', async () => {
    const withPassword = await add({ email: 'Analyst@assay.local', role: 'RISK_MANAGER', initialPassword: 'a long enough passphrase' }, contoso);
    expect(refusal(withPassword)).toEqual({
      field: 'initialPassword',
      code: 'BAD_USER_INPUT',
      message: 'initialPassword must be left out: analyst@assay.local already has an account, which keeps its own password',
    });
    const analyst = (await memberByEmail(demo.admin, 'analyst@assay.local'))!;
    const added = await add({ email: 'Analyst@assay.local', name: 'Someone Else', role: 'RISK_MANAGER' }, contoso);
    expect(added.errors).toBeUndefined();
    expect(added.data?.addMember).toMatchObject({ userId: analyst.userId, name: 'Ana Analyst', email: 'analyst@assay.local', role: 'RISK_MANAGER', version: 1 });
    expect(added.data?.addMember.id).not.toBe(analyst.id);
    // Nothing changed at Northwind, and the password is the one the account had.
    expect(await memberByEmail(demo.admin, 'analyst@assay.local')).toMatchObject({ role: 'ANALYST', name: 'Ana Analyst' });
    expect((await signIn('analyst@assay.local', DEMO_SIGN_IN.password)).data?.signIn.viewer.role).toBe('ANALYST');
  });

  it('changes a role with the expected version, refuses a stale one, and never demotes the last ADMIN', async () => {
    const added = await add({ email: 'rolf@example.org', name: 'Rolf Role', role: 'EXECUTIVE', initialPassword: 'rolf changes roles' });
    const rolf = added.data!.addMember;
    const token = await demo.api.signIn('rolf@example.org', 'rolf changes roles');
    const createRisk = () => demo.api.graphql(`mutation { createRisk(input: { title: "Rolf's risk", likelihood: 2, impact: 2 }) { id } }`, {}, token);
    expect(refusal(await createRisk()).code).toBe('FORBIDDEN');

    const changed = await changeRole(rolf.id, 'RISK_MANAGER', 1);
    expect(changed.errors).toBeUndefined();
    expect(changed.data?.changeMemberRole).toMatchObject({ id: rolf.id, role: 'RISK_MANAGER', version: 2 });
    // The new role applies to the open session at once.
    expect((await createRisk()).errors).toBeUndefined();
    expect(refusal(await changeRole(rolf.id, 'AUDITOR', 1))).toMatchObject({ code: 'CONFLICT' });
    expect(refusal(await changeRole(NOBODY, 'AUDITOR', 1))).toMatchObject({ code: 'NOT_FOUND', message: `Member ${NOBODY} was not found` });
    // Only an administrator manages members.
    expect(refusal(await changeRole(rolf.id, 'ADMIN', 2, token))).toMatchObject({ code: 'FORBIDDEN' });
    expect((await memberByEmail(demo.admin, 'rolf@example.org'))!.role).toBe('RISK_MANAGER');

    // Dana is Northwind's only ADMIN, Casey Contoso's.
    const dana = (await memberByEmail(demo.admin, DEMO_SIGN_IN.email))!;
    expect(refusal(await changeRole(dana.id, 'EXECUTIVE', dana.version))).toEqual({
      field: 'role',
      code: 'BAD_USER_INPUT',
      message: "role cannot be changed: demo@assay.local is the organisation's last ADMIN; make another member ADMIN first",
    });
    expect(await memberByEmail(demo.admin, DEMO_SIGN_IN.email)).toEqual(dana);
    // Keeping ADMIN is no demotion; with a second ADMIN the first may step down.
    expect((await changeRole(dana.id, 'ADMIN', dana.version)).data?.changeMemberRole).toMatchObject({ role: 'ADMIN', version: dana.version });
    expect((await changeRole(rolf.id, 'ADMIN', 2)).data?.changeMemberRole).toMatchObject({ role: 'ADMIN', version: 3 });
    expect((await changeRole(rolf.id, 'AUDITOR', 3, token)).data?.changeMemberRole).toMatchObject({ role: 'AUDITOR', version: 4 });
    expect(demo.api.loggedErrors).toEqual([]);
  });

  it('removes a member: their sessions and API tokens for the organisation stop at once, their account stays for the other one', async () => {
    const added = await add({ email: 'moe@example.org', name: 'Moe Mover', role: 'ANALYST', initialPassword: 'moe moves on soon' });
    const moe = added.data!.addMember;
    const session = await demo.api.signIn('moe@example.org', 'moe moves on soon');
    const created = await demo.api.graphql<{ createApiToken: { token: string } }>(`mutation { createApiToken(name: "moe's script") { token } }`, {}, session);
    const apiToken = created.data!.createApiToken.token;
    expect(await works(session)).toBe(true);
    expect(await works(apiToken)).toBe(true);
    // Moe also belongs to Contoso, added there afterwards.
    expect((await add({ email: 'moe@example.org', role: 'EXECUTIVE' }, contoso)).errors).toBeUndefined();

    expect(refusal(await remove(moe.id, 1, session))).toMatchObject({ code: 'FORBIDDEN' });
    expect(refusal(await remove(moe.id, 2))).toMatchObject({ code: 'CONFLICT' });
    expect(refusal(await remove(NOBODY, 1))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await works(apiToken)).toBe(true);

    expect(await remove(moe.id, 1)).toEqual({ data: { removeMember: true } });
    expect(await works(session)).toBe(false);
    expect(await works(apiToken)).toBe(false);
    expect(await memberByEmail(demo.admin, 'moe@example.org')).toBeUndefined();
    expect((await demo.api.graphql(`query($id: ID!) { member(id: $id) { id } }`, { id: moe.id }, demo.admin)).data).toEqual({ member: null });
    expect(refusal(await remove(moe.id, 1))).toMatchObject({ code: 'NOT_FOUND' });

    // The account stays with its password, now signing in to Contoso.
    expect((await memberByEmail(contoso, 'moe@example.org'))!.userId).toBe(moe.userId);
    expect((await signIn('moe@example.org', 'moe moves on soon')).data?.signIn.viewer).toEqual({ role: 'EXECUTIVE', organisation: { name: 'Contoso Health (demo)' } });

    // Removed from their only organisation, an account can no longer sign in.
    const olga = (await memberByEmail(demo.admin, 'olga@example.org'))!;
    expect((await remove(olga.id, olga.version)).errors).toBeUndefined();
    expect(refusal(await signIn('olga@example.org', 'twelve chars'))).toMatchObject({ code: 'UNAUTHENTICATED', message: 'This account belongs to no organisation yet' });

    // The last ADMIN stays.
    const casey = (await memberByEmail(contoso, SECOND_TENANT_ADMIN.email))!;
    expect(refusal(await remove(casey.id, casey.version, contoso))).toEqual({
      field: 'id',
      code: 'BAD_USER_INPUT',
      message: "id names the organisation's last ADMIN (admin@contoso-health.local), who cannot be removed; make another member ADMIN first",
    });
    expect(await works(contoso)).toBe(true);
  });

  it("answers another organisation's member as not found, and changes nothing there", async () => {
    const risk = (await memberByEmail(demo.admin, 'risk@assay.local'))!;
    expect((await demo.api.graphql(`query($id: ID!) { member(id: $id) { id } }`, { id: risk.id }, contoso)).data).toEqual({ member: null });
    expect(refusal(await changeRole(risk.id, 'ADMIN', risk.version, contoso))).toMatchObject({ code: 'NOT_FOUND', message: `Member ${risk.id} was not found` });
    expect(refusal(await remove(risk.id, risk.version, contoso))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await memberByEmail(demo.admin, 'risk@assay.local')).toEqual(risk);
  });

  it('changes the password after checking the current one, and ends the other sessions and API tokens only', async () => {
    await add({ email: 'pat@example.org', name: 'Pat Password', role: 'EXECUTIVE', initialPassword: 'first passphrase' });
    const caller = await demo.api.signIn('pat@example.org', 'first passphrase');
    const other = await demo.api.signIn('pat@example.org', 'first passphrase');
    const created = await demo.api.graphql<{ createApiToken: { token: string } }>(`mutation { createApiToken(name: "pat's export") { token } }`, {}, other);
    const apiToken = created.data!.createApiToken.token;
    // Pat also belongs to Contoso, where Pat has never signed in: nothing to end there.
    await add({ email: 'pat@example.org', role: 'EXECUTIVE' }, contoso);

    expect(refusal(await changePassword('wrong passphrase', 'second passphrase', caller))).toEqual({ field: 'currentPassword', code: 'BAD_USER_INPUT', message: 'currentPassword is not correct' });
    expect(refusal(await changePassword('first passphrase', 'too short', caller))).toEqual({
      field: 'newPassword',
      code: 'BAD_USER_INPUT',
      message: 'newPassword must be at least 12 characters long (runs of spaces count as one)',
    });
    expect(refusal(await changePassword('first passphrase', 'first passphrase', caller))).toEqual({ field: 'newPassword', code: 'BAD_USER_INPUT', message: 'newPassword must differ from currentPassword' });
    expect([await works(caller), await works(other), await works(apiToken)]).toEqual([true, true, true]);

    // The other sign-in and the API token end; the caller's session stays; no other account is touched.
    expect(await changePassword('first passphrase', 'second passphrase', caller)).toEqual({ data: { changePassword: 2 } });
    expect([await works(caller), await works(other), await works(apiToken), await works(demo.admin)]).toEqual([true, false, false, true]);
    expect(refusal(await signIn('pat@example.org', 'first passphrase')).code).toBe('UNAUTHENTICATED');
    expect((await signIn('pat@example.org', 'second passphrase')).data?.signIn.viewer.role).toBe('EXECUTIVE');
    expect(demo.api.loggedErrors).toEqual([]);
  });

  it('counts a wrong current password like a failed sign-in, so a session cannot be used to guess it', async () => {
    await add({ email: 'quinn@example.org', name: 'Quinn Guess', role: 'AUDITOR', initialPassword: 'quinn passphrase' });
    const token = await demo.api.signIn('quinn@example.org', 'quinn passphrase');
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect(refusal(await changePassword(`guess number ${attempt}`, 'a new passphrase', token)).field).toBe('currentPassword');
    }
    const limited = refusal(await changePassword('quinn passphrase', 'a new passphrase', token));
    expect(limited).toMatchObject({ code: 'RATE_LIMITED', message: 'Too many failed sign-ins for this account; try again in 15 minutes' });
    expect(refusal(await signIn('quinn@example.org', 'quinn passphrase')).code).toBe('RATE_LIMITED');
    expect(await works(token)).toBe(true);
  });

  it('records every membership change in the audit log, with no password nor its hash', async () => {
    const nia = (await memberByEmail(demo.admin, 'nia.new+aims@example.org'))!;
    const log = await demo.api.graphql<{ auditLog: { nodes: { actor: string; operation: string; before: string | null; after: string | null }[] } }>(
      `query($id: String!) { auditLog(filter: { entityType: "Membership", entityId: $id }) { nodes { actor operation before after } } }`,
      { id: nia.id },
      demo.executive,
    );
    expect(log.data?.auditLog.nodes).toHaveLength(1);
    expect(log.data?.auditLog.nodes[0]).toMatchObject({ actor: 'demo@assay.local', operation: 'create', before: null });
    expect(JSON.parse(log.data!.auditLog.nodes[0]!.after!)).toEqual({ id: nia.id, user: nia.userId, organisation: expect.any(String), role: 'auditor', createdAt: nia.since });

    const rolf = await demo.api.graphql<{ auditLog: { nodes: { operation: string; before: string | null; after: string | null }[] } }>(
      `{ auditLog(filter: { entityType: "Membership" }, first: 500) { nodes { operation before after } } }`,
      {},
      demo.executive,
    );
    const changes = rolf.data!.auditLog.nodes.filter((entry) => entry.operation === 'update').map((entry) => [JSON.parse(entry.before!), JSON.parse(entry.after!)]);
    expect(changes).toContainEqual([{ role: 'executive', version: 1 }, { role: 'risk_manager', version: 2 }]);
    const removals = rolf.data!.auditLog.nodes.filter((entry) => entry.operation === 'delete').map((entry) => JSON.parse(entry.before!) as { role: string });
    expect(removals.map((entry) => entry.role).sort()).toEqual(['analyst', 'analyst']);

    // Neither organisation's log holds a password or a hash of one, though the accounts' hashes are in the database.
    const hashes = (await demo.api.orm.em.getConnection().execute(`select password_hash from app_user where email in ('nia.new+aims@example.org', 'pat@example.org', 'moe@example.org')`)) as { password_hash: string }[];
    expect(hashes).toHaveLength(3);
    for (const token of [demo.admin, contoso]) {
      const everything = JSON.stringify((await demo.api.graphql(`{ auditLog(first: 500) { nodes { before after } } }`, {}, token)).data);
      expect(everything).not.toMatch(/scrypt|password|passphrase/i);
      for (const { password_hash } of hashes) expect(everything).not.toContain(password_hash.split('$').at(-1));
    }
  });

  it('keeps an ADMIN when two changes race to remove the last two', async () => {
    const added = await add({ email: 'ada@example.org', name: 'Ada Admin', role: 'ADMIN', initialPassword: 'ada holds the keys' }, contoso);
    const ada = added.data!.addMember;
    const casey = (await memberByEmail(contoso, SECOND_TENANT_ADMIN.email))!;
    const adaToken = await demo.api.signIn('ada@example.org', 'ada holds the keys');
    // Each administrator demotes the other at the same moment: one change wins; the other finds the
    // last ADMIN, or (when the winner committed before it signed the request in) no longer an administrator.
    const results = await Promise.all([changeRole(ada.id, 'AUDITOR', ada.version, contoso), changeRole(casey.id, 'AUDITOR', casey.version, adaToken)]);
    expect(results.filter((result) => result.errors === undefined)).toHaveLength(1);
    const refused = results.map((result) => refusal(result)).filter((error) => error.code !== undefined);
    expect(refused).toHaveLength(1);
    expect(['BAD_USER_INPUT role', 'FORBIDDEN undefined']).toContain(`${refused[0]!.code} ${refused[0]!.field}`);
    expect((await members(adaToken)).filter((member) => member.role === 'ADMIN')).toHaveLength(1);
    expect(demo.api.loggedErrors).toEqual([]);
  });
});
