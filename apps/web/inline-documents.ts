import { readFileSync, statSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { type DocumentNode, print, stripIgnoredCharacters } from 'graphql';
import type { Plugin } from 'vite';

/** A `graphql(` call with a template literal, as the dashboard writes its documents. */
const CALL = /\bgraphql\(`([^`]*)`\)/g;
/** An entry of the generated map from a document's source to the name of its typed document. */
const MAP_ENTRY = /^ {4}("(?:[^"\\]|\\.)*"): types\.(\w+),$/gm;
/** A generated typed document: its name and its parsed form as JSON. */
const TYPED_DOCUMENT = /^export const (\w+) = (\{.*\}) as unknown as DocumentNode<.*>;$/gm;

/**
 * Replaces every `graphql(`…`)` call with its whole document (the fragments it spreads included) as
 * one compact string, which urql parses on first use. The client preset's `graphql()` looks the
 * source up in src/gql/gql.ts, a map of every document of the dashboard (each twice: as source and
 * parsed), so calling it at run time would put all of them in the first download; the preset's
 * Babel plugin avoids that the same way, by replacing each call at build time.
 *
 * A call whose source is not in the generated map fails the build and the tests: the documents
 * changed since `npm run codegen -w @assay/web` last ran, so their types are stale.
 */
export function inlineDocuments(gqlFolder: string): Plugin {
  const sources = dirname(gqlFolder) + sep;
  const files = [join(gqlFolder, 'gql.ts'), join(gqlFolder, 'graphql.ts')] as const;
  let cached: { stamp: string; documents: Map<string, string> } | null = null;
  const documents = (): Map<string, string> => {
    const stamp = files.map((file) => statSync(file).mtimeMs).join();
    if (cached?.stamp !== stamp) cached = { stamp, documents: readDocuments(readFileSync(files[0], 'utf8'), readFileSync(files[1], 'utf8')) };
    return cached.documents;
  };
  return {
    name: 'assay:inline-documents',
    enforce: 'pre',
    transform(code, id) {
      if (!id.startsWith(sources) || id.startsWith(gqlFolder) || !/\.tsx?$/.test(id) || !code.includes('graphql(`')) return null;
      const known = documents();
      // The development server transforms the module again when codegen rewrites its documents.
      for (const file of files) this.addWatchFile(file);
      const replaced = code.replace(CALL, (_call, source: string) => {
        const document = known.get(source);
        if (document === undefined) {
          const name = /(?:query|mutation|subscription|fragment)\s+(\w+)/.exec(source)?.[1] ?? 'a document';
          this.error(`${id}: ${name} is not in src/gql/ as written here; run npm run codegen -w @assay/web`);
        }
        // As many line breaks as the source had, so the lines after it keep their numbers (and source maps hold).
        return `(${JSON.stringify(document)}${'\n'.repeat(source.split('\n').length - 1)})`;
      });
      return { code: replaced, map: null };
    },
  };
}

/** Each document source of the generated map with its whole document, printed compactly. */
function readDocuments(map: string, typed: string): Map<string, string> {
  const printed = new Map<string, string>();
  for (const [, name, json] of typed.matchAll(TYPED_DOCUMENT)) {
    printed.set(name!, stripIgnoredCharacters(print(JSON.parse(json!) as DocumentNode)));
  }
  const documents = new Map<string, string>();
  for (const [, key, name] of map.matchAll(MAP_ENTRY)) {
    const document = printed.get(name!);
    if (document === undefined) throw new Error(`inlineDocuments: src/gql/gql.ts names ${name}, which src/gql/graphql.ts does not define; run npm run codegen -w @assay/web`);
    documents.set(JSON.parse(key!) as string, document);
  }
  return documents;
}
