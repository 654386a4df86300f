import { jsonText } from '../render.js';
import type { GeneratedFile, TemplateContext } from '../template.js';

const WORKSPACE = 'workspace:*';
// Any 0.x testkit, so a testkit minor never forces a major release of the connector.
const TESTKIT_PEER = 'workspace:>=0.1.0 <1.0.0';

/** Each entry point as ESM and CJS with its declarations, the way every Interlock package exports them. */
function entry(name: string) {
  return {
    import: { types: `./dist/${name}.d.ts`, default: `./dist/${name}.js` },
    require: { types: `./dist/${name}.d.cts`, default: `./dist/${name}.cjs` },
  };
}

/**
 * package.json: "." is the connector, "./testing" the simulation (testkit is an optional peer so
 * production installs never pull it in); installable alone, with the workspace's pinned versions.
 */
export function packageJson({ names, domain, versions }: TemplateContext): GeneratedFile {
  const manifest = {
    name: names.packageName,
    version: '0.1.0',
    description: domain.description(names),
    license: 'MIT',
    type: 'module',
    engines: { node: '>=20.12.1' },
    sideEffects: false,
    main: './dist/index.cjs',
    module: './dist/index.js',
    types: './dist/index.d.ts',
    exports: { '.': entry('index'), './testing': entry('testing'), './package.json': './package.json' },
    files: ['dist', 'README.md', 'RUNBOOK.md'],
    scripts: {
      build: 'tsup',
      typecheck: 'tsc -p tsconfig.json',
      lint: 'eslint src testing test',
      test: 'vitest run',
      contract: 'vitest run test/contract --coverage.enabled=false',
    },
    dependencies: { '@interlock/core': WORKSPACE, [domain.plugin.packageName]: WORKSPACE, zod: versions.zod },
    peerDependencies: { '@interlock/testkit': TESTKIT_PEER },
    peerDependenciesMeta: { '@interlock/testkit': { optional: true } },
    devDependencies: {
      '@interlock/testkit': WORKSPACE,
      '@interlock/tsconfig': WORKSPACE,
      '@interlock/tsup-config': WORKSPACE,
      '@interlock/vitest-config': WORKSPACE,
    },
  };
  return { path: 'package.json', content: jsonText(manifest) };
}

/** tsconfig.json, tsup.config.ts and vitest.config.ts: the workspace presets, nothing of the connector's own. */
export function buildFiles(): GeneratedFile[] {
  return [
    {
      path: 'tsconfig.json',
      content: jsonText({ extends: '@interlock/tsconfig/base.json', include: ['src', 'testing', 'test', 'tsup.config.ts', 'vitest.config.ts'] }),
    },
    {
      path: 'tsup.config.ts',
      content: `import { interlockTsupConfig } from '@interlock/tsup-config';

// The simulation is its own entry, so loading the connector never loads it.
export default interlockTsupConfig({ index: 'src/index.ts', testing: 'testing/index.ts' });
`,
    },
    {
      path: 'vitest.config.ts',
      content: `import { interlockVitestConfig } from '@interlock/vitest-config';

export default interlockVitestConfig({ lines: 90 });
`,
    },
  ];
}
