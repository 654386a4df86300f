import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { context, propagation, trace } from '@opentelemetry/api';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startTracing, tracingRequested } from '../src/tracing/otel-sdk.js';

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
});

describe('startTracing', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    trace.disable();
    context.disable();
    propagation.disable();
  });

  it('with nothing set registers nothing: spans stay non-recording', async () => {
    const tracing = startTracing();
    expect(trace.getTracer('t').startSpan('x').isRecording()).toBe(false);
    await tracing.shutdown();
  });

  it('exports over OTLP where OTEL_* says, named interlock-hub unless OTEL_SERVICE_NAME says otherwise', async () => {
    const received: { path: string | undefined; headers: IncomingHttpHeaders; body: string }[] = [];
    const collector = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        received.push({ path: req.url, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    try {
      vi.stubEnv('OTEL_TRACES_EXPORTER', 'otlp');
      vi.stubEnv('OTEL_EXPORTER_OTLP_PROTOCOL', 'http/json');
      vi.stubEnv('OTEL_EXPORTER_OTLP_ENDPOINT', `http://127.0.0.1:${(collector.address() as AddressInfo).port}`);
      const tracing = startTracing();
      trace.getTracer('test').startSpan('one webhook').end();
      await tracing.shutdown();
      expect(received.map((request) => request.path)).toEqual(['/v1/traces']);
      expect(received[0]?.body).toContain('one webhook');
      expect(received[0]?.body).toContain('interlock-hub');
    } finally {
      await new Promise((resolve) => collector.close(resolve));
    }
  });
});
