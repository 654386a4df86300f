import { createProviderClient, isIntegrationError, MemoryRateLimitStore, type RateLimitStore } from '@interlock/core';
import { FakeClock, maxInAnyWindow } from '@interlock/core/testing';
import { seededRandom } from '@interlock/testkit';
import { fixed, grouped, now, table } from '../harness.js';
import { idealSpanMs, SimulatedProvider, type ProviderLimit } from '../simulated-provider.js';

export const TARGET_ARRIVAL_ALLOWANCE_USED = 0.95;

/** Stripe's sandbox: 25 requests a second (docs.stripe.com/rate-limits), the limit of issue 10 item 13. */
const LIMIT: ProviderLimit = { limit: 25, windowMs: 1_000 };
const CALLERS = 30;
/** Each leg, there and back: 20 ms plus up to 15 ms of jitter, drawn per leg. */
const ONE_WAY_BASE_MS = 20;
const ONE_WAY_JITTER_MS = 15;

export interface ArrivalRow {
  name: string;
  operations: number;
  succeeded: number;
  /** 429s the provider answered (each retry of a call counts again). */
  provider429s: number;
  /** The most requests the provider accepted in any window: above the limit only if it counted wrong. */
  busiestWindow: number;
  spanMs: number;
  idealSpanMs: number;
  allowanceUsed: number;
  wallMs: number;
}

export interface ArrivalCaseResult {
  name: string;
  description: string;
  rows: ArrivalRow[];
  skipped: { name: string; why: string }[];
  targetAllowanceUsedMin: number;
  meetsTarget: boolean;
}

/** The memory store without the latency margin: spacing as the limiter kept it before it learnt round trips. */
function latencyBlind(inner: RateLimitStore): RateLimitStore {
  return {
    reserve: (rules, at, maxWaitMs) => inner.reserve(rules, at, maxWaitMs),
    pauseUntil: (key, until) => inner.pauseUntil(key, until),
    observeRemaining: (key, remaining, resetAt, at) => inner.observeRemaining(key, remaining, resetAt, at),
  };
}

async function drive(name: string, callsEach: number, store: RateLimitStore): Promise<ArrivalRow> {
  const clock = new FakeClock({ autoAdvance: true });
  const latency = seededRandom(7);
  const provider = new SimulatedProvider(clock, [LIMIT], () => ONE_WAY_BASE_MS + ONE_WAY_JITTER_MS * latency());
  const client = createProviderClient({
    provider: 'simulated',
    baseUrl: 'https://api.simulated.invalid',
    endpoints: { listItems: { method: 'GET', path: '/items' } },
    accountRateLimits: [{ limit: LIMIT.limit, windowMs: LIMIT.windowMs }],
    rateLimitStore: store,
    transport: provider.transport,
    clock,
    random: seededRandom(42),
  });
  const wallStarted = now();
  let succeeded = 0;
  await Promise.all(
    Array.from({ length: CALLERS }, async () => {
      for (let i = 0; i < callsEach; i++) {
        const ok = await client.request('listItems', { totalTimeoutMs: 600_000 }).then(
          () => true,
          (error: unknown) => {
            if (!isIntegrationError(error)) throw error;
            return false;
          },
        );
        if (ok) succeeded++;
      }
    }),
  );
  const accepted = provider.accepted;
  const spanMs = (accepted.at(-1) ?? 0) - (accepted[0] ?? 0);
  const ideal = idealSpanMs([LIMIT], accepted.length);
  return {
    name,
    operations: CALLERS * callsEach,
    succeeded,
    provider429s: provider.rejected,
    busiestWindow: maxInAnyWindow(accepted, LIMIT.windowMs),
    spanMs,
    idealSpanMs: ideal,
    allowanceUsed: spanMs === 0 ? Number.NaN : ideal / spanMs,
    wallMs: now() - wallStarted,
  };
}


/**
 * "The limit holds where the provider counts it": 30 callers, each calling one after another,
 * against a provider that counts a strict 25-per-second window at ARRIVAL, with every leg of
 * every request taking 20 to 35 ms. Virtual time, seeded: one round is the measurement.
 */
export async function arrivalAllowance(options: { quick: boolean }): Promise<ArrivalCaseResult> {
  const callsEach = options.quick ? 5 : 20;
  const ours = await drive('interlock, spacing widened by the round-trip spread', callsEach, new MemoryRateLimitStore());
  const blind = await drive('interlock, fixed 5 ms margin only (reference)', callsEach, latencyBlind(new MemoryRateLimitStore()));
  return {
    name: 'allowance use where the provider counts: at arrival, with varying latency',
    description: `${CALLERS} concurrent callers x ${callsEach} GETs through createProviderClient, ${LIMIT.limit}/${LIMIT.windowMs / 1000} s declared; simulated provider on FakeClock counting a strict sliding window at arrival, each leg ${ONE_WAY_BASE_MS}-${ONE_WAY_BASE_MS + ONE_WAY_JITTER_MS} ms (seeded uniform), 429 + Retry-After otherwise`,
    rows: [ours, blind],
    skipped: [{ name: 'bottleneck, p-queue', why: 'they schedule on real timers and cannot follow the FakeClock; case 8 runs on real time' }],
    targetAllowanceUsedMin: TARGET_ARRIVAL_ALLOWANCE_USED,
    meetsTarget: ours.provider429s === 0 && ours.succeeded === ours.operations && ours.allowanceUsed >= TARGET_ARRIVAL_ALLOWANCE_USED,
  };
}

export function formatArrival(result: ArrivalCaseResult): string {
  const rows = result.rows.map((row) => [
    row.name,
    `${fixed(row.allowanceUsed * 100, 2)}%`,
    String(row.provider429s),
    `${row.succeeded}/${row.operations}`,
    String(row.busiestWindow),
    fixed(row.spanMs / 1000, 2),
    fixed(row.idealSpanMs / 1000, 2),
    grouped(row.wallMs),
  ]);
  const ours = result.rows[0] as ArrivalRow;
  return [
    `7. ${result.name}`,
    `   ${result.description}`,
    table(['contender', 'allowance used', '429s', 'succeeded', 'busiest window', 'span s (virtual)', 'ideal span s', 'wall ms'], rows),
    '   allowance used = ideal span / actual span over the requests the provider accepted; busiest window = most accepted in any 1 s, as the provider counts.',
    ...result.skipped.map((skipped) => `   skipped ${skipped.name}: ${skipped.why}`),
    `   target: ours 0 429s, nothing failed, ≥ ${fixed(result.targetAllowanceUsedMin * 100, 0)}% used -> ${result.meetsTarget ? 'MET' : 'NOT MET'} (${fixed(ours.allowanceUsed * 100, 2)}%, ${ours.provider429s} 429s, ${ours.succeeded}/${ours.operations})`,
  ].join('\n');
}
