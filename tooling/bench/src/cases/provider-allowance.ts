import { createProviderClient, isIntegrationError, type RateWindow } from '@interlock/core';
import { FakeClock } from '@interlock/core/testing';
import { fixed, grouped, now, table } from '../harness.js';
import { idealSpanMs, SimulatedProvider, type ProviderLimit } from '../simulated-provider.js';
import { seededRandom } from '@interlock/testkit';

export const TARGET_ALLOWANCE_USED = 0.97;

const BURST: ProviderLimit = { limit: 20, windowMs: 1_000 };
const SUSTAINED: ProviderLimit = { limit: 100, windowMs: 10_000 };

export interface AllowanceRow {
  name: string;
  requests: number;
  succeeded: number;
  failed: number;
  /** Failed calls by error kind and reason. */
  failures: Record<string, number>;
  /** 429s the provider answered (each retry of a call counts again). */
  provider429s: number;
  /** Virtual ms from the first request the provider accepted to the last. */
  spanMs: number;
  /** The shortest span any client could have fitted the same number of accepted requests into. */
  idealSpanMs: number;
  /** idealSpanMs / spanMs: 1 means not a moment of the allowance was wasted. */
  allowanceUsed: number;
  /** Accepted requests per second over the span, against the sustained limit's 10/s. */
  acceptedPerSecond: number;
  wallMs: number;
}

export interface AllowanceCaseResult {
  name: string;
  description: string;
  limits: { burst: ProviderLimit; sustained: ProviderLimit };
  rows: AllowanceRow[];
  skipped: { name: string; why: string }[];
  targetAllowanceUsedMin: number;
  meetsTarget: boolean;
}

async function driveClient(name: string, requests: number, declaredLimits: readonly RateWindow[] | undefined): Promise<AllowanceRow> {
  const clock = new FakeClock({ autoAdvance: true });
  const provider = new SimulatedProvider(clock, [BURST, SUSTAINED]);
  const client = createProviderClient({
    provider: 'simulated',
    baseUrl: 'https://api.simulated.invalid',
    endpoints: { listItems: { method: 'GET', path: '/items' } },
    ...(declaredLimits ? { accountRateLimits: declaredLimits } : {}),
    transport: provider.transport,
    clock,
    // Deterministic jitter, so the virtual-time runs repeat exactly.
    random: seededRandom(42),
    // Every request is queued at t=0 and the last can only go out ~94 s later, so nothing may be refused for depth.
    queue: { maxDepth: requests },
  });
  const wallStarted = now();
  const failures: Record<string, number> = {};
  const outcomes = await Promise.all(
    Array.from({ length: requests }, () =>
      // The whole run takes ~95 virtual seconds; the default 30 s call deadline would fail the
      // back of the line for waiting its turn, which is the caller's choice, not the limiter's.
      client.request('listItems', { totalTimeoutMs: 600_000 }).then(
        () => true,
        (error: unknown) => {
          const key = isIntegrationError(error) ? `${error.kind}/${error.reason ?? '-'}` : String(error);
          failures[key] = (failures[key] ?? 0) + 1;
          return false;
        },
      ),
    ),
  );
  const wallMs = now() - wallStarted;
  const succeeded = outcomes.filter(Boolean).length;
  const first = provider.accepted[0];
  const last = provider.accepted[provider.accepted.length - 1];
  const spanMs = first === undefined || last === undefined ? 0 : last - first;
  const ideal = idealSpanMs([BURST, SUSTAINED], provider.accepted.length);
  return {
    name,
    requests,
    succeeded,
    failed: requests - succeeded,
    failures,
    provider429s: provider.rejected,
    spanMs,
    idealSpanMs: ideal,
    allowanceUsed: spanMs === 0 ? Number.NaN : ideal / spanMs,
    acceptedPerSecond: spanMs === 0 ? Number.NaN : (provider.accepted.length - 1) / (spanMs / 1000),
    wallMs,
  };
}

/**
 * "Allowance use against a provider with burst + sustained limits": 1,000 GETs queued at once
 * against a provider enforcing 20/1 s and 100/10 s, on virtual time. The run is deterministic,
 * so one round is the measurement.
 */
export async function providerAllowance(options: { quick: boolean }): Promise<AllowanceCaseResult> {
  const requests = options.quick ? 300 : 1_000;
  const declared: RateWindow[] = [
    { limit: BURST.limit, windowMs: BURST.windowMs },
    { limit: SUSTAINED.limit, windowMs: SUSTAINED.windowMs },
  ];
  const ours = await driveClient('interlock, provider limits declared', requests, declared);
  // Not a baseline: the same client told nothing, left to 429s and Retry-After, shows what declaring limits buys.
  const reactive = await driveClient('interlock, no limits declared (reference)', requests, undefined);
  return {
    name: 'allowance use against a provider with burst + sustained limits',
    description: `${requests.toLocaleString('en-US')} GETs queued at once through createProviderClient; simulated provider on FakeClock (autoAdvance) enforcing burst ${BURST.limit}/${BURST.windowMs / 1000} s and sustained ${SUSTAINED.limit}/${SUSTAINED.windowMs / 1000} s, 429 + Retry-After otherwise`,
    limits: { burst: BURST, sustained: SUSTAINED },
    rows: [ours, reactive],
    skipped: [
      { name: 'bottleneck', why: 'schedules on real timers (setTimeout), so it cannot run on the FakeClock; a real-time run would take ~95 s' },
      { name: 'p-queue', why: 'same: its interval window runs on real timers' },
    ],
    targetAllowanceUsedMin: TARGET_ALLOWANCE_USED,
    meetsTarget: ours.allowanceUsed >= TARGET_ALLOWANCE_USED && ours.provider429s === 0 && ours.failed === 0,
  };
}

export function formatAllowance(result: AllowanceCaseResult): string {
  const rows = result.rows.map((row) => [
    row.name,
    `${fixed(row.allowanceUsed * 100, 2)}%`,
    String(row.provider429s),
    `${row.succeeded}/${row.requests}`,
    fixed(row.spanMs / 1000, 2),
    fixed(row.idealSpanMs / 1000, 2),
    fixed(row.acceptedPerSecond, 2),
    grouped(row.wallMs),
  ]);
  const lines = [
    `3. ${result.name}`,
    `   ${result.description}`,
    table(['contender', 'allowance used', '429s', 'succeeded', 'span s (virtual)', 'ideal span s', 'accepted/s', 'wall ms'], rows),
    '   allowance used = ideal span / actual span: the shortest time any client could have had the same number of requests accepted, over the time this one took (100% = none of the allowance left unused).',
    '   a row with failed calls gave up on part of the work: its allowance figure covers only the requests that were accepted.',
    `   accepted/s is over the whole span; above the sustained ${fixed(result.limits.sustained.limit / (result.limits.sustained.windowMs / 1000), 0)}/s because the first window's burst counts too.`,
  ];
  for (const row of result.rows) {
    const failures = Object.entries(row.failures);
    if (failures.length > 0) lines.push(`   failed calls (${row.name}): ${failures.map(([key, count]) => `${key} x${count}`).join(', ')}`);
  }
  for (const skipped of result.skipped) lines.push(`   skipped ${skipped.name}: ${skipped.why}`);
  const ours = result.rows[0];
  if (ours) {
    lines.push(
      `   target: ours ≥ ${fixed(result.targetAllowanceUsedMin * 100, 0)}% used, zero 429s, nothing failed -> ${result.meetsTarget ? 'MET' : 'NOT MET'} (${fixed(ours.allowanceUsed * 100, 2)}%, ${ours.provider429s} 429s, ${ours.failed} failed)`,
    );
  }
  return lines.join('\n');
}
