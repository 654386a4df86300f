import { money } from '@interlock/core';
import { MemoryTelemetrySink } from '@interlock/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { KEY_ID, KEY_SECRET, stage, type Stage } from './support.js';

let current: Stage | undefined;
afterEach(async () => {
  await current?.close();
  current = undefined;
});

const forms = (secret: string) => [secret, Buffer.from(secret).toString('base64'), encodeURIComponent(secret)];
const basicToken = Buffer.from(`${KEY_ID}:${KEY_SECRET}`).toString('base64');

describe('redaction with Razorpay credentials', () => {
  it('keeps the key id, the key secret and the Basic token out of errors and telemetry, even when echoed back', async () => {
    const sink = new MemoryTelemetrySink();
    current = await stage({ telemetry: [sink] });
    const { connector, simulation } = current;
    // The worst provider: it puts the request's headers into its error description.
    simulation.simulator.route('POST', '/v1/orders', (request) => ({
      status: 400,
      body: { error: { code: 'BAD_REQUEST_ERROR', description: `rejected ${JSON.stringify(request.headers)}`, field: null, source: 'NA', step: 'NA', reason: 'NA', metadata: {} } },
    }));
    const error: unknown = await connector.createPayment({ amount: money(100, 'INR'), captureMethod: 'automatic', reference: 'leak-1' }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(Error);
    expect(simulation.simulator.requests[0]?.headers['authorization']).toBe(`Basic ${basicToken}`);
    const seen = [error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : '', JSON.stringify(error), JSON.stringify(sink.events)].join('\n');
    expect(seen).toContain('[REDACTED]');
    for (const secret of [KEY_ID, KEY_SECRET, basicToken]) for (const form of forms(secret)) expect(seen).not.toContain(form);
  });

  it('reports requests with the key id nowhere in telemetry', async () => {
    const sink = new MemoryTelemetrySink();
    current = await stage({ telemetry: [sink] });
    await current.connector.createPayment({ amount: money(100, 'INR'), captureMethod: 'automatic', reference: 'quiet-1' });
    expect(sink.ofType('request.finished').length).toBeGreaterThan(0);
    expect(JSON.stringify(sink.events)).not.toContain(KEY_SECRET);
    expect(JSON.stringify(sink.events)).not.toContain(KEY_ID);
  });
});
