/**
 * The dashboard's JavaScript as a browser downloads it: `npm run bench:bundle -w @assay/test`
 * after `npm run build -w @assay/web`. The initial JavaScript is the entry script of index.html
 * and every chunk it imports statically (the closure of its `import … from` statements); a page
 * adds its lazily loaded chunk and that chunk's own closure. Sizes are gzipped, as served.
 */
import { appendFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = fileURLToPath(new URL('../../apps/web/dist/', import.meta.url));
if (!existsSync(join(dist, 'index.html'))) throw new Error(`no build at ${dist}: run npm run build -w @assay/web first`);

const html = readFileSync(join(dist, 'index.html'), 'utf8');
const entry = /<script type="module"[^>]*src="\/?([^"]+\.js)"/.exec(html)?.[1];
if (entry === undefined) throw new Error('index.html names no module script');

/** Static imports of a chunk (`import{a}from"./x.js"`, `import"./y.js"`), not `import("./z.js")`. */
function staticImports(file: string): string[] {
  const source = readFileSync(join(dist, file), 'utf8');
  const folder = file.slice(0, file.lastIndexOf('/') + 1);
  return [...source.matchAll(/(?:^|[\s;}])import\s*(?:[^"'()]*?from\s*)?["']\.\/([^"']+\.js)["']/g)].map((match) => folder + match[1]);
}

function closure(files: string[]): Set<string> {
  const seen = new Set<string>();
  const pending = [...files];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    pending.push(...staticImports(file));
  }
  return seen;
}

const gzipped = (files: Iterable<string>) => [...files].reduce((sum, file) => sum + gzipSync(readFileSync(join(dist, file))).length, 0);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const assets = readdirSync(join(dist, 'assets'));
const page = (name: string) => {
  const chunk = assets.find((file) => file.startsWith(`${name}-`) && file.endsWith('.js'));
  if (chunk === undefined) throw new Error(`no chunk for ${name} in ${dist}assets`);
  return `assets/${chunk}`;
};

const initial = closure([entry]);
const figures = [
  { figure: `initial JavaScript (entry and the ${initial.size - 1} chunks it imports)`, value: kb(gzipped(initial)), goal: '< 350 KB gzipped', met: gzipped(initial) < 350 * 1024 },
  ...[
    ['OverviewPage', 'the overview page and its charts'],
    ['RiskRegisterPage', 'the risk register page'],
    ['ExplorerPage', 'the GraphQL explorer'],
  ].map(([name, label]) => ({ figure: `  + ${label}`, value: kb(gzipped(closure([entry, page(name!)]))), goal: '', met: null })),
];
const width = Math.max(...figures.map((row) => row.figure.length));
console.log('@assay/web bundle, gzipped');
for (const row of figures) console.log(`${row.figure.padEnd(width)}  ${row.value.padStart(10)}  ${row.goal}`);
// The root `npm run bench` gathers every benchmark's figures into one table.
if (process.env.ASSAY_BENCH_RESULTS) appendFileSync(process.env.ASSAY_BENCH_RESULTS, figures.map((row) => `${JSON.stringify(row)}\n`).join(''));
