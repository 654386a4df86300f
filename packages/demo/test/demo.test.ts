import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '@interlock/core';
import { loadConfig, openEngines, runCli, runService } from '@interlock/hub';
import { SHIPMENT_RECORD_TYPE } from '@interlock/logistics';
import { describe, expect, it } from 'vitest';
import { runDemoCli } from '../src/cli.js';
import { startDemoProviders } from '../src/providers.js';
import { runDemo } from '../src/run-demo.js';
import { AT_TEST_SPEED, DEMO_RUN_TIMEOUT_MS, projectDir } from './support.js';

describe('the demo (the README’s first command)', () => {
  it('runs Stripe and Razorpay payments through their connectors into the hub on SQLite, and reconciles them', { timeout: DEMO_RUN_TIMEOUT_MS }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'interlock-demo-'));
    const config = join(dir, 'interlock.config.json');
    writeFileSync(config, JSON.stringify({ store: { kind: 'sqlite', path: join(dir, 'hub.db') } }));
    const lines: string[] = [];
    try {
      await runDemo({ configPath: config, port: 0, batches: 2, ...AT_TEST_SPEED, out: (line) => lines.push(line) });
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

  it('ships parcels at Sendcloud, UPS and DHL beside the payments, and the hub brings each to the final status the carrier ends on, by webhook or by its poller', { timeout: DEMO_RUN_TIMEOUT_MS }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'interlock-demo-shipping-'));
    const config = join(dir, 'interlock.config.json');
    writeFileSync(config, JSON.stringify({ store: { kind: 'sqlite', path: join(dir, 'hub.db') } }));
    const providers = await startDemoProviders();
    const lines: string[] = [];
    try {
      await runDemo({ providers, configPath: config, port: 0, batches: 2, ...AT_TEST_SPEED, out: (line) => lines.push(line) });
      const output = lines.join('\n');
      expect(output).toMatch(/webhooks: POST http:\/\/127\.0\.0\.1:\d+\/webhooks\/\{stripe,razorpay,sendcloud,ups\}/);
      // Batch 1 buys labels at every carrier, UPS's elsewhere once its connector refuses (DHL's through DHL Express);
      // batch 2 only at Sendcloud (UPS and DHL ship every fifth batch: 20 tracking reads a minute).
      const [batch1, batch2] = ['batch 1:', 'batch 2:'].map((start) => lines.find((line) => line.startsWith(start)) ?? '');
      expect(batch1).toMatch(/^batch 1: stripe: .* \| razorpay: .* \| sendcloud: 3 labels, \d+ webhooks \(1 refused\); 3 shipments: .* \| ups: .* \| dhl: .* \| hub: applied \d+/);
      expect(batch1).toContain('| ups: 1 label bought elsewhere (connector: operation_unsupported), ');
      expect(batch1).toContain('| dhl: 1 label, no webhooks; 1 shipment: ');
      expect(batch2).toMatch(/\| sendcloud: 3 labels, \d+ webhooks \(1 refused\); 6 shipments: .* \| ups: no labels this batch, .*; 1 shipment: .* \| dhl: no labels this batch, no webhooks; 1 shipment: /);
      // UPS's pushes only ask for a read (the workers read UPS, or the poller got there first); DHL sends none: the poller settles it.
      const settled = /shipments: 8 of 8 at a final status \(sendcloud (\d+) by webhook, (\d+) by the hub's poller; ups (\d+) by webhook, (\d+) by the hub's poller; dhl 0 by webhook, 1 by the hub's poller\)/.exec(output);
      expect(settled, output).not.toBeNull();
      expect(Number(settled?.[1]) + Number(settled?.[2])).toBe(6);
      expect(Number(settled?.[1])).toBeGreaterThan(0);
      expect(Number(settled?.[3]) + Number(settled?.[4])).toBe(1);
      expect(output).toMatch(/reconciliation stripe: 0 differences/);

      // The store the hub left: each parcel on the status its carrier's route really ended on.
      const engines = await openEngines(loadConfig(config), systemClock);
      try {
        for (const carrier of providers.carriers) {
          const records = await engines.integrity.listRecords({ provider: carrier.name, recordType: SHIPMENT_RECORD_TYPE });
          expect(records).toHaveLength(carrier.shipmentsPerBatch * (carrier.shipEvery === undefined ? 2 : 1));
          for (const record of records) expect([carrier.name, record.recordId, record.status]).toEqual([carrier.name, record.recordId, carrier.simulation.finalStatus(record.recordId)]);
        }
      } finally {
        await engines.close();
      }
    } finally {
      await providers.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('run again on the same database, continues correctly: new webhooks are applied, not duplicates, and reconciliation finds nothing', { timeout: 2 * DEMO_RUN_TIMEOUT_MS }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'interlock-demo-rerun-'));
    const config = join(dir, 'interlock.config.json');
    writeFileSync(config, JSON.stringify({ store: { kind: 'sqlite', path: join(dir, 'hub.db') } }));
    const applied = (lines: readonly string[]): number => Number(/hub: applied (\d+)/.exec(lines.filter((line) => line.startsWith('batch ')).at(-1) ?? '')?.[1]);
    try {
      const first: string[] = [];
      await runDemo({ configPath: config, port: 0, batches: 1, ...AT_TEST_SPEED, out: (line) => first.push(line) });
      const second: string[] = [];
      await runDemo({ configPath: config, port: 0, batches: 1, ...AT_TEST_SPEED, out: (line) => second.push(line) });
      // The second run's payments are new ones: the hub applies their webhooks on top of the first run's.
      expect(applied(second)).toBeGreaterThan(applied(first) + 5);
      expect(second.join('\n')).toMatch(/reconciliation stripe: 0 differences/);
      expect(second.join('\n')).toMatch(/reconciliation razorpay: 0 differences/);
      // Each carrier's numbers are new too: none of the second run's parcels is left out as already seen.
      expect(second.join('\n')).not.toContain('an earlier run used');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stops after the batch in flight on Ctrl-C, closing the hub, and refuses bad arguments', { timeout: DEMO_RUN_TIMEOUT_MS }, async () => {
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
      // Exit 2: the hub could not run (the CLI's codes: 0 done, 1 differences or refused, 2 could not run).
      const push = (line: string): void => void lines.push(line);
      await expect(runCli(['start', '--config', config], push, { err: push })).resolves.toBe(2);
      const acme = { name: 'acme', connector: '@interlock/stripe', options: { apiKeysEnv: 'ACME_TEST_KEYS', mode: 'sandbox' }, webhookSecretsEnv: 'ACME_TEST_SECRETS' };
      writeFileSync(config, JSON.stringify({ store: { kind: 'sqlite', path: join(dir, 'hub.db') }, providers: [acme] }));
      Object.assign(process.env, { ACME_TEST_KEYS: 'sk_test_fixture_acme_0001', ACME_TEST_SECRETS: 'whsec_fixture_acme' });
      await expect(runService({ configPath: config, port: 0, out: (line) => lines.push(line), until: Promise.resolve() })).resolves.toBe(0);
      await expect(runCli([], push, { err: push })).resolves.toBe(2);
      const output = lines.join('\n');
      expect(output).toContain('No providers in the config');
      expect(output).toMatch(/Interlock hub listening on http:\/\/127\.0\.0\.1:\d+ for acme/);
      expect(output).toMatch(/ {2}support console: http:\/\/127\.0\.0\.1:\d+\/console \(operators: none in the config\)/);
      expect(output).toContain('Usage: interlock [options] [command]');
    } finally {
      delete process.env['ACME_TEST_KEYS'];
      delete process.env['ACME_TEST_SECRETS'];
      remove();
    }
  });
});
