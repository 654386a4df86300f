import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OtelSpanSink } from '../../src/index.js';
import { failureOf } from '../support/failure.js';
import { harness } from '../support/harness.js';

const endpoints = {
  getThing: { method: 'GET', path: '/things/{id}', retry: { maxAttempts: 4 }, rateLimits: [{ limit: 1, windowMs: 1_000 }] },
  createThing: { method: 'POST', path: '/things', retry: { maxAttempts: 2 } },
} as const;

let exporter: InMemorySpanExporter;
let provider: BasicTracerProvider;

beforeEach(() => {
  exporter = new InMemorySpanExporter();
  provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
});

afterEach(async () => {
  await provider.shutdown();
  context.disable();
  trace.disable();
});

function clientSpans(): ReadableSpan[] {
  return exporter.getFinishedSpans().filter((span) => span.kind === SpanKind.CLIENT);
}

describe('OtelSpanSink: one client span per provider call', () => {
  it('a call with a rate-limit wait and a retry is one span, with both as events and the HTTP attributes', async () => {
    const sink = new OtelSpanSink({ tracer: provider.getTracer('test') });
    const { server, client, clock } = await harness(endpoints, { breaker: false, telemetry: [sink] });
    server.script('GET', '/things/1', [{ status: 200, body: {} }, { status: 503 }]);
    server.route('GET', '/things/1', () => ({ status: 200, body: { id: '1' } }));
    await client.request('getThing', { pathParams: { id: '1' } });
    exporter.reset();
    const started = clock.now();

    const parent = provider.getTracer('test').startSpan('apply');
    await context.with(trace.setSpan(context.active(), parent), () => client.request('getThing', { pathParams: { id: '1' } }));
    parent.end();

    const [span, ...others] = clientSpans();
    expect(others).toHaveLength(0);
    expect(span!.name).toBe('GET getThing');
    expect(span!.parentSpanContext?.spanId).toBe(parent.spanContext().spanId);
    expect(span!.spanContext().traceId).toBe(parent.spanContext().traceId);
    expect(span!.attributes).toMatchObject({
      'http.request.method': 'GET',
      'server.address': '127.0.0.1',
      'server.port': Number(new URL(server.url).port),
      'interlock.endpoint': 'getThing',
      'interlock.provider': 'acme',
      'http.response.status_code': 200,
      'http.request.resend_count': 1,
    });
    expect(span!.attributes['error.type']).toBeUndefined();
    expect(span!.status.code).toBe(SpanStatusCode.UNSET);
    expect(span!.events.map((event) => event.name)).toEqual(['interlock.rate_limit.waited', 'interlock.request.retried', 'interlock.rate_limit.waited']);
    expect(span!.events[1]!.attributes).toMatchObject({ 'interlock.reason': 'http_503', 'interlock.error.kind': 'unavailable', 'interlock.attempt': 1 });
    // The span starts when the call asked for its slot, before the wait, on the client's clock.
    expect(span!.startTime).toEqual(msToHrTime(started));
    expect(Number(span!.events[0]!.attributes?.['interlock.wait_ms'])).toBeGreaterThan(0);
  });

  it('a call that gives up ends its span with error.type and an error status', async () => {
    const sink = new OtelSpanSink({ tracer: provider.getTracer('test') });
    const { server, client } = await harness(endpoints, { breaker: false, telemetry: [sink] });
    server.route('POST', '/things', () => ({ status: 503 }));
    await failureOf(client.request('createThing', { body: { name: 'x' } }));
    const [span, ...others] = clientSpans();
    expect(others).toHaveLength(0);
    expect(span!.name).toBe('POST createThing');
    expect(span!.attributes).toMatchObject({ 'error.type': 'unavailable', 'http.response.status_code': 503, 'http.request.resend_count': 1 });
    expect(span!.status).toMatchObject({ code: SpanStatusCode.ERROR });
  });

  it('a circuit that opens is an event on the call that opened it; a refused call still gets a span', async () => {
    const sink = new OtelSpanSink({ tracer: provider.getTracer('test') });
    const { server, client } = await harness(endpoints, { breaker: { minimumThroughput: 1, failureRatio: 0.5 }, telemetry: [sink] });
    server.route('POST', '/things', () => ({ status: 503 }));
    await failureOf(client.request('createThing', { body: { name: 'x' } }));
    const tripped = clientSpans()[0]!;
    expect(tripped.events.filter((event) => event.name === 'interlock.circuit.state_changed').map((event) => event.attributes?.['interlock.circuit.to'])).toEqual(['open']);
    exporter.reset();
    await failureOf(client.request('createThing', { body: { name: 'y' } }));
    const [refused] = clientSpans();
    expect(refused!.attributes['interlock.reason']).toBe('circuit_open');
    expect(server.count('POST', '/things')).toBe(1);
  });

  it('records nothing when no tracer provider is registered', async () => {
    const sink = new OtelSpanSink();
    const { server, client } = await harness(endpoints, { breaker: false, telemetry: [sink] });
    server.route('GET', '/things/1', () => ({ status: 200, body: {} }));
    await client.request('getThing', { pathParams: { id: '1' } });
    expect(exporter.getFinishedSpans()).toHaveLength(0);
  });
});

function msToHrTime(ms: number): [number, number] {
  return [Math.trunc(ms / 1_000), (ms % 1_000) * 1_000_000];
}

describe('OtelSpanSink: parents', () => {
  it('a call that waited in the request queue is the child of its own caller, not of the call it waited behind', async () => {
    const sink = new OtelSpanSink({ tracer: provider.getTracer('test') });
    const { server, client } = await harness(endpoints, { breaker: false, telemetry: [sink], queue: { concurrency: 1 } });
    server.route('POST', '/things', () => ({ status: 200, body: {}, delayMs: 100 }));
    const tracer = provider.getTracer('test');
    const callers = ['first', 'second'].map((name) => tracer.startSpan(name));
    await Promise.all(callers.map((caller) => context.with(trace.setSpan(context.active(), caller), () => client.request('createThing', { body: {} }))));
    const parents = clientSpans().map((span) => span.parentSpanContext?.spanId).sort();
    expect(parents).toEqual(callers.map((caller) => caller.spanContext().spanId).sort());
  });
});
