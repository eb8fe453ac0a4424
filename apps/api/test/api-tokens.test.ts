import { describe, expect, it } from 'vitest';
import { useDemoApi } from './support/api.js';
import { testDatabases } from './support/databases.js';

const databases = await testDatabases();

describe.each(databases.available)('login and API tokens on $name', (database) => {
  const demo = useDemoApi(database);

  it('logs in with { token, user }', async () => {
    const result = await demo.api.graphql<{ login: { token: string; user: { email: string }; viewer: { role: string } } }>(
      `mutation { login(email: "analyst@assay.local", password: "assay-demo") { token user { email } viewer { role } } }`,
    );
    expect(result.data?.login).toMatchObject({ user: { email: 'analyst@assay.local' }, viewer: { role: 'ANALYST' } });
    expect(result.data?.login.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
  });

  it('creates a named token shown once, lists it with its last use, and revokes it', async () => {
    const created = await demo.api.graphql<{ createApiToken: { token: string; apiToken: { id: string; name: string; createdAt: string; expiresAt: string; lastUsedAt: string | null } } }>(
      `mutation { createApiToken(name: "weekly fairness export", expiresInDays: 90) { token apiToken { id name createdAt expiresAt lastUsedAt } } }`,
      {},
      demo.admin,
    );
    expect(created.errors).toBeUndefined();
    const { token, apiToken } = created.data!.createApiToken;
    expect(apiToken).toMatchObject({ name: 'weekly fairness export', lastUsedAt: null });
    const days = (Date.parse(apiToken.expiresAt) - Date.parse(apiToken.createdAt)) / 86_400_000;
    expect(days).toBe(90);

    const used = await demo.api.graphql<{ risks: { nodes: unknown[] } }>(`{ risks { nodes { id } } }`, {}, token);
    expect(used.data?.risks.nodes.length).toBeGreaterThan(0);
    const listed = await demo.api.graphql<{ apiTokens: { id: string; lastUsedAt: string | null; revokedAt: string | null }[] }>(`{ apiTokens { id lastUsedAt revokedAt } }`, {}, demo.admin);
    expect(listed.data?.apiTokens).toEqual([{ id: apiToken.id, lastUsedAt: new Date().toISOString().slice(0, 10), revokedAt: null }]);
    // Another member does not see it, nor revoke it.
    const foreign = await demo.api.graphql(`mutation($id: ID!) { revokeApiToken(id: $id) { id } }`, { id: apiToken.id }, demo.executive);
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const revoked = await demo.api.graphql<{ revokeApiToken: { revokedAt: string | null } }>(`mutation($id: ID!) { revokeApiToken(id: $id) { revokedAt } }`, { id: apiToken.id }, demo.admin);
    expect(revoked.data?.revokeApiToken.revokedAt).not.toBeNull();
    const after = await demo.api.graphql(`{ risks { nodes { id } } }`, {}, token);
    expect(after.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses an empty name and a lifetime beyond two years', async () => {
    const empty = await demo.api.graphql(`mutation { createApiToken(name: " ") { token } }`, {}, demo.admin);
    expect(empty.errors?.[0]).toMatchObject({ message: 'name must not be empty', extensions: { field: 'name' } });
    const long = await demo.api.graphql(`mutation { createApiToken(name: "x", expiresInDays: 1000) { token } }`, {}, demo.admin);
    expect(long.errors?.[0]).toMatchObject({ message: 'expiresInDays must be a whole number from 1 to 730, got 1000', extensions: { field: 'expiresInDays' } });
  });
});

describe.each(databases.available)('sign-in rate limiting on $name', (database) => {
  const demo = useDemoApi(database);
  const login = (email: string, password: string) => demo.api.graphql<{ login: { token: string } }>(`mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`, { email, password });

  it('refuses an account after five failures in fifteen minutes, even with the right password, and leaves other accounts alone', async () => {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await login('auditor@assay.local', `wrong ${attempt}`)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const blocked = await login('AUDITOR@assay.local ', 'assay-demo');
    expect(blocked.errors?.[0]).toMatchObject({ message: 'Too many failed sign-ins for this account; try again in 15 minutes', extensions: { code: 'RATE_LIMITED' } });
    expect((await login('analyst@assay.local', 'assay-demo')).data?.login.token).toBeTruthy();
    // Unknown accounts count the same, so the answer does not tell which exist.
    for (let attempt = 0; attempt < 5; attempt += 1) await login('nobody@assay.local', 'x');
    expect((await login('nobody@assay.local', 'x')).errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    // The table holds no email in clear.
    const rows = (await demo.api.orm.em.getConnection().execute('select email_hash from sign_in_failure')) as { email_hash: string }[];
    expect(rows.length).toBe(10);
    expect(rows.every((row) => /^[0-9a-f]{64}$/.test(row.email_hash))).toBe(true);
  });
});
