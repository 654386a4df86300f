import { context, propagation, SpanKind, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { createProviderClient, defineConnector } from '@interlock/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DESCRIPTORS, drained, post, testHub } from './support.js';
import { unsignedDescriptor } from './toy/toy-connector.js';

/**
 * The toy provider whose webhooks only name a ticket, so applying one reads it from the provider;
 * here its reads go through core's provider client with the sinks the hub hands it, as a real
 * connector's do.
 */
const UNSIGNED = { name: 'helpdesk', connector: './toy/toy-unsigned-traced.ts' };
const viaProviderClient = defineConnector({
  ...unsignedDescriptor,
  create: (config, context) => {
    const client = createProviderClient({
      provider: 'helpdesk',
      baseUrl: config.baseUrl,
      endpoints: { getTicket: { method: 'GET', path: '/tickets/{id}' } },
      telemetry: context.telemetry,
    });
    const read: typeof fetch = async (input) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      const id = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
      const response = await client.request('getTicket', { pathParams: { id } });
      return new Response(JSON.stringify(response.body), { status: response.status });
    };
    return unsignedDescriptor.create(config, { ...context, fetch: read });
  },
});
const TOKEN = { 'x-api-token': 'tok_new_value_456' };

const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });

beforeAll(() => {
  trace.setGlobalTracerProvider(provider);
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
});

afterAll(async () => {
  await provider.shutdown();
  trace.disable();
  context.disable();
  propagation.disable();
});

beforeEach(() => exporter.reset());

function only(spans: readonly ReadableSpan[], kind: SpanKind): ReadableSpan {
  const found = spans.filter((span) => span.kind === kind);
  expect(found, SpanKind[kind]).toHaveLength(1);
  return found[0] as ReadableSpan;
}

async function oneWebhook(headers: Readonly<Record<string, string>>): Promise<ReadableSpan[]> {
  const run = await testHub((toy) => ({ providers: [{ ...UNSIGNED, options: { baseUrl: toy.url } }] }), true, { ...DESCRIPTORS, [UNSIGNED.connector]: viaProviderClient });
  try {
    run.toy.change('T1', 'closed', Date.parse('2026-12-01T10:00:00Z'));
    const body = JSON.stringify({ id: 'evt_A', type: 'ticket.changed', at: new Date().toISOString(), ticket: { id: 'T1' } });
    await expect(post(`${run.hub.url}/webhooks/helpdesk`, body, { ...TOKEN, ...headers })).resolves.toMatchObject({ status: 200 });
    await drained(run.hub);
    expect(await run.hub.integrity.getRecord({ provider: 'helpdesk', recordType: 'ticket', recordId: 'T1' })).toMatchObject({ status: 'closed' });
  } finally {
    await run.cleanup();
  }
  return exporter.getFinishedSpans();
}

describe('traces: one webhook is one trace, from the ingress to the applied record', () => {
  it('the ingress span, the apply span and the provider read it made share one trace, each the child of the one before', async () => {
    const spans = await oneWebhook({});
    expect(new Set(spans.map((span) => span.spanContext().traceId)).size).toBe(1);
    const ingress = only(spans, SpanKind.SERVER);
    const apply = only(spans, SpanKind.CONSUMER);
    const read = only(spans, SpanKind.CLIENT);
    expect(ingress.parentSpanContext).toBeUndefined();
    expect(ingress.name).toBe('POST /webhooks/{provider}');
    expect(ingress.attributes).toMatchObject({ 'http.route': '/webhooks/{provider}', 'http.response.status_code': 200, 'interlock.provider': 'helpdesk' });
    expect(apply.parentSpanContext?.spanId).toBe(ingress.spanContext().spanId);
    expect(apply.attributes).toMatchObject({ 'interlock.provider': 'helpdesk', 'interlock.event.outcome': 'applied' });
    expect(read.parentSpanContext?.spanId).toBe(apply.spanContext().spanId);
    expect(read.attributes).toMatchObject({ 'http.request.method': 'GET', 'server.address': '127.0.0.1', 'http.response.status_code': 200 });
  });

  it("continues the sender's trace when the webhook carries a traceparent", async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const spans = await oneWebhook({ traceparent: `00-${traceId}-00f067aa0ba902b7-01` });
    expect(new Set(spans.map((span) => span.spanContext().traceId))).toEqual(new Set([traceId]));
    expect(only(spans, SpanKind.SERVER).parentSpanContext?.spanId).toBe('00f067aa0ba902b7');
  });
});
