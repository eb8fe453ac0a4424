import { describe, expect, it } from 'vitest';
import { getIntrospectionQuery } from 'graphql';
import { MAX_INTROSPECTION_DEPTH, MAX_QUERY_DEPTH, MAX_QUERY_FIELDS } from '../src/query-limits.js';
import { useDemoApi } from './support/api.js';
import { testDatabases } from './support/databases.js';

const databases = await testDatabases();

describe.each(databases.available.slice(0, 1))('query limits on $name', (database) => {
  const demo = useDemoApi(database);

  it('refuses a query nested too deep, counting through fragments, before running it', async () => {
    // risks → nodes → aiSystem → risks → aiSystem … : each pair after nodes adds two levels.
    let selection = 'id';
    for (let level = 0; level < 6; level += 1) selection = `aiSystem { risks { ${selection} } }`;
    const deep = await demo.api.graphql(`{ risks { nodes { ${selection} } } }`, {}, demo.admin);
    expect(deep.errors?.[0]).toMatchObject({ message: `The query is nested 15 levels deep; at most ${MAX_QUERY_DEPTH} are allowed`, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    const viaFragment = await demo.api.graphql(`query { risks { nodes { ...deeper } } } fragment deeper on Risk { aiSystem { risks { aiSystem { risks { aiSystem { risks { aiSystem { risks { aiSystem { risks { id } } } } } } } } } } }`, {}, demo.admin);
    expect(viaFragment.errors?.[0]?.message).toMatch(/^The query is nested 13 levels deep/);
    const fine = await demo.api.graphql(`{ risks { nodes { aiSystem { risks { aiSystem { name } } } } } }`, {}, demo.admin);
    expect(fine.errors).toBeUndefined();
  });

  it('answers the standard introspection query that GraphiQL sends, and refuses introspection nested beyond its own limit', async () => {
    const introspection = await demo.api.graphql<{ __schema: { types: unknown[] } }>(getIntrospectionQuery(), {}, demo.admin);
    expect(introspection.errors).toBeUndefined();
    expect(introspection.data!.__schema.types.length).toBeGreaterThan(50);
    let typeRef = 'name';
    for (let level = 0; level < MAX_INTROSPECTION_DEPTH; level += 1) typeRef = `ofType { ${typeRef} }`;
    const deep = await demo.api.graphql(`{ __type(name: "Risk") { fields { type { ${typeRef} } } } }`, {}, demo.admin);
    expect(deep.errors?.[0]?.message).toMatch(new RegExp(`^The introspection query is nested \\d+ levels deep; at most ${MAX_INTROSPECTION_DEPTH} are allowed`));
    // Introspection does not open a way around the limit of ordinary fields.
    let selection = 'id';
    for (let level = 0; level < 6; level += 1) selection = `aiSystem { risks { ${selection} } }`;
    const mixed = await demo.api.graphql(`{ __typename risks { nodes { ${selection} } } }`, {}, demo.admin);
    expect(mixed.errors?.[0]?.message).toMatch(/^The query is nested 15 levels deep/);
  });

  it('refuses a query selecting too many fields through aliases', async () => {
    const aliases = Array.from({ length: MAX_QUERY_FIELDS + 1 }, (_, index) => `a${index}: riskMatrix { appetite }`).join(' ');
    const wide = await demo.api.graphql(`{ ${aliases} }`, {}, demo.admin);
    expect(wide.errors?.[0]).toMatchObject({ message: `The query selects ${2 * (MAX_QUERY_FIELDS + 1)} fields; at most ${MAX_QUERY_FIELDS} are allowed` });
  });
});
