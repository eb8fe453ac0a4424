import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CodegenConfig } from '@graphql-codegen/cli';

const require = createRequire(import.meta.url);

/** The committed SDL that the API emits; the dashboard's documents are checked and typed against it. */
const schema = require.resolve('@assay/schema/schema.graphql');

/**
 * Types every `graphql(...)` document of the dashboard from the schema, into src/gql/ (committed;
 * `npm run codegen -w @assay/web` rewrites it, src/codegen.test.ts fails when it is stale, and
 * inline-documents.ts puts each document in place of its call when Vite compiles the pages).
 * Paths are relative to this folder whatever the working directory, so the test can run it too.
 */
const config: CodegenConfig = {
  cwd: dirname(fileURLToPath(import.meta.url)),
  schema,
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**', '!src/**/*.test.{ts,tsx}'],
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: {
        // Components read a query's fields directly; fragments only share selections.
        fragmentMasking: false,
      },
      config: {
        // Dates travel as ISO strings; every other custom scalar must be named here.
        scalars: { DateTimeISO: 'string', ID: 'string' },
        strictScalars: true,
        // Enums as unions of their values' names, which the pages compare and key labels by.
        enumType: 'string-literal',
        useTypeImports: true,
        importExtension: '.js',
      },
    },
  },
};

export default config;
