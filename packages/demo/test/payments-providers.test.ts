import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { money, systemClock, type ConnectorDescriptor } from '@interlock/core';
import { loadConfig, openEngines, runCli, silentLog, startHub, type Hub, type HubConfigInput } from '@interlock/hub';
import type { PaymentsConnector } from '@interlock/payments';
import type { PaymentsSimulation } from '@interlock/payments/testing';
import { descriptor as razorpayDescriptor } from '@interlock/razorpay';
import { createRazorpaySimulation } from '@interlock/razorpay/testing';
import { descriptor as stripeDescriptor } from '@interlock/stripe';
import { createStripeSimulation } from '@interlock/stripe/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { drained } from '../src/traffic.js';
import { projectDir } from './support.js';

const WEBHOOK_SECRET = 'whsec_fixture_hub_payments';
const CREDENTIALS = { HUB_TEST_STRIPE_KEYS: 'sk_test_fixture_hub_0001', HUB_TEST_RZP_KEY_ID: 'rzp_test_fixtureHub01', HUB_TEST_RZP_KEY_SECRET: 'fixture_hub_secret_01', HUB_TEST_PAYMENTS_SECRETS: WEBHOOK_SECRET };
const DESCRIPTORS = { '@interlock/stripe': stripeDescriptor, '@interlock/razorpay': razorpayDescriptor };

type ProviderInput = NonNullable<HubConfigInput['providers']>[number];

const PROVIDERS: readonly { name: string; descriptor: ConnectorDescriptor<PaymentsConnector>; simulate: () => Promise<PaymentsSimulation>; provider: (baseUrl: string) => ProviderInput; currency: string }[] = [
  {
    name: 'stripe',
    descriptor: stripeDescriptor,
    currency: 'USD',
    simulate: () => createStripeSimulation({ clock: systemClock, webhookSecret: WEBHOOK_SECRET }),
    provider: (baseUrl) => ({ name: 'stripe', connector: '@interlock/stripe', options: { apiKeysEnv: 'HUB_TEST_STRIPE_KEYS', mode: 'sandbox', baseUrl }, webhookSecretsEnv: 'HUB_TEST_PAYMENTS_SECRETS' }),
  },
  {
    name: 'razorpay',
    descriptor: razorpayDescriptor,
    currency: 'INR',
    simulate: () => createRazorpaySimulation({ clock: systemClock, webhookSecret: WEBHOOK_SECRET }),
    provider: (baseUrl) => ({
      name: 'razorpay',
      connector: '@interlock/razorpay',
      // The simulation settles at once (a real account: about two days later, the default).
      options: { keyIdEnv: 'HUB_TEST_RZP_KEY_ID', keySecretEnv: 'HUB_TEST_RZP_KEY_SECRET', baseUrl, settlementLagHours: 0 },
      webhookSecretsEnv: 'HUB_TEST_PAYMENTS_SECRETS',
    }),
  },
];

let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

describe.each(PROVIDERS)('the hub with a $name connector', ({ name, descriptor, simulate, provider, currency }) => {
  it('applies the provider webhooks as canonical payments, reconciles them, and the CLI does too', async () => {
    const simulation = await simulate();
    const { dir, remove } = projectDir(name);
    cleanups.push(async () => {
      await simulation.simulator.close();
      remove();
    });
    const input: HubConfigInput = { port: 0, store: { kind: 'sqlite', path: join(dir, 'hub.db') }, reconciliation: { enabled: false }, providers: [provider(simulation.simulator.url)] };
    const started = Date.now() - 1_000;
    let hub: Hub | undefined = await startHub({ config: loadConfig(undefined, input), descriptors: DESCRIPTORS, env: { ...process.env, ...CREDENTIALS }, log: silentLog });
    cleanups.push(async () => hub?.close());
    const connector = hub.connector(descriptor, name);
    expect(connector.provider).toBe(name);

    for (let i = 0; i < 5; i++) {
      const payment = await connector.createPayment({ amount: money(10_000 + i * 100, currency), captureMethod: 'automatic', reference: `hub-order-${i}` });
      simulation.customerCompletes(payment);
    }
    const deliveries = await simulation.simulator.deliverWebhooks(`${hub.url}/webhooks/${name}`, { sign: simulation.signWebhook, duplicates: 0.5, outOfOrder: 0.3, forged: 1 }, simulation.takeWebhookEvents());
    expect(deliveries.filter((d) => d.kind === 'forged').map((d) => d.status)).toEqual([400]);
    expect(await drained(hub, 120_000)).toBe(true);

    const records = await hub.integrity.listRecords({ provider: name, recordType: 'payment' });
    expect(records).toHaveLength(5);
    for (const record of records) {
      expect(record.status).toBe('succeeded');
      expect(JSON.parse(record.snapshot ?? '{}')).toMatchObject({ id: record.recordId, status: 'succeeded', amountCaptured: { currency } });
    }

    simulation.settle(Date.now());
    const period = { from: started, to: Date.now() + 1_000 };
    expect(await hub.reconciliation.runNow(name, period)).toMatchObject({ differences: 0 });
    simulation.dropSettlementLineFor(records[2]!.recordId);
    expect(await hub.reconciliation.runNow(name, period)).toMatchObject({ differences: 1, missing: 1, sample: [`payment:${records[2]!.recordId}`] });
    await hub.close();
    hub = undefined;

    // On demand from the CLI, against the same store and the provider as the config names it: the
    // connector is found by its package name from the config's folder.
    const configPath = join(dir, 'hub.json');
    writeFileSync(configPath, JSON.stringify(input));
    Object.assign(process.env, CREDENTIALS);
    cleanups.push(async () => {
      for (const key of Object.keys(CREDENTIALS)) delete process.env[key];
    });
    const lines: string[] = [];
    const code = await runCli(['reconcile', '--provider', name, '--config', configPath, '--from', new Date(period.from).toISOString(), '--to', String(period.to)], (line) => lines.push(line));
    expect(code).toBe(1);
    expect(lines.join('\n')).toContain(`payment:${records[2]!.recordId}`);
  });
});

describe('the hub’s Razorpay connector keeps its order create keys in the hub’s store', () => {
  it('sends a fresh keyed create straight to Razorpay (no receipt lookup), and a hub started again on the same store answers its repeat with no request', async () => {
    const simulation = await createRazorpaySimulation({ clock: systemClock, webhookSecret: WEBHOOK_SECRET });
    const { dir, remove } = projectDir('razorpay-keys');
    cleanups.push(async () => {
      await simulation.simulator.close();
      remove();
    });
    const input: HubConfigInput = { port: 0, store: { kind: 'sqlite', path: join(dir, 'hub.db') }, reconciliation: { enabled: false }, polling: { enabled: false }, providers: [PROVIDERS[1]!.provider(simulation.simulator.url)] };
    const start = (): Promise<Hub> => startHub({ config: loadConfig(undefined, input), descriptors: DESCRIPTORS, env: { ...process.env, ...CREDENTIALS }, log: silentLog });
    const order = { amount: money(25_000, 'INR'), captureMethod: 'automatic' as const, reference: 'hub-keyed-1', idempotencyKey: 'hub-key-0001' };
    const orderRequests = (): string[] => simulation.simulator.requests.filter((request) => request.path === '/v1/orders').map((request) => request.method);

    const first = await start();
    const created = await first.connector(razorpayDescriptor, 'razorpay').createPayment(order);
    await first.close();
    expect(orderRequests()).toEqual(['POST']);

    const again = await start();
    cleanups.push(async () => again.close());
    expect(await again.connector(razorpayDescriptor, 'razorpay').createPayment(order)).toMatchObject({ id: created.id });
    expect(orderRequests()).toEqual(['POST']);
    expect(simulation.state.allOrders()).toHaveLength(1);
  });
});

describe('interlock reconcile', () => {
  it('names the configured providers when --provider is missing or names none of them', async () => {
    const { dir, remove } = projectDir('cli');
    cleanups.push(async () => remove());
    const configPath = join(dir, 'hub.json');
    const acme = { name: 'acme', connector: '@interlock/stripe', options: { apiKeysEnv: 'ACME_KEYS' }, webhookSecretsEnv: 'ACME_SECRETS' };
    writeFileSync(configPath, JSON.stringify({ store: { kind: 'sqlite', path: join(dir, 'hub.db') }, providers: [acme] }));
    // The CLI works on a hub's existing database (it never makes an empty one): a hub has run here.
    const engines = await openEngines(loadConfig(configPath), systemClock);
    await engines.close();
    const lines: string[] = [];
    // Refusals are written to the error stream, and exit 2: the command could not run.
    const push = (line: string): void => void lines.push(line);
    expect(await runCli(['reconcile', '--config', configPath], push, { err: push })).toBe(2);
    expect(await runCli(['reconcile', '--provider', 'stripe', '--config', configPath], push, { err: push })).toBe(2);
    expect(lines).toEqual(['reconcile needs --provider, one of the configured providers: acme', 'reconcile needs --provider, one of the configured providers: acme']);
  });
});

describe('polling in the hub', () => {
  it('settles payments whose webhooks never arrive by reading them, through the same workers and guards', async () => {
    const simulation = await createStripeSimulation({ clock: systemClock, webhookSecret: WEBHOOK_SECRET });
    const { dir, remove } = projectDir('polling');
    const input: HubConfigInput = {
      port: 0,
      store: { kind: 'sqlite', path: join(dir, 'hub.db') },
      reconciliation: { enabled: false },
      // Real time here (the hub's workers run on it): polls come after 50 ms, not a minute.
      polling: { firstAfterSeconds: 0.05, capSeconds: 0.2 },
      providers: [PROVIDERS[0]!.provider(simulation.simulator.url)],
    };
    const hub = await startHub({ config: loadConfig(undefined, input), descriptors: DESCRIPTORS, env: { ...process.env, ...CREDENTIALS }, log: silentLog });
    cleanups.push(async () => {
      await hub.close();
      await simulation.simulator.close();
      remove();
    });
    const connector = hub.connector(stripeDescriptor, 'stripe');
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const payment = await connector.createPayment({ amount: money(2_000 + i, 'USD'), captureMethod: 'automatic', reference: `polled-${i}` });
      ids.push(payment.id);
    }
    // Only the creation webhooks arrive; the customers pay and every later webhook is lost.
    await simulation.simulator.deliverWebhooks(`${hub.url}/webhooks/stripe`, { sign: simulation.signWebhook }, simulation.takeWebhookEvents());
    expect(await drained(hub, 120_000)).toBe(true);
    for (const id of ids) simulation.customerCompletes(await connector.getPayment(id));
    simulation.takeWebhookEvents();

    // The worker writes the record, then its audit entry: wait for both, or the last entry may not be there yet.
    await vi.waitFor(
      async () => {
        const records = await hub.integrity.listRecords({ provider: 'stripe', recordType: 'payment' });
        expect(records.map((record) => record.status)).toEqual(['succeeded', 'succeeded', 'succeeded']);
        const audit = await hub.integrity.listAudit({ provider: 'stripe' });
        const settledByPolling = audit.filter((entry) => entry.action === 'apply interlock.polled' && entry.outcome === 'applied' && entry.detail?.endsWith('-> succeeded'));
        expect(settledByPolling).toHaveLength(3);
      },
      { timeout: 20_000, interval: 50 },
    );
  });
});
