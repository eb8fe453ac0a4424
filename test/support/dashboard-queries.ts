import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type DocumentNode, print } from 'graphql';

const require = createRequire(import.meta.url);
const webSources = join(dirname(require.resolve('@assay/web/package.json')), 'src');

/**
 * One of the dashboard's query documents, read from its sources at run time and printed, so a
 * load test sends exactly what the dashboard sends (a renamed or removed export fails loudly).
 */
export async function dashboardQuery(file: string, name: string): Promise<string> {
  const module = (await import(pathToFileURL(join(webSources, file)).href)) as Record<string, DocumentNode | undefined>;
  const document = module[name];
  if (document === undefined) throw new Error(`the dashboard no longer exports ${name} from ${file}`);
  return print(document);
}
