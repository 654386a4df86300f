import { ERROR_KINDS } from '@interlock/core';
import { callKey, countedKey, failureKey, splitKey, type AlertTelemetry } from './alert-telemetry.js';
import type { SignalSpec } from './rules.js';
import type { Subject } from './types.js';

/** One subject's value for a rule now; `undefined` when there is too little to tell (counts as clear). */
export interface Measurement {
  subject: Subject;
  value: number | undefined;
  /** The facts behind the value, for the person told; undefined keeps what was said last. */
  detail: string | undefined;
}

const MINUTE = 60_000;
// Each window is [now - its length, now]: what happened this very instant counts (windows end at `now + 1`).
const percent = (ratio: number): string => `${(ratio * 100).toFixed(1)}%`;

function providersWith(telemetry: AlertTelemetry, prefix: string): Set<string> {
  const providers = new Set<string>();
  for (const key of telemetry.counts.keys()) {
    const [kind, provider] = splitKey(key);
    if (kind === prefix && provider !== undefined) providers.add(provider);
  }
  return providers;
}

function circuitOpenEverywhere(telemetry: AlertTelemetry, now: number): Measurement[] {
  return [...telemetry.circuitsByProvider()].map(([provider, endpoints]) => {
    const circuits = [...endpoints.values()];
    const open = circuits.filter((circuit) => circuit.openSince !== undefined);
    if (open.length < circuits.length) return { subject: { provider }, value: 0, detail: `${open.length} of ${circuits.length} endpoints open` };
    const since = Math.max(...open.map((circuit) => circuit.openSince as number));
    const seconds = (now - since) / 1_000;
    return { subject: { provider }, value: seconds, detail: `all ${circuits.length} endpoints open for ${Math.floor(seconds / 60)} min` };
  });
}

function errorRate(telemetry: AlertTelemetry, signal: Extract<SignalSpec, { kind: 'error_rate' }>, now: number): Measurement[] {
  const from = now - signal.windowMinutes * MINUTE;
  const counted = ERROR_KINDS.filter((kind) => !signal.ignoreKinds.includes(kind));
  return [...providersWith(telemetry, 'call')].map((provider) => {
    const calls = telemetry.counts.sum(callKey(provider), from, now + 1);
    const failed = counted.reduce((sum, kind) => sum + telemetry.counts.sum(failureKey(provider, kind), from, now + 1), 0);
    const detail = `${failed} of ${calls} calls failed in ${signal.windowMinutes} min`;
    return { subject: { provider }, value: calls < signal.minRequests ? undefined : failed / calls, detail: calls > 0 ? `${percent(failed / calls)}: ${detail}` : detail };
  });
}

function queueFill(telemetry: AlertTelemetry, signal: Extract<SignalSpec, { kind: 'queue_fill' }>, now: number): Measurement[] {
  const from = now - signal.windowMinutes * MINUTE;
  return [...telemetry.queueFill.keys()].map((queue) => {
    const value = telemetry.queueFill.over(queue, from, now + 1);
    return { subject: { queue }, value, detail: value === undefined ? 'no samples' : `at most ${percent(value)} of its maximum in ${signal.windowMinutes} min` };
  });
}

function latencyGrowth(telemetry: AlertTelemetry, signal: Extract<SignalSpec, { kind: 'latency_growth' }>, now: number): Measurement[] {
  const from = now - signal.windowMinutes * MINUTE;
  const baselineFrom = from - signal.baselineMinutes * MINUTE;
  const label = `p${Math.round(signal.quantile * 100)}`;
  return [...telemetry.latencies.keys()].map((key) => {
    const [provider = '', endpoint = ''] = splitKey(key);
    const current = telemetry.latencies.quantile(key, from, now + 1, signal.quantile);
    const baseline = telemetry.latencies.quantile(key, baselineFrom, from, signal.quantile);
    const enough = current.samples >= signal.minSamples && baseline.samples >= signal.minSamples && current.value !== undefined && baseline.value !== undefined;
    const value = enough ? (current.value as number) / (baseline.value as number) : undefined;
    const detail = enough
      ? `${label} ${Math.round(current.value as number)} ms over ${signal.windowMinutes} min against ${Math.round(baseline.value as number)} ms over the ${signal.baselineMinutes} min before`
      : `too few samples (${current.samples} now, ${baseline.samples} before)`;
    return { subject: { provider, endpoint }, value, detail };
  });
}

function latencySla(telemetry: AlertTelemetry, signal: Extract<SignalSpec, { kind: 'latency_sla' }>, now: number): Measurement[] {
  const from = now - signal.windowMinutes * MINUTE;
  const label = `p${Math.round(signal.quantile * 100)}`;
  return [...telemetry.latencies.keys()].flatMap((key) => {
    const [provider = '', endpoint = ''] = splitKey(key);
    const sla = signal.slaMs[provider];
    if (sla === undefined) return [];
    const current = telemetry.latencies.quantile(key, from, now + 1, signal.quantile);
    const value = current.samples >= signal.minSamples && current.value !== undefined ? current.value / sla : undefined;
    const detail = value === undefined ? `too few samples (${current.samples})` : `${label} ${Math.round(current.value as number)} ms over ${signal.windowMinutes} min against an SLA of ${sla} ms`;
    return [{ subject: { provider, endpoint }, value, detail }];
  });
}

function reconciliation(telemetry: AlertTelemetry, signal: Extract<SignalSpec, { kind: 'reconciliation' }>): Measurement[] {
  return [...telemetry.latestReconciliations()].map((facts) => ({
    subject: { provider: facts.provider, reconciliation: facts.name },
    value: facts[signal.part],
    detail:
      signal.part === 'money'
        ? `${facts.money} money differences (currency sums or record amounts) in the last run`
        : `${facts.counts} records missing, extra or duplicated in the last run`,
  }));
}

function eventCount(telemetry: AlertTelemetry, signal: Extract<SignalSpec, { kind: 'event_count' }>, now: number): Measurement[] {
  const from = now - signal.windowMinutes * MINUTE;
  return [...providersWith(telemetry, signal.event)].map((provider) => {
    const count = telemetry.counts.sum(countedKey(signal.event, provider), from, now + 1);
    return { subject: { provider }, value: count, detail: `${count} in ${signal.windowMinutes} min` };
  });
}

/** Every subject's value for a signal now. */
export function measure(signal: SignalSpec, telemetry: AlertTelemetry, now: number): Measurement[] {
  switch (signal.kind) {
    case 'circuit_open_everywhere':
      return circuitOpenEverywhere(telemetry, now);
    case 'error_rate':
      return errorRate(telemetry, signal, now);
    case 'queue_fill':
      return queueFill(telemetry, signal, now);
    case 'latency_growth':
      return latencyGrowth(telemetry, signal, now);
    case 'latency_sla':
      return latencySla(telemetry, signal, now);
    case 'reconciliation':
      return reconciliation(telemetry, signal);
    case 'event_count':
      return eventCount(telemetry, signal, now);
  }
}

/** The longest history any of these signals reads. */
export function longestWindowMs(signals: readonly SignalSpec[]): number {
  return Math.max(
    MINUTE,
    ...signals.map((signal) => {
      if (signal.kind === 'latency_growth') return (signal.windowMinutes + signal.baselineMinutes) * MINUTE;
      return 'windowMinutes' in signal ? signal.windowMinutes * MINUTE : 0;
    }),
  );
}
