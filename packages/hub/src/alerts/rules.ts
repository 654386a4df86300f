import type { ErrorKind } from '@interlock/core';
import type { Severity } from './types.js';

/** Events counted per provider in a window. */
export type CountedEvent = 'outcome_unknown' | 'unknown_enum' | 'schema_drift' | 'rate_limited';

/** What a rule measures, per subject; see `signals.ts` for how each is read from telemetry. */
export type SignalSpec =
  /** Seconds since every known endpoint of a provider left `closed` (0 while any is closed). */
  | { kind: 'circuit_open_everywhere' }
  /**
   * Failed calls / calls per provider over the window (a call's retries are one call; a refusal by
   * an open circuit is a failed call); below `minRequests` calls there is no value.
   */
  | { kind: 'error_rate'; windowMinutes: number; minRequests: number; ignoreKinds: readonly ErrorKind[] }
  /** The highest depth / max depth of each queue in the window (a `queue.rejected` is a full queue). */
  | { kind: 'queue_fill'; windowMinutes: number }
  /** A quantile of latency per provider and endpoint over the window, divided by the provider's SLA (ms); providers without one are not measured. */
  | { kind: 'latency_sla'; windowMinutes: number; quantile: number; minSamples: number; slaMs: Readonly<Record<string, number>> }
  /** A quantile of latency per provider and endpoint over the window, divided by the same over the baseline before it. */
  | { kind: 'latency_growth'; windowMinutes: number; baselineMinutes: number; quantile: number; minSamples: number }
  /** From the latest reconciliation of each provider and comparison: `money` (sums or amounts differ) or `counts` (records missing, extra, duplicated). */
  | { kind: 'reconciliation'; part: 'money' | 'counts' }
  /** How many such events each provider reported over the window. */
  | { kind: 'event_count'; event: CountedEvent; windowMinutes: number };

/**
 * One rule, as data. A subject's alert fires once its value has been at or above `fireAt` for
 * `forSeconds`, and resolves once it has been below `clearBelow` (or without a value) for
 * `clearForSeconds`; between the two it keeps its state, so a value hovering at the threshold
 * does not flap.
 */
export interface RuleDefinition {
  id: string;
  severity: Severity;
  /** What a firing means, for the person told. */
  title: string;
  unit: 'ratio' | 'seconds' | 'count';
  signal: SignalSpec;
  fireAt: number;
  clearBelow: number;
  forSeconds: number;
  clearForSeconds: number;
  /** While this rule fires on the same subject, this one stays quiet (the worse alert says it). */
  inhibitedBy?: string | undefined;
}

/** Transport failures and provider faults; a declined card or a missing record is an answer, not an error. */
export const DEFAULT_IGNORED_KINDS: readonly ErrorKind[] = ['business_rejected', 'not_found', 'conflict'];

/** The defaults, highest severity first (an inhibiting rule is evaluated before the rules it holds back). */
export const DEFAULT_RULES: readonly RuleDefinition[] = [
  {
    id: 'provider_down',
    severity: 'P0',
    title: 'circuit open on every endpoint',
    unit: 'seconds',
    signal: { kind: 'circuit_open_everywhere' },
    fireAt: 300,
    clearBelow: 1,
    forSeconds: 0,
    clearForSeconds: 60,
  },
  {
    id: 'reconciliation_money',
    severity: 'P0',
    title: 'reconciliation found a money difference',
    unit: 'count',
    signal: { kind: 'reconciliation', part: 'money' },
    fireAt: 1,
    clearBelow: 1,
    forSeconds: 0,
    clearForSeconds: 0,
  },
  {
    id: 'outcome_unknown',
    severity: 'P0',
    title: 'a create whose outcome is unknown',
    unit: 'count',
    signal: { kind: 'event_count', event: 'outcome_unknown', windowMinutes: 60 },
    fireAt: 1,
    clearBelow: 1,
    forSeconds: 0,
    clearForSeconds: 0,
  },
  {
    id: 'error_rate_high',
    severity: 'P1',
    title: 'error rate above 20% over 5 minutes',
    unit: 'ratio',
    signal: { kind: 'error_rate', windowMinutes: 5, minRequests: 20, ignoreKinds: DEFAULT_IGNORED_KINDS },
    fireAt: 0.2,
    clearBelow: 0.15,
    forSeconds: 0,
    clearForSeconds: 120,
    inhibitedBy: 'provider_down',
  },
  {
    id: 'queue_depth',
    severity: 'P1',
    title: 'queue above 80% of its maximum',
    unit: 'ratio',
    signal: { kind: 'queue_fill', windowMinutes: 5 },
    fireAt: 0.8,
    clearBelow: 0.7,
    forSeconds: 0,
    clearForSeconds: 60,
  },
  {
    id: 'latency_sla',
    severity: 'P1',
    title: "p95 latency above the provider's SLA",
    unit: 'ratio',
    signal: { kind: 'latency_sla', windowMinutes: 5, quantile: 0.95, minSamples: 20, slaMs: {} },
    fireAt: 1,
    clearBelow: 0.9,
    forSeconds: 0,
    clearForSeconds: 120,
  },
  {
    id: 'error_rate_elevated',
    severity: 'P2',
    title: 'error rate 5 to 20% over 5 minutes',
    unit: 'ratio',
    signal: { kind: 'error_rate', windowMinutes: 5, minRequests: 20, ignoreKinds: DEFAULT_IGNORED_KINDS },
    fireAt: 0.05,
    clearBelow: 0.03,
    forSeconds: 0,
    clearForSeconds: 120,
    inhibitedBy: 'error_rate_high',
  },
  {
    id: 'latency_p95',
    severity: 'P2',
    title: 'p95 latency more than 50% above the previous 30 minutes',
    unit: 'ratio',
    signal: { kind: 'latency_growth', windowMinutes: 5, baselineMinutes: 30, quantile: 0.95, minSamples: 20 },
    fireAt: 1.5,
    clearBelow: 1.25,
    forSeconds: 0,
    clearForSeconds: 120,
  },
  {
    id: 'reconciliation_counts',
    severity: 'P2',
    title: 'reconciliation found a gap in counts',
    unit: 'count',
    signal: { kind: 'reconciliation', part: 'counts' },
    fireAt: 1,
    clearBelow: 1,
    forSeconds: 0,
    clearForSeconds: 0,
    inhibitedBy: 'reconciliation_money',
  },
  {
    id: 'unknown_enum',
    severity: 'P3',
    title: 'unknown enum value',
    unit: 'count',
    signal: { kind: 'event_count', event: 'unknown_enum', windowMinutes: 24 * 60 },
    fireAt: 1,
    clearBelow: 1,
    forSeconds: 0,
    clearForSeconds: 0,
  },
  {
    id: 'schema_drift',
    severity: 'P3',
    title: 'schema drift',
    unit: 'count',
    signal: { kind: 'event_count', event: 'schema_drift', windowMinutes: 24 * 60 },
    fireAt: 1,
    clearBelow: 1,
    forSeconds: 0,
    clearForSeconds: 0,
  },
  {
    id: 'rate_limited',
    severity: 'P3',
    title: '429s and rate-limit waits above threshold',
    unit: 'count',
    signal: { kind: 'event_count', event: 'rate_limited', windowMinutes: 15 },
    fireAt: 50,
    clearBelow: 25,
    forSeconds: 0,
    clearForSeconds: 300,
  },
];
