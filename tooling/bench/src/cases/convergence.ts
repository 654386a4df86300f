import { MemoryIdempotencyStore, money } from '@interlock/core';
import { FakeClock } from '@interlock/core/testing';
import type { PaymentsConnector } from '@interlock/payments';
import { runPaymentsEndToEnd, TRANSIENT_RULE_PREFIX, type PaymentsSimulation } from '@interlock/payments/testing';
import { createRazorpayConnector } from '@interlock/razorpay';
import { createRazorpaySimulation } from '@interlock/razorpay/testing';
import { createStripeConnector } from '@interlock/stripe';
import { createStripeSimulation } from '@interlock/stripe/testing';
import { fixed, grouped, now, table } from '../harness.js';

export const TARGET_CALLS_OVER_MINIMUM = 1.05;
/**
 * The injected faults a client cannot tell from a create that took effect, yet which did not
 * create anything: a 503 and a reset connection. Without an idempotency header, a correct client
 * must look up before it creates again after each of them. (A lost response did create: its
 * lookup finds the order and replaces the second create, so the minimum already counts it.)
 */
const AMBIGUOUS_UNAPPLIED_RULES = ['status', 'reset'].map((fault) => `${TRANSIENT_RULE_PREFIX}${fault}`);
const WEBHOOK_SECRET = 'whsec_bench_convergence';

interface Contender {
  name: string;
  /** The create operation's route at the provider, and the lookups a safe create may add. */
  create: { method: string; pattern: string };
  lookup?: { method: string; pattern: string };
  start(clock: FakeClock): Promise<{ simulation: PaymentsSimulation; connector: PaymentsConnector }>;
}

const CONTENDERS: readonly Contender[] = [
  {
    name: 'stripe',
    create: { method: 'POST', pattern: '/v1/payment_intents' },
    async start(clock) {
      const simulation = await createStripeSimulation({ clock, webhookSecret: WEBHOOK_SECRET, seed: 5 });
      const connector = createStripeConnector({ baseUrl: simulation.simulator.url, credentials: { apiKey: 'sk_test_bench_convergence' }, webhookSecrets: [WEBHOOK_SECRET], clock, fetch: clock.trackFetch() });
      return { simulation, connector };
    },
  },
  {
    name: 'razorpay',
    create: { method: 'POST', pattern: '/v1/orders' },
    lookup: { method: 'GET', pattern: '/v1/orders' },
    async start(clock) {
      const simulation = await createRazorpaySimulation({ clock, webhookSecret: WEBHOOK_SECRET, seed: 5 });
      // The run is one process, so a memory store keeps the creates sent as long as the hub's durable store would.
      const idempotencyStore = new MemoryIdempotencyStore();
      const connector = createRazorpayConnector({ baseUrl: simulation.simulator.url, credentials: { keyId: 'rzp_test_benchConverge', keySecret: 'bench_convergence_secret' }, webhookSecrets: [WEBHOOK_SECRET], clock, fetch: clock.trackFetch(), idempotencyStore });
      return { simulation, connector };
    },
  },
];

export interface ConvergenceRow {
  connector: string;
  operations: number;
  settled: number;
  duplicateCharges: number;
  reconciliationDifferences: number;
  /** Create requests that reached the provider, every retry included. */
  createCalls: number;
  /** Transient faults the simulator injected on creates outside the outage: each forces one more call. */
  forcedRetries: number;
  /** Create requests that arrived during the outage (answered 503): the calls a client could have saved. */
  outageCalls: number;
  /** operations + forcedRetries: no client can do with fewer calls. */
  minimum: number;
  /**
   * The minimum counting lookups, for a provider without an idempotency header: `minimum` plus one
   * lookup for each injected 503 or reset on a create, which no correct client can skip (it cannot
   * know the create did not happen). Equal to `minimum` for a provider that takes a key.
   */
  minimumWithLookups: number;
  /** createCalls / minimum. */
  ratio: number;
  /** Lookups by unique reference before creating (providers without an idempotency header). */
  lookups: number;
  /** (createCalls + lookups) / minimumWithLookups: what creation costs at the provider in all, against what it must cost. */
  ratioWithLookups: number;
  virtualMinutes: number;
  wallMs: number;
}

export interface ConvergenceCaseResult {
  name: string;
  description: string;
  rows: ConvergenceRow[];
  targetMax: number;
  meetsTarget: boolean;
}

async function measure(contender: Contender, operations: number): Promise<ConvergenceRow> {
  const clock = new FakeClock({ autoAdvance: true });
  const { simulation, connector } = await contender.start(clock);
  const started = now();
  try {
    const result = await runPaymentsEndToEnd({ clock, simulation, connector, payments: operations, amount: (i) => money(10_000 + (i % 97) * 10, 'INR') });
    const { simulator } = simulation;
    const { method, pattern } = contender.create;
    const outageCalls = simulator.faultsOn(method, pattern, 'outage');
    const forcedRetries = simulator.faultsOn(method, pattern) - outageCalls;
    const createCalls = simulator.count(method, pattern);
    const minimum = operations + forcedRetries;
    const lookups = contender.lookup ? simulator.count(contender.lookup.method, contender.lookup.pattern) : 0;
    const unavoidableLookups = contender.lookup ? AMBIGUOUS_UNAPPLIED_RULES.reduce((sum, rule) => sum + simulator.faultsOn(method, pattern, rule), 0) : 0;
    const minimumWithLookups = minimum + unavoidableLookups;
    return {
      connector: contender.name,
      operations,
      settled: operations - result.unsettled.length,
      duplicateCharges: result.duplicateCharges,
      reconciliationDifferences: result.report.differences,
      createCalls,
      forcedRetries,
      outageCalls,
      minimum,
      minimumWithLookups,
      ratio: createCalls / minimum,
      lookups,
      ratioWithLookups: (createCalls + lookups) / minimumWithLookups,
      virtualMinutes: result.virtualMs / 60_000,
      wallMs: now() - started,
    };
  } finally {
    await simulation.simulator.close();
  }
}

/**
 * TARGETS' convergence: operations through each payments connector while the simulator fails 20%
 * of requests transiently and goes down for ten minutes (the payments end-to-end run). Every
 * operation must settle with no duplicate side effect, and the create calls that reached the
 * provider must stay within 1.05x of the minimum: one call per operation plus one per injected
 * transient fault, which no client can avoid, plus, for a provider without an idempotency header,
 * the lookup each ambiguous fault forces. Calls into the outage are the waste this measures.
 */
export async function convergence(options: { quick: boolean }): Promise<ConvergenceCaseResult> {
  const operations = options.quick ? 1_000 : 10_000;
  const rows: ConvergenceRow[] = [];
  for (const contender of CONTENDERS) rows.push(await measure(contender, operations));
  return {
    name: 'convergence through faults and an outage',
    description: `${grouped(operations)} payments per connector, 20% transient faults (503, 429 + Retry-After, resets, lost responses), a ten-minute outage, unreliable webhooks; fake clock`,
    rows,
    targetMax: TARGET_CALLS_OVER_MINIMUM,
    meetsTarget: rows.every((row) => row.ratioWithLookups <= TARGET_CALLS_OVER_MINIMUM && row.settled === row.operations && row.duplicateCharges === 0),
  };
}

export function formatConvergence(result: ConvergenceCaseResult): string {
  const rows = result.rows.map((row) => [
    row.connector,
    `${grouped(row.settled)}/${grouped(row.operations)}`,
    String(row.duplicateCharges),
    String(row.reconciliationDifferences),
    grouped(row.createCalls),
    grouped(row.minimum),
    `${fixed(row.ratio, 3)}x`,
    grouped(row.outageCalls),
    grouped(row.lookups),
    grouped(row.minimumWithLookups),
    `${fixed(row.ratioWithLookups, 3)}x`,
    fixed(row.virtualMinutes, 1),
    grouped(row.wallMs),
  ]);
  return [
    `6. ${result.name}`,
    `   ${result.description}`,
    table(['connector', 'settled', 'dup charges', 'recon diffs', 'create calls', 'minimum', 'calls/min', 'into outage', 'lookups', 'min w/ lookups', '(calls+lookups)/min', 'virtual min', 'wall ms'], rows),
    '   minimum = one create per operation + one per transient fault injected on creates (unavoidable); calls/min = create calls / minimum.',
    '   lookups: receipt lookups a connector without an idempotency header makes before creating (Razorpay orders: before a create whose caller key was sent before, and after a create that may have reached the provider); a create answered by a lookup needs no second create, so creates alone can fall below the minimum.',
    '   min w/ lookups = minimum + one lookup per injected 503 or reset on a create, for a provider without an idempotency header: the create did not happen, but no correct client can know that without looking.',
    `   target: (calls+lookups)/min <= ${fixed(result.targetMax, 2)}x with every operation settled and no duplicate charge: ${result.meetsTarget ? 'MET' : 'NOT MET'} (${result.rows.map((row) => `${row.connector} ${fixed(row.ratioWithLookups, 3)}x, creates alone ${fixed(row.ratio, 3)}x`).join('; ')})`,
  ].join('\n');
}
