import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempFolders, tempFolder } from '../support/app.js';

const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve('@assay/risk-engine/package.json'));
const simpleStatisticsDir = dirname(require.resolve('simple-statistics/package.json', { paths: [packageDir] }));

describe('@assay/risk-engine as an integrator installs it', () => {
  afterAll(removeTempFolders);

  it('packs only the built library, its types and README, and imports from plain Node', () => {
    const folder = tempFolder('pack');
    const output = execFileSync('npm', ['pack', '--json', '--pack-destination', folder], { cwd: packageDir, encoding: 'utf8' });
    const [packed] = JSON.parse(output) as { filename: string; files: { path: string }[] }[];
    const paths = (packed?.files ?? []).map((file) => file.path);
    expect(paths).toContain('dist/index.js');
    expect(paths).toContain('dist/index.d.ts');
    expect(paths).toContain('README.md');
    expect(paths.some((path) => path.startsWith('src/') || path.startsWith('test/') || path.startsWith('bench/') || path.endsWith('.map'))).toBe(false);

    // Unpack into a project's node_modules beside its one dependency, as npm would lay it out.
    const project = join(folder, 'project');
    const modules = join(project, 'node_modules');
    mkdirSync(join(modules, '@assay'), { recursive: true });
    execFileSync('tar', ['-xzf', join(folder, packed?.filename ?? ''), '-C', folder]);
    execFileSync('mv', [join(folder, 'package'), join(modules, '@assay', 'risk-engine')]);
    symlinkSync(simpleStatisticsDir, join(modules, 'simple-statistics'));
    writeFileSync(join(project, 'package.json'), JSON.stringify({ type: 'module' }));
    writeFileSync(
      join(project, 'main.js'),
      "import { scoreRisk, createRiskMatrix } from '@assay/risk-engine';\nconsole.log(JSON.stringify(scoreRisk({ likelihood: 4, impact: 5 }, createRiskMatrix())));\n",
    );
    const printed = execFileSync(process.execPath, ['main.js'], { cwd: project, encoding: 'utf8' });
    expect(JSON.parse(printed)).toEqual({ score: 20, level: 'Critical', withinAppetite: false });

    const manifest = JSON.parse(readFileSync(join(modules, '@assay', 'risk-engine', 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest.sideEffects).toBe(false);
    expect(Object.keys((manifest.dependencies as Record<string, string>) ?? {})).toEqual(['simple-statistics']);
  });
});
