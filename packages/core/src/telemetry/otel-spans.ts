import { context, SpanKind, SpanStatusCode, trace, type Attributes, type Span, type Tracer } from '@opentelemetry/api';
import type { TelemetryEvent } from './events.js';
import type { TelemetrySink } from './telemetry.js';

export interface OtelSpanSinkOptions {
  /** Default: the tracer of whatever provider is registered globally, now or later. */
  tracer?: Tracer | undefined;
  /**
   * Calls traced at once. A call that never reports its end (its caller aborted it) would stay
   * open for good, so past this many the oldest is ended where it stands. Default 10,000.
   */
  maxOpenCalls?: number | undefined;
}

type Event<T extends TelemetryEvent['type']> = Extract<TelemetryEvent, { type: T }>;
type RateLimitWait = Event<'rate_limit.waited'>;
type CircuitChange = Event<'circuit.state_changed'>;

interface OpenCall {
  span: Span;
  provider: string;
  endpoint: string;
  /** Requests sent so far: every one after the first is a resend. */
  sent: number;
}

const TRACER_NAME = '@interlock/core';
const DEFAULT_MAX_OPEN_CALLS = 10_000;

/** The span event an Interlock event becomes: its own type, under our namespace. */
function spanEventName(event: TelemetryEvent): string {
  return `interlock.${event.type}`;
}

/**
 * One OpenTelemetry CLIENT span per provider call, built from the client's telemetry events (so
 * the request path knows nothing about tracing), following the HTTP client semantic conventions:
 * `http.request.method`, `server.address`/`server.port`, the endpoint's name in place of
 * `url.template`, `http.response.status_code`, `error.type`, `http.request.resend_count`. Retries,
 * rate-limit waits and circuit changes are span events. A call's span starts on the first event
 * emitted in its caller's async context, so it is parented to the caller's active span.
 *
 * With no OpenTelemetry SDK registered every span is non-recording: nothing is kept, and the cost
 * is a map lookup per event.
 */
export class OtelSpanSink implements TelemetrySink {
  private readonly tracer: Tracer;
  private readonly maxOpenCalls: number;
  private readonly open = new Map<string, OpenCall>();
  /** Waits reported before their call's first request: emitted where the limiter's timer fired, not in the caller's context. */
  private readonly waits = new Map<string, RateLimitWait[]>();
  /** Circuit changes no traced call was in flight for: the next call on that endpoint is the one that read them. */
  private readonly unclaimedChanges = new Map<string, CircuitChange>();

  constructor(options: OtelSpanSinkOptions = {}) {
    this.tracer = options.tracer ?? trace.getTracer(TRACER_NAME);
    this.maxOpenCalls = options.maxOpenCalls ?? DEFAULT_MAX_OPEN_CALLS;
  }

  emit(event: TelemetryEvent): void {
    switch (event.type) {
      case 'rate_limit.waited':
        return this.waited(event);
      case 'request.started': {
        const call = this.callFor(event, event.method);
        if (!call) return;
        call.sent++;
        if (call.sent === 1) {
          call.span.updateName(`${event.method} ${event.endpoint}`);
          call.span.setAttributes(serverAttributes(event.origin));
        }
        return;
      }
      case 'request.finished':
        return this.finished(event);
      case 'request.retried': {
        const call = this.callFor(event);
        call?.span.addEvent(
          spanEventName(event),
          { 'interlock.attempt': event.attempt, 'interlock.delay_ms': event.delayMs, 'interlock.reason': event.reason, 'interlock.error.kind': event.errorKind },
          event.at,
        );
        return;
      }
      case 'request.gave_up': {
        const call = this.callFor(event);
        if (!call) return;
        call.span.setAttributes({ 'error.type': event.errorKind, 'interlock.error.kind': event.errorKind, 'interlock.reason': event.reason });
        call.span.setStatus({ code: SpanStatusCode.ERROR, message: event.reason });
        return this.end(event.correlationId, call, event.at);
      }
      case 'circuit.state_changed':
        return this.circuitChanged(event);
      default:
        return;
    }
  }

  private waited(event: RateLimitWait): void {
    const call = this.open.get(event.correlationId);
    if (call) {
      addWait(call.span, event);
      return;
    }
    const pending = this.waits.get(event.correlationId);
    if (pending) pending.push(event);
    else {
      this.waits.set(event.correlationId, [event]);
      this.trim(this.waits);
    }
  }

  private finished(event: Event<'request.finished'>): void {
    const call = this.open.get(event.correlationId);
    if (!call) return;
    if (event.status !== undefined) call.span.setAttribute('http.response.status_code', event.status);
    // A failure is followed by a retry or the end of the call; only a success ends it here.
    if (event.outcome === 'success') this.end(event.correlationId, call, event.at);
  }

  private circuitChanged(event: CircuitChange): void {
    let claimed = false;
    for (const call of this.open.values()) {
      if (call.provider !== event.provider || call.endpoint !== event.endpoint) continue;
      addCircuitChange(call.span, event);
      claimed = true;
    }
    if (!claimed) this.unclaimedChanges.set(endpointKey(event.provider, event.endpoint), event);
  }

  /** The call's open span, started now (in the caller's context) if this is its first event. */
  private callFor(event: Event<'request.started' | 'request.retried' | 'request.gave_up'>, method?: string): OpenCall | undefined {
    const known = this.open.get(event.correlationId);
    if (known) return known;
    const waits = this.waits.get(event.correlationId);
    this.waits.delete(event.correlationId);
    const startTime = waits?.[0] ? waits[0].at - waits[0].waitMs : event.at;
    const span = this.tracer.startSpan(event.endpoint, { kind: SpanKind.CLIENT, startTime }, context.active());
    // Nothing more is built for a span no SDK records: that is every span of a library user without one.
    if (!span.isRecording()) return undefined;
    const attributes: Attributes = { 'interlock.provider': event.provider, 'interlock.endpoint': event.endpoint, 'interlock.correlation_id': event.correlationId };
    if (method !== undefined) attributes['http.request.method'] = method;
    span.setAttributes(attributes);
    for (const wait of waits ?? []) addWait(span, wait);
    const key = endpointKey(event.provider, event.endpoint);
    const change = this.unclaimedChanges.get(key);
    if (change) {
      addCircuitChange(span, change);
      this.unclaimedChanges.delete(key);
    }
    const call: OpenCall = { span, provider: event.provider, endpoint: event.endpoint, sent: 0 };
    this.open.set(event.correlationId, call);
    this.trim(this.open, (oldest) => oldest.span.end());
    return call;
  }

  private end(correlationId: string, call: OpenCall, at: number): void {
    if (call.sent > 1) call.span.setAttribute('http.request.resend_count', call.sent - 1);
    call.span.end(at);
    this.open.delete(correlationId);
  }

  private trim<V>(map: Map<string, V>, drop?: (value: V) => void): void {
    while (map.size > this.maxOpenCalls) {
      const [key, value] = map.entries().next().value as [string, V];
      map.delete(key);
      drop?.(value);
    }
  }
}

function endpointKey(provider: string, endpoint: string): string {
  return `${provider}\u0000${endpoint}`;
}

function addWait(span: Span, event: RateLimitWait): void {
  span.addEvent(spanEventName(event), { 'interlock.wait_ms': event.waitMs, 'interlock.limiter': event.limiter }, event.at);
}

function addCircuitChange(span: Span, event: CircuitChange): void {
  span.addEvent(spanEventName(event), { 'interlock.circuit.from': event.from, 'interlock.circuit.to': event.to, 'interlock.reason': event.reason }, event.at);
}

/** `server.address` and `server.port` from the request's origin (scheme, host, port: never a path or a query). */
function serverAttributes(origin: string | undefined): Attributes {
  if (origin === undefined) return {};
  const url = new URL(origin);
  const port = url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port);
  return { 'server.address': url.hostname, 'server.port': port };
}
