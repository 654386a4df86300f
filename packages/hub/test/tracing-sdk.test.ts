import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { context, propagation, trace } from '@opentelemetry/api';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MetricsRegistry } from '../src/metrics/registry.js';
import { metricsExporterRequested, prepareOpenTelemetry, tracingRequested } from '../src/tracing/otel-sdk.js';

describe('the OpenTelemetry SDK is off unless the environment asks for traces', () => {
  it.each([
    [{}, false],
    [{ OTEL_SERVICE_NAME: 'hub' }, false],
    [{ OTEL_TRACES_EXPORTER: 'none' }, false],
    [{ OTEL_TRACES_EXPORTER: 'otlp' }, true],
    [{ OTEL_TRACES_EXPORTER: 'console, otlp' }, true],
    [{ OTEL_TRACES_EXPORTER: 'otlp,none' }, false],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' }, true],
    [{ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://127.0.0.1:4318/v1/traces' }, true],
    [{ OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' }, false],
    [{ OTEL_TRACES_EXPORTER: 'otlp', OTEL_SDK_DISABLED: 'true' }, false],
    [{ OTEL_TRACES_EXPORTER: 'otlp', OTEL_SDK_DISABLED: 'false' }, true],
  ])('%j: %s', (env, expected) => {
    expect(tracingRequested(env)).toBe(expected);
  });

  it.each([
    [{}, undefined],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' }, undefined],
    [{ OTEL_METRICS_EXPORTER: 'otlp' }, 'otlp'],
    [{ OTEL_METRICS_EXPORTER: 'console' }, 'console'],
    [{ OTEL_METRICS_EXPORTER: 'prometheus' }, undefined],
    [{ OTEL_METRICS_EXPORTER: 'otlp,none' }, undefined],
    [{ OTEL_METRICS_EXPORTER: 'otlp', OTEL_SDK_DISABLED: 'TRUE' }, undefined],
  ])('metrics %j: %s', (env, expected) => {
    expect(metricsExporterRequested(env)).toBe(expected);
  });
});

/** A local OTLP collector: every request it receives, path and body. */
async function collector(): Promise<{ url: string; received: { path: string | undefined; body: string }[]; close(): Promise<void> }> {
  const received: { path: string | undefined; body: string }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ path: req.url, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('startOpenTelemetry', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    trace.disable();
    context.disable();
    propagation.disable();
  });

  it('with nothing set registers nothing: spans stay non-recording', async () => {
    const tracing = (await prepareOpenTelemetry())(new MetricsRegistry());
    expect(trace.getTracer('t').startSpan('x').isRecording()).toBe(false);
    await tracing.shutdown();
  });

  it('exports traces over OTLP where OTEL_* says, named interlock-hub unless OTEL_SERVICE_NAME says otherwise, and no metrics unless asked', async () => {
    const otlp = await collector();
    try {
      vi.stubEnv('OTEL_TRACES_EXPORTER', 'otlp');
      vi.stubEnv('OTEL_EXPORTER_OTLP_PROTOCOL', 'http/json');
      vi.stubEnv('OTEL_EXPORTER_OTLP_ENDPOINT', otlp.url);
      const tracing = (await prepareOpenTelemetry())(new MetricsRegistry());
      trace.getTracer('test').startSpan('one webhook').end();
      await tracing.shutdown();
      expect(otlp.received.map((request) => request.path)).toEqual(['/v1/traces']);
      expect(otlp.received[0]?.body).toContain('one webhook');
      expect(otlp.received[0]?.body).toContain('interlock-hub');
    } finally {
      await otlp.close();
    }
  });

  it("exports the registry's metrics over OTLP when OTEL_METRICS_EXPORTER asks, and no traces unless asked", async () => {
    const otlp = await collector();
    try {
      vi.stubEnv('OTEL_METRICS_EXPORTER', 'otlp');
      vi.stubEnv('OTEL_EXPORTER_OTLP_METRICS_PROTOCOL', 'http/json');
      // The metrics' own endpoint: OTEL_EXPORTER_OTLP_ENDPOINT would ask for traces as well.
      vi.stubEnv('OTEL_EXPORTER_OTLP_METRICS_ENDPOINT', `${otlp.url}/v1/metrics`);
      const registry = new MetricsRegistry();
      registry.counter('interlock_webhooks_total', 'Webhooks received').inc({ provider: 'acme', outcome: 'accepted' }, 3);
      const ack = registry.histogram('interlock_ack_seconds', 'Time to acknowledge', [0.01, 0.1]);
      for (const seconds of [0.005, 0.05, 0.5]) ack.observe({ provider: 'acme' }, seconds);
      registry.gauge({ name: 'interlock_events_queued', help: 'Events waiting', read: () => Promise.resolve([{ labels: {}, value: 2 }]) });
      const telemetry = (await prepareOpenTelemetry())(registry);
      expect(trace.getTracer('t').startSpan('x').isRecording()).toBe(false);
      await telemetry.shutdown();
      expect(otlp.received.map((request) => request.path)).toEqual(['/v1/metrics']);
      const body = JSON.parse(otlp.received[0]?.body ?? '{}') as { resourceMetrics: { scopeMetrics: { metrics: { name: string; sum?: unknown; gauge?: unknown; histogram?: unknown }[] }[] }[] };
      const metrics = body.resourceMetrics.flatMap((resource) => resource.scopeMetrics.flatMap((scope) => scope.metrics));
      expect(metrics.find((metric) => metric.name === 'interlock_webhooks_total')?.sum).toMatchObject({
        isMonotonic: true,
        dataPoints: [{ asDouble: 3, attributes: expect.arrayContaining([{ key: 'provider', value: { stringValue: 'acme' } }]) as unknown }],
      });
      expect(metrics.find((metric) => metric.name === 'interlock_events_queued')?.gauge).toMatchObject({ dataPoints: [{ asDouble: 2 }] });
      expect(metrics.find((metric) => metric.name === 'interlock_ack_seconds')?.histogram).toMatchObject({
        dataPoints: [{ count: 3, explicitBounds: [0.01, 0.1], bucketCounts: [1, 1, 1] }],
      });
    } finally {
      await otlp.close();
    }
  });
});
