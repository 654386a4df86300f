import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { availableDomains, domainTemplate } from '../src/domains.js';
import { connectorNames } from '../src/names.js';
import { runCli, type CliEnvironment } from '../src/run.js';
import { scaffold, ScaffoldError } from '../src/scaffold.js';
import { renderConnector } from '../src/templates/connector.js';
import { findWorkspaceRoot, pinnedVersion, readManifest, type WorkspacePackage } from '../src/workspace.js';

const ROOT = findWorkspaceRoot(fileURLToPath(new URL('.', import.meta.url)));
const payments = domainTemplate('payments');
if (payments === undefined) throw new Error('the payments template is missing');

const temporary: string[] = [];
afterEach(() => {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'create-connector-'));
  temporary.push(dir);
  return dir;
}

function rendered(name = 'acme-pay') {
  return renderConnector({ names: connectorNames(name), domain: payments as NonNullable<typeof payments>, versions: { zod: '3.25.76' } });
}

/** The connector layout of connectors/README.md, file by file (one of each `<capability>` and `<resource>`). */
const LAYOUT = [
  'package.json',
  'README.md',
  'RUNBOOK.md',
  'src/index.ts',
  'src/descriptor.ts',
  'src/provider.ts',
  'src/connector.ts',
  'src/client.ts',
  'src/endpoints.ts',
  'src/operations/context.ts',
  'src/operations/pages.ts',
  'src/operations/payments.ts',
  'src/operations/refunds.ts',
  'src/operations/settlements.ts',
  'src/operations/webhooks.ts',
  'src/wire/payment.ts',
  'src/wire/index.ts',
  'src/transform/payment.ts',
  'src/transform/money.ts',
  'src/transform/event.ts',
  'src/fields.ts',
  'src/errors.ts',
  'src/limits.ts',
  'src/webhooks.ts',
  'testing/index.ts',
  'testing/routes.ts',
  'test/contract/contract.test.ts',
  'test/descriptor.test.ts',
];

describe('the payments template', () => {
  it('writes the one connector layout', () => {
    const paths = rendered().map((file) => file.path);
    expect(paths).toEqual(expect.arrayContaining(LAYOUT));
    expect(paths.filter((path) => path.startsWith('test/fixtures/') && path.endsWith('.json')).length).toBeGreaterThan(5);
  });

  it.each(availableDomains())('never lets production code of a %s connector import the simulation or the tests', (name) => {
    const domain = domainTemplate(name);
    if (domain === undefined) throw new Error(`no template for ${name}`);
    const files = renderConnector({ names: connectorNames('acme-pay'), domain, versions: { zod: '3.25.76' } });
    for (const file of files.filter((candidate) => candidate.path.startsWith('src/'))) {
      expect(file.content, file.path).not.toMatch(/from '\.\.?\/(\.\.\/)*(testing|test)\//);
      expect(file.content, file.path).not.toContain('@interlock/testkit');
    }
  });

  it('exports the package and its simulation, with workspace and pinned versions', () => {
    const manifest = JSON.parse(rendered('zeta-pay').find((file) => file.path === 'package.json')?.content ?? '{}') as Record<string, Record<string, unknown>>;
    expect(manifest['name']).toBe('@interlock/zeta-pay');
    expect(Object.keys(manifest['exports'] ?? {})).toEqual(['.', './testing', './package.json']);
    expect(manifest['dependencies']).toEqual({ '@interlock/core': 'workspace:*', '@interlock/payments': 'workspace:*', zod: '3.25.76' });
  });

  it('writes the name into every identity the descriptor test asserts', () => {
    const test = rendered('zeta-pay').find((file) => file.path === 'test/descriptor.test.ts')?.content ?? '';
    expect(test).toContain("expect(descriptor.id).toBe('zeta-pay')");
    expect(test).toContain("'zeta-pay-signature'");
    expect(test).toContain('ZETA_PAY_API_KEYS');
    expect(test).not.toContain('acme');
  });

  it('leaves no file empty and no placeholder test', () => {
    for (const file of rendered()) {
      expect(file.content.trim().length, file.path).toBeGreaterThan(0);
      if (file.path.endsWith('.test.ts')) expect(file.content, file.path).toMatch(/expect\(|runConnectorContractSuite\(|runProductionEntrySuite\(/);
    }
  });
});

describe('the logistics template', () => {
  const logistics = domainTemplate('logistics');
  if (logistics === undefined) throw new Error('the logistics template is missing');
  const files = renderConnector({ names: connectorNames('zeta-ship'), domain: logistics, versions: { zod: '3.25.76' } });
  const content = (path: string): string => files.find((file) => file.path === path)?.content ?? '';

  it('writes the one connector layout, one operation file per capability', () => {
    const paths = files.map((file) => file.path);
    const common = LAYOUT.filter((path) => !/\/(payments|refunds|settlements|payment)\.ts$/.test(path));
    expect(paths).toEqual(expect.arrayContaining([...common, 'src/operations/rates.ts', 'src/operations/shipments.ts', 'src/operations/tracking.ts', 'src/wire/shipment.ts', 'src/transform/tracking.ts']));
    expect(paths.filter((path) => path.startsWith('test/fixtures/')).length).toBeGreaterThan(10);
  });

  it('depends on the logistics domain and implements its connector for its plug-in', () => {
    const manifest = JSON.parse(content('package.json')) as { dependencies: Record<string, string> };
    expect(manifest.dependencies).toEqual({ '@interlock/core': 'workspace:*', '@interlock/logistics': 'workspace:*', zod: '3.25.76' });
    expect(content('src/descriptor.ts')).toContain('defineConnector<LogisticsConnector');
    expect(content('src/descriptor.ts')).toContain('domain: logisticsDomain');
    expect(content('test/descriptor.test.ts')).toContain("expect(descriptor.domain.name).toBe('logistics')");
  });

  it('checks customs and label characters before buying a label, and resolves scan times in a declared zone', () => {
    expect(content('src/operations/shipments.ts')).toMatch(/validateCustoms\(input, context\);\n.*\n\s+assertCarrierCharset\(body/);
    expect(content('src/transform/instants.ts')).toContain('resolveCarrierTime');
    expect(content('test/simulation.test.ts')).toContain('runLogisticsEndToEnd');
  });
});

describe('scaffold', () => {
  it('reads the versions it pins from the workspace', () => {
    const core = readManifest(join(ROOT, 'packages', 'core'));
    const dir = join(tempDir(), 'zeta-pay');
    scaffold({ name: 'zeta-pay', domain: 'payments', outDir: dir, workspaceRoot: ROOT });
    expect(readManifest(dir).dependencies?.['zod']).toBe(core.dependencies?.['zod']);
  });

  it('refuses a domain without a template, listing the ones it has', () => {
    const dir = join(tempDir(), 'zeta-id');
    expect(availableDomains()).toEqual(['payments', 'logistics']);
    expect(() => scaffold({ name: 'zeta-id', domain: 'kyc', outDir: dir, workspaceRoot: ROOT })).toThrow(
      new ScaffoldError(`No template for the domain "kyc". Available domains: payments, logistics.`),
    );
    expect(existsSync(dir)).toBe(false);
  });

  it('never writes into a folder that exists', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'README.md'), 'mine');
    expect(() => scaffold({ name: 'zeta-pay', domain: 'payments', outDir: dir, workspaceRoot: ROOT })).toThrow(/already exists; nothing was written/);
    expect(readdirSync(dir)).toEqual(['README.md']);
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe('mine');
  });

  it('refuses a name the workspace already has a package for', () => {
    expect(() => scaffold({ name: 'payments', domain: 'payments', outDir: join(tempDir(), 'payments'), workspaceRoot: ROOT })).toThrow(/already has @interlock\/payments/);
  });

  it('refuses an invalid name before anything else', () => {
    expect(() => scaffold({ name: 'Zeta', domain: 'nowhere', outDir: tempDir(), workspaceRoot: ROOT })).toThrow(/Invalid connector name "Zeta"/);
  });
});

describe('pinned versions', () => {
  const pkg = (name: string, dependencies: Record<string, string>): WorkspacePackage => ({ name, dir: name, manifest: { name, dependencies } });

  it('is the one version every package agrees on', () => {
    expect(pinnedVersion([pkg('a', { zod: '3.25.76' }), pkg('b', { zod: '3.25.76', x: 'workspace:*' })], 'zod')).toBe('3.25.76');
  });

  it('refuses to guess when packages disagree or none uses the dependency', () => {
    expect(() => pinnedVersion([pkg('a', { zod: '3.25.76' }), pkg('b', { zod: '3.24.0' })], 'zod')).toThrow(/3\.25\.76, 3\.24\.0/);
    expect(() => pinnedVersion([pkg('a', {})], 'zod')).toThrow(/No workspace package depends on zod/);
  });
});

describe('the command line', () => {
  function cli(argv: string[], cwd = ROOT): { code: number; out: string; error: string } {
    const output = { out: '', error: '' };
    const environment: CliEnvironment = {
      cwd,
      workspaceRoot: ROOT,
      out: (text) => (output.out += text),
      error: (text) => (output.error += text),
    };
    return { code: runCli(argv, environment), ...output };
  }

  it('scaffolds where --out says, relative to where it was run, and prints the next steps', () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'work'));
    const result = cli(['--', 'zeta-pay', '--domain', 'payments', '--out', 'work/zeta-pay'], cwd);
    expect(result.code).toBe(0);
    expect(existsSync(join(cwd, 'work', 'zeta-pay', 'src', 'descriptor.ts'))).toBe(true);
    expect(result.out).toContain('Created @interlock/zeta-pay');
    expect(result.out).toContain('pnpm turbo run contract --filter @interlock/zeta-pay');
  });

  it('names the available domains when the one asked for has no template', () => {
    const result = cli(['zeta-pay', '--domain', 'kyc', '--out', join(tempDir(), 'zeta-pay')]);
    expect(result.code).toBe(1);
    expect(result.error).toContain(`Available domains: ${availableDomains().join(', ')}`);
  });

  it.each([
    [['zeta-pay'], 'Say which domain'],
    [['--domain', 'payments'], 'Name the connector'],
    [['zeta-pay', 'other', '--domain', 'payments'], 'One name only'],
    [['zeta-pay', '--colour'], "Unknown option '--colour'"],
  ])('shows the usage for %j', (argv, problem) => {
    const result = cli(argv);
    expect(result.code).toBe(2);
    expect(result.error).toContain(problem);
    expect(result.error).toContain('Usage: pnpm create-connector');
  });

  it('prints the usage when asked', () => {
    const result = cli(['--help']);
    expect(result.code).toBe(0);
    expect(result.out).toContain('--domain <name>');
  });
});
