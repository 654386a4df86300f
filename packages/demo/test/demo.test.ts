import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, runService } from '@interlock/hub';
import { describe, expect, it } from 'vitest';
import { runDemoCli } from '../src/cli.js';
import { runDemo } from '../src/run-demo.js';
import { projectDir } from './support.js';

describe('the demo (the README’s first command)', () => {
  it('runs Stripe and Razorpay payments through their connectors into the hub on SQLite, and reconciles them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'interlock-demo-'));
    const config = join(dir, 'interlock.config.json');
    writeFileSync(config, JSON.stringify({ store: { kind: 'sqlite', path: join(dir, 'hub.db') } }));
    const lines: string[] = [];
    try {
      await runDemo({ configPath: config, port: 0, batches: 2, intervalMs: 200, out: (line) => lines.push(line) });
      const output = lines.join('\n');
      expect(output).toMatch(/Interlock hub listening on http:\/\/127\.0\.0\.1:\d+ \(store: sqlite/);
      expect(output).toMatch(/batch 2: stripe: \d+ paid.*, \d+ webhooks \(1 forged refused\) \| razorpay: \d+ paid.*\| hub: applied \d+/);
      expect(output).toMatch(/reconciliation stripe: 0 differences/);
      expect(output).toMatch(/reconciliation razorpay: 0 differences/);
      expect(output).not.toMatch(/whsec_|sk_test_|rzp_test_/);
      expect(output).toContain('hub stopped');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('run again on the same database, continues correctly: new webhooks are applied, not duplicates, and reconciliation finds nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'interlock-demo-rerun-'));
    const config = join(dir, 'interlock.config.json');
    writeFileSync(config, JSON.stringify({ store: { kind: 'sqlite', path: join(dir, 'hub.db') } }));
    const applied = (lines: readonly string[]): number => Number(/hub: applied (\d+)/.exec(lines.filter((line) => line.startsWith('batch ')).at(-1) ?? '')?.[1]);
    try {
      const first: string[] = [];
      await runDemo({ configPath: config, port: 0, batches: 1, intervalMs: 200, out: (line) => first.push(line) });
      const second: string[] = [];
      await runDemo({ configPath: config, port: 0, batches: 1, intervalMs: 200, out: (line) => second.push(line) });
      // The second run's payments are new ones: the hub applies their webhooks on top of the first run's.
      expect(applied(second)).toBeGreaterThan(applied(first) + 5);
      expect(second.join('\n')).toMatch(/reconciliation stripe: 0 differences/);
      expect(second.join('\n')).toMatch(/reconciliation razorpay: 0 differences/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stops after the batch in flight on Ctrl-C, closing the hub, and refuses bad arguments', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'interlock-demo-cli-'));
    const config = join(dir, 'interlock.config.json');
    writeFileSync(config, JSON.stringify({ store: { kind: 'sqlite', path: join(dir, 'hub.db') } }));
    const listeners = process.listenerCount('SIGINT');
    const lines: string[] = [];
    try {
      let listening: () => void = () => undefined;
      const started = new Promise<void>((resolve) => (listening = resolve));
      const run = runDemoCli(['--port', '0', '--config', config], (line) => {
        lines.push(line);
        if (line.startsWith('Interlock hub listening')) listening();
      });
      await started;
      // No batch limit: only the interrupt ends this run, and it cuts the pause between batches short.
      process.emit('SIGINT');
      await expect(run).resolves.toBe(0);
      expect(lines.filter((line) => line.startsWith('batch '))).toHaveLength(1);
      expect(lines.at(-1)).toBe('hub stopped');
      expect(process.listenerCount('SIGINT')).toBe(listeners);

      const refused: string[] = [];
      await expect(runDemoCli(['--batches', '0'], (line) => refused.push(line))).resolves.toBe(1);
      await expect(runDemoCli(['--colour'], (line) => refused.push(line))).resolves.toBe(1);
      await expect(runDemoCli(['--help'], (line) => refused.push(line))).resolves.toBe(0);
      expect(refused[0]).toContain('--batches must be a whole number of at least 1, not 0');
      expect(refused[1]).toContain("Unknown option '--colour'");
      expect(refused[2]).toContain('--config file');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs the hub for the configured providers, their connectors found by package, until told to stop, and prints usage without a command', async () => {
    const { dir, remove } = projectDir('service');
    const config = join(dir, 'interlock.config.json');
    const lines: string[] = [];
    try {
      writeFileSync(config, JSON.stringify({ store: { kind: 'sqlite', path: join(dir, 'hub.db') } }));
      await expect(runCli(['start', '--config', config], (line) => lines.push(line))).resolves.toBe(1);
      const acme = { name: 'acme', connector: '@interlock/stripe', options: { apiKeysEnv: 'ACME_TEST_KEYS', mode: 'sandbox' }, webhookSecretsEnv: 'ACME_TEST_SECRETS' };
      writeFileSync(config, JSON.stringify({ store: { kind: 'sqlite', path: join(dir, 'hub.db') }, providers: [acme] }));
      Object.assign(process.env, { ACME_TEST_KEYS: 'sk_test_fixture_acme_0001', ACME_TEST_SECRETS: 'whsec_fixture_acme' });
      await expect(runService({ configPath: config, port: 0, out: (line) => lines.push(line), until: Promise.resolve() })).resolves.toBe(0);
      await expect(runCli([], (line) => lines.push(line))).resolves.toBe(1);
      const output = lines.join('\n');
      expect(output).toContain('No providers in the config');
      expect(output).toMatch(/Interlock hub listening on http:\/\/127\.0\.0\.1:\d+ for acme/);
      expect(output).toContain('interlock <command>');
    } finally {
      delete process.env['ACME_TEST_KEYS'];
      delete process.env['ACME_TEST_SECRETS'];
      remove();
    }
  });
});
