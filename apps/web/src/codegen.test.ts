// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from '../codegen.js';

const REGENERATE = 'src/gql/ is stale: run npm run codegen -w @assay/web and commit the result';

describe('src/gql (the types of the documents)', () => {
  it('is what codegen makes of the committed schema and the documents as written now', async () => {
    const root = config.cwd!;
    // generate() is typed as any for its watch mode; without watching it resolves with the files.
    const files: { filename: string; content: string }[] = await generate({ ...config, silent: true }, false);
    const stale = files
      .filter((file) => readIfThere(join(root, file.filename)) !== file.content)
      .map((file) => file.filename);
    expect(stale, REGENERATE).toEqual([]);

    // Nothing else lives there: a file codegen no longer writes would be left over.
    const generated = files.map((file) => relative('src/gql', file.filename)).sort();
    expect(readdirSync(join(root, 'src/gql')).sort(), REGENERATE).toEqual(generated);
  }, 60_000);
});

function readIfThere(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}
