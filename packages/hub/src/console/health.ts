import type { EventQueue, EventStatus } from '@interlock/core';
import { callKey, countedKey, latencyKey, splitKey, type AlertTelemetry, type ReconciliationFacts } from '../alerts/alert-telemetry.js';
import type { Alerting, AlertRecord } from '../alerts/index.js';
import type { BusinessMetrics, BusinessPanel } from '../metrics/business-metrics.js';

const HOUR_MS = 3_600_000;
/** The last hour in twelve five-minute slots: one point of a sparkline each. */
const SLOT_MS = 300_000;
const SLOTS = 12;
/** Dead letters are counted up to this many per provider; past it the view says "at least". */
export const DEAD_COUNT_CAP = 1_000;

export interface EndpointHealth {
  endpoint: string;
  attempts: number;
  p50Ms: number | undefined;
  p95Ms: number | undefined;
  /** Since when the circuit has not been closed; undefined while closed. */
  circuitOpenSince: number | undefined;
  /** p95 per slot over the last hour, 0 where there were no attempts. */
  p95Series: number[];
}

export interface ProviderHealth {
  provider: string;
  calls: number;
  failures: number;
  failuresByKind: ReadonlyMap<string, number>;
  /** 429 answers and waits for the provider's rate limit. */
  rateLimited: number;
  unknownEnums: number;
  drift: number;
  /** The first slot of the hour in which an unknown enum value or drift was seen. */
  unknownFirstSeen: number | undefined;
  driftFirstSeen: number | undefined;
  callSeries: number[];
  failureSeries: number[];
  deadLetters: number;
  reconciliations: readonly ReconciliationFacts[];
  endpoints: readonly EndpointHealth[];
  /** What its domain's business metrics say since this hub started; undefined when the domain declares none. */
  business?: BusinessPanel | undefined;
}

export interface HealthSnapshot {
  at: number;
  /** False when the hub runs without alerting: then no telemetry windows are kept. */
  telemetry: boolean;
  queue: Readonly<Record<EventStatus, number>>;
  /** The highest queue fill (depth / maximum) over the hour, per queue. */
  queueFill: ReadonlyMap<string, number>;
  providers: readonly ProviderHealth[];
  alerts: readonly AlertRecord[];
}

function slots(now: number): number[] {
  const end = now - (now % SLOT_MS) + SLOT_MS;
  return Array.from({ length: SLOTS }, (_, index) => end - (SLOTS - index) * SLOT_MS);
}

function series(starts: readonly number[], read: (from: number, to: number) => number): number[] {
  return starts.map((from) => read(from, from + SLOT_MS));
}

function firstSeen(starts: readonly number[], counts: readonly number[]): number | undefined {
  const index = counts.findIndex((count) => count > 0);
  return index === -1 ? undefined : starts[index];
}

function providerHealth(telemetry: AlertTelemetry, provider: string, now: number, deadLetters: number): ProviderHealth {
  const from = now - HOUR_MS;
  const to = now + 1;
  const starts = slots(now);
  const { counts, latencies } = telemetry;
  // The failure series of this provider, one per error kind, by kind.
  const failureKeys = new Map<string, string>();
  for (const key of counts.keys()) {
    const [series, of, kind] = splitKey(key);
    if (series === 'failure' && of === provider && kind !== undefined) failureKeys.set(kind, key);
  }
  const failuresByKind = new Map([...failureKeys].map(([kind, key]) => [kind, counts.sum(key, from, to)]));
  const failureSum = (start: number, end: number): number => [...failureKeys.values()].reduce((sum, key) => sum + counts.sum(key, start, end), 0);
  const unknownSeries = series(starts, (start, end) => counts.sum(countedKey('unknown_enum', provider), start, end));
  const driftSeries = series(starts, (start, end) => counts.sum(countedKey('schema_drift', provider), start, end));
  const circuits = telemetry.circuitsByProvider().get(provider);
  const endpointNames = new Set<string>(circuits?.keys() ?? []);
  for (const key of latencies.keys()) {
    const [of, endpoint] = splitKey(key);
    if (of === provider && endpoint !== undefined) endpointNames.add(endpoint);
  }
  const endpoints = [...endpointNames].sort().map((endpoint): EndpointHealth => {
    const key = latencyKey(provider, endpoint);
    const p50 = latencies.quantile(key, from, to, 0.5);
    return {
      endpoint,
      attempts: p50.samples,
      p50Ms: p50.value,
      p95Ms: latencies.quantile(key, from, to, 0.95).value,
      circuitOpenSince: circuits?.get(endpoint)?.openSince,
      p95Series: series(starts, (start, end) => latencies.quantile(key, start, end, 0.95).value ?? 0),
    };
  });
  return {
    provider,
    calls: counts.sum(callKey(provider), from, to),
    failures: failureSum(from, to),
    failuresByKind,
    rateLimited: counts.sum(countedKey('rate_limited', provider), from, to),
    unknownEnums: unknownSeries.reduce((a, b) => a + b, 0),
    drift: driftSeries.reduce((a, b) => a + b, 0),
    unknownFirstSeen: firstSeen(starts, unknownSeries),
    driftFirstSeen: firstSeen(starts, driftSeries),
    callSeries: series(starts, (start, end) => counts.sum(callKey(provider), start, end)),
    failureSeries: series(starts, failureSum),
    deadLetters,
    reconciliations: [...telemetry.latestReconciliations()].filter((facts) => facts.provider === provider),
    endpoints,
  };
}

/**
 * What the health view shows, read from what the hub already keeps: the alerts' telemetry windows
 * (calls, failures, latencies, circuits, reconciliations), the queue's counts and the active alerts.
 */
export async function healthSnapshot(
  queue: EventQueue,
  alerting: Alerting | undefined,
  providers: readonly string[],
  now: number,
  business?: Pick<BusinessMetrics, 'panel'>,
): Promise<HealthSnapshot> {
  const deadByProvider = await Promise.all(providers.map(async (provider) => (await queue.list({ provider, status: 'dead', limit: DEAD_COUNT_CAP })).length));
  const telemetry = alerting?.telemetry;
  const queueFill = new Map<string, number>();
  if (telemetry) for (const name of telemetry.queueFill.keys()) queueFill.set(name, telemetry.queueFill.over(name, now - HOUR_MS, now + 1) ?? 0);
  return {
    at: now,
    telemetry: telemetry !== undefined,
    queue: await queue.counts(),
    queueFill,
    providers: providers.map((provider, index) => {
      const dead = deadByProvider[index] as number;
      const health = telemetry ? providerHealth(telemetry, provider, now, dead) : emptyHealth(provider, dead);
      return { ...health, business: business?.panel(provider) };
    }),
    alerts: alerting?.active() ?? [],
  };
}

function emptyHealth(provider: string, deadLetters: number): ProviderHealth {
  return {
    provider,
    calls: 0,
    failures: 0,
    failuresByKind: new Map(),
    rateLimited: 0,
    unknownEnums: 0,
    drift: 0,
    unknownFirstSeen: undefined,
    driftFirstSeen: undefined,
    callSeries: [],
    failureSeries: [],
    deadLetters,
    reconciliations: [],
    endpoints: [],
  };
}
