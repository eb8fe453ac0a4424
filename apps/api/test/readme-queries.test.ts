import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_SIGN_IN } from '../src/seed/demo.js';
import { useDemoApi } from './support/api.js';
import { testDatabases } from './support/databases.js';

const databases = await testDatabases();
const readme = readFileSync(join(import.meta.dirname, '..', '..', '..', 'README.md'), 'utf8');
const queries = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]!);

describe('the README', () => {
  it('has queries for analysts', () => {
    expect(queries.length).toBeGreaterThanOrEqual(4);
  });
});

describe.each(databases.available)('README queries on $name', (database) => {
  const demo = useDemoApi(database);

  it.each(queries.map((query, index) => [index + 1, query] as const))('query %i runs as written for the demo analyst and finds data', async (_index, query) => {
    const analyst = await demo.api.signIn('analyst@assay.local', DEMO_SIGN_IN.password);
    // The one variable the README asks for: the CV screening model's id.
    const systems = await demo.api.graphql<{ aiSystems: { nodes: { id: string; name: string }[] } }>('{ aiSystems { nodes { id name } } }', {}, analyst);
    const variables = query.includes('$aiSystemId') ? { aiSystemId: systems.data!.aiSystems.nodes.find((system) => system.name === 'CV screening model')!.id } : {};
    const result = await demo.api.graphql<Record<string, unknown>>(query, variables, analyst);
    expect(result.errors).toBeUndefined();
    for (const [field, value] of Object.entries(result.data ?? {})) {
      expect(value, field).not.toBeNull();
      if (Array.isArray(value)) expect(value.length, field).toBeGreaterThan(0);
    }
  });
});
