import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';

const HEADER = '# Emitted by @assay/api (`npm run schema:emit`); do not edit by hand.\n\n';

/** The schema as committed SDL: sorted, so the file only changes when the schema does. */
export function printSdl(schema: GraphQLSchema): string {
  return HEADER + printSchema(lexicographicSortSchema(schema)) + '\n';
}

/** Where the committed SDL lives: packages/schema/schema.graphql. */
export function sdlPath(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@assay/schema/package.json')), 'schema.graphql');
}
