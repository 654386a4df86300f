import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runDemo, runService } from '../src/index.js';

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

  it('runs the hub for the configured providers until told to stop, and prints usage without a command', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'interlock-service-'));
    const config = join(dir, 'interlock.config.json');
    const lines: string[] = [];
    try {
      writeFileSync(config, JSON.stringify({ store: { kind: 'sqlite', path: join(dir, 'hub.db') } }));
      await expect(runCli(['start', '--config', config], (line) => lines.push(line))).resolves.toBe(1);
      writeFileSync(config, JSON.stringify({ store: { kind: 'sqlite', path: join(dir, 'hub.db') }, providers: [{ name: 'acme', verification: 'stripe', secretsEnv: 'ACME_TEST_SECRETS' }] }));
      process.env['ACME_TEST_SECRETS'] = 'whsec_fixture_acme';
      await expect(runService({ configPath: config, port: 0, out: (line) => lines.push(line), until: Promise.resolve() })).resolves.toBe(0);
      await expect(runCli([], (line) => lines.push(line))).resolves.toBe(1);
      const output = lines.join('\n');
      expect(output).toContain('No providers in the config');
      expect(output).toMatch(/Interlock hub listening on http:\/\/127\.0\.0\.1:\d+ for acme/);
      expect(output).toContain('interlock <command>');
    } finally {
      delete process.env['ACME_TEST_SECRETS'];
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
