// The reliability suites at full size, as `npm run test:reliability` and `.ci/run` run them.
// Stages run one after another; the runs of one stage run side by side. The bad-input and crash
// halves on SQLite and on PostgreSQL share the two cores well (much of the PostgreSQL half's work
// is in the database server); the soak runs alone, so its latency and memory figures are its own.
//
// Each run: a vitest file of a workspace, the tests whose names match `tests`, and its settings.

const FUZZ = { workspace: 'apps/api', file: 'test/bad-input.test.ts', env: { ASSAY_FUZZ_RUNS: '500' } };
const CRASH = { workspace: 'test', file: 'e2e/crash-safety.test.ts', env: { ASSAY_CRASH_KILLS: '20' } };
const CRASH_IMPORTS = { workspace: 'test', file: 'e2e/crash-imports.test.ts', env: { ASSAY_CRASH_KILLS: '20' } };
const SOAK = { workspace: 'test', file: 'e2e/soak.test.ts', env: { ASSAY_SOAK_SECONDS: '300', ASSAY_SOAK_CLIENTS: '32' } };

export const RELIABILITY_STAGES = [
  [
    { ...FUZZ, id: 'bad-input-sqlite', name: 'bad input, 500 cases, SQLite', tests: "bad-input table|on 'sqlite'" },
    { ...FUZZ, id: 'bad-input-postgresql', name: 'bad input, 500 cases, PostgreSQL', tests: "on 'postgresql'" },
  ],
  [
    { ...CRASH, id: 'crash-sqlite', name: 'crash safety, 20 kills, SQLite', tests: 'SQLite' },
    { ...CRASH, id: 'crash-postgresql', name: 'crash safety, 20 kills, PostgreSQL', tests: 'PostgreSQL' },
  ],
  [
    { ...CRASH_IMPORTS, id: 'crash-imports-sqlite', name: 'crash safety of imports, 20 kills, SQLite', tests: 'SQLite' },
    { ...CRASH_IMPORTS, id: 'crash-imports-postgresql', name: 'crash safety of imports, 20 kills, PostgreSQL', tests: 'PostgreSQL' },
  ],
  [{ ...SOAK, id: 'soak-sqlite', name: 'load and soak, 32 clients, SQLite', tests: 'SQLite' }],
  [{ ...SOAK, id: 'soak-postgresql', name: 'load and soak, 32 clients, PostgreSQL', tests: 'PostgreSQL' }],
];
