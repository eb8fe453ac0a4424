import { readFileSync } from 'node:fs';
import { buildSchema, getNamedType, isNonNullType, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { sdlPath } from '../src/schema-sdl.js';
import { useDemoApi } from './support/api.js';
import { testDatabases } from './support/databases.js';

const databases = await testDatabases();

/** Every root query that takes just an `id` and may answer null: the singular field of a register. */
const schema = buildSchema(readFileSync(sdlPath(), 'utf8'));
const SINGULARS = Object.values(schema.getQueryType()!.getFields())
  .filter((field) => field.args.length === 1 && field.args[0]!.name === 'id' && !isNonNullType(field.type) && isObjectType(getNamedType(field.type)))
  .map((field) => field.name);

/** Ids that are not ids: PostgreSQL refuses them as uuid values, SQLite simply finds nothing. */
const MALFORMED = ['', 'not-an-id', "1' or '1'='1", '00000000-0000-0000-0000-00000000000g', 'x'.repeat(500), '<script>alert(1)</script>'];

describe.each(databases.available)('malformed ids on $name', (database) => {
  const demo = useDemoApi(database);

  it('finds the singular fields it checks in the schema', () => {
    expect(SINGULARS).toEqual(expect.arrayContaining(['risk', 'aiSystem', 'supplier', 'policy', 'audit', 'finding', 'objective']));
    expect(SINGULARS.length).toBeGreaterThanOrEqual(15);
  });

  it.each(MALFORMED)('answers null, not an internal error, for the id %j in every singular field', async (id) => {
    const query = `query($id: ID!) { ${SINGULARS.map((field) => `${field}(id: $id) { __typename }`).join(' ')} }`;
    const answer = await demo.api.graphql<Record<string, unknown>>(query, { id }, demo.admin);
    expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
    expect(answer.data).toEqual(Object.fromEntries(SINGULARS.map((field) => [field, null])));
  });

  it('answers NOT_FOUND when an update or a delete names a malformed id, and changes nothing', async () => {
    const before = await demo.api.graphql<{ risks: { totalCount: number } }>('{ risks { totalCount } }', {}, demo.admin);
    const update = await demo.api.graphql('mutation { updateRisk(id: "not-an-id", input: { title: "x", expectedVersion: 1 }) { id } }', {}, demo.admin);
    expect(update.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const remove = await demo.api.graphql('mutation { deleteRisk(id: "not-an-id") }', {}, demo.admin);
    expect(remove.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await demo.api.graphql('{ risks { totalCount } }', {}, demo.admin)).toEqual(before);
    expect(demo.api.loggedErrors).toEqual([]);
  });
});
