import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSchema } from '../src/schema.js';
import { printSdl, sdlPath } from '../src/schema-sdl.js';

describe('packages/schema/schema.graphql', () => {
  it('matches the schema the resolvers build (run `npm run schema:emit` after changing them)', async () => {
    const committed = readFileSync(sdlPath(), 'utf8');
    expect(printSdl(await createSchema())).toBe(committed);
  });
});
