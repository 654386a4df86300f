import type { FaultReply, RecordedRequest } from '@interlock/core/testing';

/** What goes wrong with one response. */
export type Fault =
  | { type: 'status'; status: number; headers?: Readonly<Record<string, string>>; body?: unknown }
  | { type: 'rate_limit'; retryAfterSeconds: number }
  | { type: 'latency'; ms: number }
  | { type: 'timeout'; ms?: number }
  | { type: 'reset' }
  /** The provider does the work, then the connection drops before the answer: what idempotency keys exist for. */
  | { type: 'lost_response' }
  | { type: 'drift'; rename?: Readonly<Record<string, string>>; set?: Readonly<Record<string, unknown>> };

/**
 * When a fault applies: to requests matching `match`, inside a window of virtual time since the
 * simulator started (`from`/`until`, e.g. a ten-minute outage), with a probability, at most
 * `times` times.
 */
export interface FaultRule {
  name?: string;
  match?: { method?: string; path?: string | RegExp };
  from?: number;
  until?: number;
  probability?: number;
  times?: number;
  fault: Fault;
}

export interface FaultScenario {
  rules: readonly FaultRule[];
}

/** The fault chosen for one request, and what it does to the reply. */
export interface FaultDecision {
  rule: FaultRule;
  /** A reply that replaces the normal one (5xx, 429, reset), or undefined when the fault only alters it. */
  replacement?: FaultReply;
  /** Virtual delay before answering. */
  delayMs?: number;
  /** Changes to a successful JSON body. */
  drift?: Extract<Fault, { type: 'drift' }>;
  /** Process the request, then drop the connection instead of answering. */
  loseResponse?: boolean;
}

const DEFAULT_TIMEOUT_MS = 600_000;

function matches(rule: FaultRule, request: RecordedRequest, elapsedMs: number): boolean {
  if (rule.from !== undefined && elapsedMs < rule.from) return false;
  if (rule.until !== undefined && elapsedMs >= rule.until) return false;
  const { method, path } = rule.match ?? {};
  if (method !== undefined && method.toUpperCase() !== request.method) return false;
  if (path === undefined) return true;
  return typeof path === 'string' ? path === request.path : path.test(request.path);
}

function decisionFor(rule: FaultRule): FaultDecision {
  const fault = rule.fault;
  switch (fault.type) {
    case 'status':
      return { rule, replacement: { status: fault.status, headers: fault.headers ?? {}, body: fault.body ?? { error: { message: 'injected fault' } } } };
    case 'rate_limit':
      return {
        rule,
        replacement: { status: 429, headers: { 'retry-after': String(fault.retryAfterSeconds) }, body: { error: { message: 'rate limited' } } },
      };
    case 'latency':
      return { rule, delayMs: fault.ms };
    case 'timeout':
      return { rule, delayMs: fault.ms ?? DEFAULT_TIMEOUT_MS };
    case 'reset':
      return { rule, replacement: { reset: true } };
    case 'lost_response':
      return { rule, loseResponse: true };
    case 'drift':
      return { rule, drift: fault };
  }
}

/** Applies a scenario's rules in order; the first that fires decides. Counts what it injected. */
export class FaultInjector {
  private readonly used = new Map<FaultRule, number>();
  readonly injected = new Map<string, number>();

  constructor(
    private scenario: FaultScenario,
    private readonly random: () => number,
  ) {}

  replace(scenario: FaultScenario): void {
    this.scenario = scenario;
    this.used.clear();
  }

  decide(request: RecordedRequest, elapsedMs: number): FaultDecision | undefined {
    for (const rule of this.scenario.rules) {
      if (!matches(rule, request, elapsedMs)) continue;
      const used = this.used.get(rule) ?? 0;
      if (rule.times !== undefined && used >= rule.times) continue;
      if (rule.probability !== undefined && this.random() >= rule.probability) continue;
      this.used.set(rule, used + 1);
      const label = rule.name ?? rule.fault.type;
      this.injected.set(label, (this.injected.get(label) ?? 0) + 1);
      return decisionFor(rule);
    }
    return undefined;
  }
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    if (typeof next !== 'object' || next === null) return;
    node = next as Record<string, unknown>;
  }
  node[parts[parts.length - 1] as string] = value;
}

/** A renamed field or a new value (a new enum member) in an otherwise normal body. */
export function applyDrift(body: unknown, drift: Extract<Fault, { type: 'drift' }>): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  const copy = structuredClone(body) as Record<string, unknown>;
  for (const [from, to] of Object.entries(drift.rename ?? {})) {
    if (from in copy) {
      copy[to] = copy[from];
      delete copy[from];
    }
  }
  for (const [path, value] of Object.entries(drift.set ?? {})) setPath(copy, path, value);
  return copy;
}
