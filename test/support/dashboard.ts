import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { type RunningApp, removeTempFolders, startApp, tempFolder } from './app.js';
import { launchBrowser } from './browser.js';
import { signInAs, watchForeignRequests } from './session.js';

/** Where the browser suites save screenshots and PDFs for people to look at: test/artifacts. */
export const ARTIFACTS = join(import.meta.dirname, '..', 'artifacts');

/** The path of a file in ARTIFACTS. */
export function artifact(name: string): string {
  return join(ARTIFACTS, name);
}

/** What a browser suite works with, ready once its beforeAll has run. */
export interface Dashboard {
  /** The built app, on a database of its own seeded with the demo organisation. */
  readonly app: RunningApp;
  /** One page of a fresh Chromium profile; the tests of a file share it, in order. */
  readonly page: Page;
  /** Every request the browser made to a host other than the app's. */
  readonly foreign: readonly string[];
  /** Saves a full-page screenshot in ARTIFACTS, with the pointer moved off the page so no tooltip covers a chart. */
  screenshot(name: string): Promise<void>;
}

export interface DashboardOptions {
  /** The prefix of the database's temporary folder, which names the suite in a leftover folder. */
  name: string;
  /** A demo account to sign in as before the first test; by default the page starts signed out, on no address. */
  signInAs?: string;
}

/**
 * Starts the built app on a fresh SQLite database and Chromium with one page, before the tests of
 * the enclosing describe block, and stops both and removes their folders after them. Call it in
 * the describe block; read the returned object's fields inside tests and hooks only.
 */
export function useDashboard({ name, signInAs: email }: DashboardOptions): Dashboard {
  let started: { app: RunningApp; page: Page; foreign: string[] } | undefined;
  let stopping: { app?: RunningApp; browser?: Awaited<ReturnType<typeof launchBrowser>> } = {};
  const ready = () => {
    if (started === undefined) throw new Error('useDashboard: the app and browser start in beforeAll; read them inside a test or hook');
    return started;
  };

  beforeAll(async () => {
    const app = await startApp({ DATABASE_URL: `sqlite:${join(tempFolder(name), 'assay.sqlite')}` });
    stopping.app = app;
    const browser = await launchBrowser();
    stopping.browser = browser;
    const foreign = watchForeignRequests(browser.context, app.url);
    const page = await browser.context.newPage();
    mkdirSync(ARTIFACTS, { recursive: true });
    if (email !== undefined) await signInAs(page, app.url, email);
    started = { app, page, foreign };
  });
  afterAll(async () => {
    await stopping.browser?.close();
    await stopping.app?.stop();
    stopping = {};
    started = undefined;
    removeTempFolders();
  });

  return {
    get app() {
      return ready().app;
    },
    get page() {
      return ready().page;
    },
    get foreign() {
      return ready().foreign;
    },
    async screenshot(file: string) {
      const { page } = ready();
      await page.mouse.move(0, 0);
      await page.screenshot({ path: artifact(file), fullPage: true });
    },
  };
}
