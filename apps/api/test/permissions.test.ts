import { type GraphQLArgument, type GraphQLField, type GraphQLSchema, isNonNullType } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { permissions } from '../src/auth/permissions.js';
import { Role } from '../src/auth/roles.js';
import { createSchema } from '../src/schema.js';
import { DEMO_ACCOUNTS, DEMO_SIGN_IN } from '../src/seed/demo.js';
import { useDemoApi } from './support/api.js';
import { testDatabases } from './support/databases.js';
import { leafSelection, sampleValue } from './support/schema-probe.js';

const databases = await testDatabases();
const schema: GraphQLSchema = await createSchema();
const roots = { Query: schema.getQueryType()!, Mutation: schema.getMutationType()! };

describe('the permission table', () => {
  it('has a rule for every query and mutation, and none for a field that does not exist', () => {
    for (const [root, type] of Object.entries(roots) as ['Query' | 'Mutation', (typeof roots)['Query']][]) {
      const fields = Object.keys(type.getFields()).sort();
      expect(Object.keys(permissions[root]).sort(), `${root} fields without a rule, or rules without a field`).toEqual(fields);
    }
  });
});

/** An operation calling one root field with every required argument, selecting one leaf. */
function operationFor(root: 'Query' | 'Mutation', field: GraphQLField<unknown, unknown>): { query: string; variables: Record<string, unknown> } {
  const required = field.args.filter((arg: GraphQLArgument) => isNonNullType(arg.type));
  const declarations = required.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const call = required.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const selection = leafSelection(field);
  const keyword = root === 'Query' ? 'query' : 'mutation';
  return {
    query: `${keyword} Probe${declarations ? `(${declarations})` : ''} { ${field.name}${call ? `(${call})` : ''}${selection} }`,
    variables: Object.fromEntries(required.map((arg) => [arg.name, sampleValue(arg.type)])),
  };
}

describe.each(databases.available)('authorisation matrix on $name', (database) => {
  const demo = useDemoApi(database);
  const tokens = new Map<Role, string>();
  beforeAll(async () => {
    for (const account of DEMO_ACCOUNTS) tokens.set(account.role, await demo.api.signIn(account.email, DEMO_SIGN_IN.password));
  });

  it('answers every operation, for every role and without a session, as the table says', async () => {
    const checked: string[] = [];
    for (const [root, type] of Object.entries(roots) as ['Query' | 'Mutation', (typeof roots)['Query']][]) {
      for (const field of Object.values(type.getFields())) {
        // Signing out ends the session the rest of the matrix uses.
        if (field.name === 'signOut') continue;
        const rule = permissions[root][field.name]!;
        const { query, variables } = operationFor(root, field);
        for (const role of [null, ...Object.values(Role)] as (Role | null)[]) {
          const result = await demo.api.graphql(query, variables, role === null ? null : tokens.get(role));
          const code = result.errors?.[0]?.extensions?.code;
          const allowed = rule === 'public' || (role !== null && (rule === 'signed-in' || rule.includes(role)));
          const where = `${root}.${field.name} as ${role ?? 'anonymous'}: ${JSON.stringify(result.errors?.[0] ?? null)}`;
          if (allowed) {
            // A public field may still say "not signed in" for its own reasons (login with a wrong password).
            const refusals = rule === 'public' ? ['FORBIDDEN'] : ['FORBIDDEN', 'UNAUTHENTICATED'];
            expect([...refusals, 'GRAPHQL_VALIDATION_FAILED', 'INTERNAL_SERVER_ERROR'], where).not.toContain(code);
          } else {
            expect(code, where).toBe(role === null ? 'UNAUTHENTICATED' : 'FORBIDDEN');
          }
        }
        checked.push(`${root}.${field.name}`);
      }
    }
    expect(checked.length).toBe(Object.keys(permissions.Query).length + Object.keys(permissions.Mutation).length - 1);
    expect(demo.api.loggedErrors).toEqual([]);
  }, 120_000);
});
