import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scaffold } from '../src/scaffold.js';
import { findWorkspaceRoot, readManifest, workspacePackages } from '../src/workspace.js';

/*
 * Scaffolds a connector outside the repository and runs its own typecheck, lint, build and tests
 * the way CI would, as child processes: what a contributor gets from `pnpm create-connector` must
 * be green before they change a line.
 */

const ROOT = findWorkspaceRoot(fileURLToPath(new URL('.', import.meta.url)));
// Generous for a two-core CI machine running other suites at the same time; each step alone takes seconds.
const STEP_TIMEOUT_MS = 120_000;

/** Where an installed dependency lives: the first of the workspace's node_modules folders that has it. */
function installed(name: string, searched: readonly string[]): string {
  for (const folder of searched) {
    const candidate = join(folder, 'node_modules', name);
    if (existsSync(candidate)) return realpathSync(candidate);
  }
  throw new Error(`${name} is not installed anywhere in the workspace; run pnpm install`);
}

/**
 * Makes the package's imports resolve with no network and no install: workspace packages by name
 * from their folders, every other dependency, and the root's toolchain (tsc, eslint, tsup, vitest,
 * @types/node), from the copies the workspace already installed.
 */
function linkDependencies(target: string): void {
  const packages = new Map(workspacePackages(ROOT).map((pkg) => [pkg.name, pkg.dir]));
  const own = readManifest(target);
  const names = new Set([
    ...Object.keys(own.dependencies ?? {}),
    ...Object.keys(own.devDependencies ?? {}),
    ...Object.keys(own.peerDependencies ?? {}),
    ...Object.keys(readManifest(ROOT).devDependencies ?? {}),
  ]);
  const searched = [ROOT, ...packages.values()];
  for (const name of names) {
    const link = join(target, 'node_modules', name);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(packages.get(name) ?? installed(name, searched), link, 'dir');
  }
}

interface Outcome {
  code: number;
  output: string;
}

/** Runs one of the workspace's tools in the generated package at `dir`; never throws, so a failure shows its output. */
function tool(dir: string, bin: string, args: readonly string[]): Promise<Outcome> {
  // The tools must not think they run inside this vitest run.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && key !== 'NODE_OPTIONS'));
  return new Promise((resolve) => {
    execFile(join(ROOT, 'node_modules', '.bin', bin), [...args], { cwd: dir, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
      resolve({ code, output: `${stdout}\n${stderr}` });
    });
  });
}

function node(dir: string, script: string): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--input-type=module', '-e', script], { cwd: dir }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : 1, output: `${stdout}${stderr}` });
    });
  });
}

interface VitestReport {
  success: boolean;
  numTotalTests: number;
  numPassedTests: number;
  numFailedTests: number;
  testResults: { name: string; status: string; assertionResults: { fullName: string; status: string }[] }[];
}

/** One domain's generated package, and the test of its own that proves it ran its domain's end-to-end run. */
interface Generated {
  name: string;
  domain: string;
  endToEnd: string;
}

const GENERATED: readonly Generated[] = [
  { name: 'zeta-pay', domain: 'payments', endToEnd: 'zeta-pay on its simulation settles and reconciles every payment through faults, an outage and messy webhooks' },
  { name: 'zeta-ship', domain: 'logistics', endToEnd: 'zeta-ship on its simulation settles every parcel by polling alone when every webhook is dropped' },
];

describe.each(GENERATED)('a scaffolded $name ($domain), as generated', ({ name: NAME, domain, endToEnd }) => {
  let base: string;
  let dir: string;

  beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), 'create-connector-generated-'));
    dir = join(base, NAME);
    scaffold({ name: NAME, domain, outDir: dir, workspaceRoot: ROOT });
    linkDependencies(dir);
  });

  afterAll(() => {
    rmSync(base, { recursive: true, force: true });
  });

  it('typechecks', { timeout: STEP_TIMEOUT_MS }, async () => {
    const { code, output } = await tool(dir, 'tsc', ['-p', 'tsconfig.json']);
    expect(code, output).toBe(0);
  });

  it('lints clean under the repository config', { timeout: STEP_TIMEOUT_MS }, async () => {
    const report = join(base, 'eslint.json');
    const { code, output } = await tool(dir, 'eslint', ['--config', join(ROOT, 'eslint.config.mjs'), '--max-warnings', '0', '--format', 'json', '--output-file', report, 'src', 'testing', 'test']);
    expect(existsSync(report), output).toBe(true);
    const linted = JSON.parse(readFileSync(report, 'utf8')) as { filePath: string; messages: { line: number; ruleId: string | null; message: string }[] }[];
    const problems = linted.flatMap((file) => file.messages.map((message) => `${file.filePath}:${message.line} ${message.ruleId ?? ''} ${message.message}`));
    expect(problems).toEqual([]);
    expect(code, output).toBe(0);
    // A config that ignored every file would pass too; count what it read.
    expect(linted.length).toBeGreaterThan(40);
  });

  it('builds both entries, and the build loads as the hub loads it', { timeout: STEP_TIMEOUT_MS }, async () => {
    const { code, output } = await tool(dir, 'tsup', []);
    expect(code, output).toBe(0);
    for (const file of ['index.js', 'index.cjs', 'index.d.ts', 'testing.js', 'testing.d.ts']) expect(existsSync(join(dir, 'dist', file)), file).toBe(true);
    const loaded = await node(dir, "const { descriptor } = await import('./dist/index.js'); console.log(descriptor.id, descriptor.domain.name);");
    expect(loaded).toEqual({ code: 0, output: `${NAME} ${domain}\n` });
  });

  it('passes its own tests, which assert its own name', { timeout: STEP_TIMEOUT_MS }, async () => {
    const results = join(base, 'vitest.json');
    const { code, output } = await tool(dir, 'vitest', ['run', '--reporter=json', `--outputFile=${results}`]);
    expect(existsSync(results), output).toBe(true);
    const report = JSON.parse(readFileSync(results, 'utf8')) as VitestReport;
    const failed = report.testResults.flatMap((file) => file.assertionResults.filter((test) => test.status !== 'passed').map((test) => test.fullName));
    expect(failed).toEqual([]);
    // Coverage below the threshold fails the run with every test passed.
    expect(code, output).toBe(0);
    expect(report.success).toBe(true);
    expect(report.numFailedTests).toBe(0);
    expect(report.numPassedTests).toBe(report.numTotalTests);
    expect(report.numTotalTests).toBeGreaterThan(30);

    const files = report.testResults.map((file) => file.name.slice(dir.length + 1)).sort();
    expect(files).toEqual([
      'test/contract/contract.test.ts',
      'test/contract/fixtures.test.ts',
      'test/descriptor.test.ts',
      'test/production-entry.test.ts',
      'test/readme.test.ts',
      'test/simulation.test.ts',
      'test/webhooks.test.ts',
    ]);
    const passed = report.testResults.flatMap((file) => file.assertionResults.filter((test) => test.status === 'passed').map((test) => test.fullName));
    expect(passed).toEqual(
      expect.arrayContaining([
        `${NAME} descriptor is the ${NAME} connector of the ${domain} domain`,
        `${NAME} descriptor verifies webhooks signed in the ${NAME}-signature header`,
        `${NAME} descriptor accepts a delivery signed independently with node:crypto`,
        `${NAME} descriptor fails to create without its API keys, naming the variable`,
        `${NAME}: shared connector contract keeps one idempotency key across every retry of a write`,
        `${NAME} README shows every field mapping exactly as fields.ts declares it`,
        `@interlock/${NAME}: the built production entry index.js reaches neither the testing entry nor @interlock/testkit`,
        endToEnd,
      ]),
    );
  });
});
