/**
 * Time until every overview chart has drawn, in headless Chromium against the built app:
 * `npm run bench -w @assay/test [-- --database-url URL --email E --password P --runs 5]`.
 *
 * Without a database it serves a fresh demo database (Northwind, 41 risks); with the large
 * organisation's (`npm run seed:large`) and `--email bench@assay.local --password assay-benchmark`
 * it measures the same at 50,000 risks. Each run reloads the overview with a warm server and a
 * signed-in session and stops the clock when every card shows its marks (bars, heatmap cells,
 * lines, timeline points) or its empty state. Needs `npm run build` first.
 */
import { appendFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { removeTempFolders, startApp, tempFolder } from '../support/app.js';
import { browserMissing, launchBrowser } from '../support/browser.js';
import { signInAs } from '../support/session.js';

const { values } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    email: { type: 'string', default: 'exec@assay.local' },
    password: { type: 'string', default: 'assay-demo' },
    runs: { type: 'string', default: '5' },
  },
});
const runs = Number(values.runs);
/** The project's target: an executive's overview is readable within five seconds, at any size. */
const OVERVIEW_GOAL_SECONDS = 5;
const missing = browserMissing();
if (missing) {
  console.log(`overview chart timing: not measured (${missing})`);
  process.exit(0);
}

/** Every card of the overview has drawn: marks where it has data, or its empty state. */
async function allChartsDrawn(page: Page): Promise<void> {
  const card = (title: RegExp) => page.locator('.assay-card').filter({ has: page.getByRole('heading', { name: title }) }).last();
  const drawn = async (title: RegExp, marks: string) => {
    const within = card(title);
    await within.locator(`${marks}, .assay-empty`).first().waitFor({ timeout: 120_000 });
  };
  await Promise.all([
    drawn(/risk scores/i, '.recharts-bar-rectangle path'),
    drawn(/Annex A controls implemented/, '.recharts-bar-rectangle path'),
    drawn(/Risk heatmap/, '.assay-heatmap__cell'),
    drawn(/Exposure over time/, '.recharts-line-curve'),
    drawn(/Fairness over time/, '.recharts-line-curve'),
    drawn(/Certification timeline/, '.assay-timeline__row'),
  ]);
}

const env: Record<string, string> = { DATABASE_URL: values['database-url'] ?? `sqlite:${tempFolder('bench-db')}/assay.sqlite` };
const app = await startApp(env);
const browser = await launchBrowser();
try {
  const page = await browser.context.newPage();
  await signInAs(page, app.url, values.email, values.password);
  await allChartsDrawn(page);
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    await page.reload();
    await page.getByRole('heading', { name: /Overview of/ }).waitFor({ timeout: 120_000 });
    await allChartsDrawn(page);
    times.push(performance.now() - started);
    process.stderr.write(`· run ${run + 1}: ${times.at(-1)!.toFixed(0)} ms\n`);
  }
  times.sort((a, b) => a - b);
  const organisation = (await page.getByRole('heading', { name: /Overview of/ }).textContent())?.replace('Overview of ', '') ?? 'unknown';
  const median = times[Math.floor(times.length / 2)]!;
  console.log(`overview charts drawn, ${organisation}: median ${median.toFixed(0)} ms, best ${times[0]!.toFixed(0)} ms, worst ${times.at(-1)!.toFixed(0)} ms over ${runs} reloads (headless Chromium, built app)`);
  // The root `npm run bench` gathers every benchmark's figures into one table.
  if (process.env.ASSAY_BENCH_RESULTS) {
    const row = { figure: `every overview chart drawn, ${organisation} (median of ${runs})`, value: `${(median / 1000).toFixed(2)} s`, goal: `< ${OVERVIEW_GOAL_SECONDS} s`, met: median < OVERVIEW_GOAL_SECONDS * 1000 };
    appendFileSync(process.env.ASSAY_BENCH_RESULTS, `${JSON.stringify(row)}\n`);
  }
} finally {
  await browser.close();
  await app.stop();
  removeTempFolders();
}
