import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { FakeClock } from '@interlock/core/testing';
import { describe, expect, it } from 'vitest';
import { AddressLimiter } from '../src/ingress/address-limiter.js';
import { post, signedPost, testHub, TOY } from './support.js';

const event = (at: unknown) => ({ id: `evt_${randomUUID()}`, type: 'ticket.open', at, ticket: { id: 'T1', status: 'open', updated_at: new Date().toISOString(), fee: 1 } });

/** Resolves when the server closes the socket, with what it sent before closing. */
function closed(socket: Socket): Promise<string> {
  return new Promise((resolve) => {
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(received));
  });
}

function opened(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });
}

describe('request data never becomes hub state', () => {
  it('counts every unknown provider name in one series, however many names arrive', async () => {
    const { hub, cleanup } = await testHub();
    try {
      // The process's own series (a first GC of a new kind) may appear meanwhile: only the hub's count.
      const hubSeries = async (): Promise<string> => (await (await fetch(`${hub.url}/metrics`)).text()).replace(/^.*interlock_process_.*\n/gm, '');
      const before = (await hubSeries()).length;
      for (let i = 0; i < 2_000; i++) await post(`${hub.url}/webhooks/${randomUUID()}`, '{}', {});
      const metrics = await hubSeries();
      expect(metrics).toContain('interlock_webhooks_received_total{outcome="unknown_provider",provider="unknown"} 2000');
      expect(metrics).toMatch(/interlock_webhook_ack_seconds_count\{provider="unknown"\} 2000/);
      // One counter line and one histogram series, whatever the names were.
      expect(metrics.length - before).toBeLessThan(2_000);
    } finally {
      await cleanup();
    }
  });

  it('forgets an address once its window is over and shares one count past the cap', async () => {
    const clock = new FakeClock({ start: 0 });
    const limiter = new AddressLimiter(2, 60_000, 100);
    for (let i = 0; i < 20_000; i++) expect(limiter.take(`10.0.${i >> 8}.${i & 255}`, clock.now())).toBe(i < 102);
    expect(limiter.size).toBe(101);
    // Past the cap, new addresses share one count: the third of them is refused.
    expect(limiter.take('192.0.2.1', clock.now())).toBe(false);
    // Within its window an address keeps its count; after it, everything is forgotten.
    expect([limiter.take('10.0.0.0', clock.now()), limiter.take('10.0.0.0', clock.now())]).toEqual([true, false]);
    await clock.advanceTo(60_000);
    expect(limiter.take('192.0.2.1', clock.now())).toBe(true);
    expect(limiter.size).toBe(1);
  });
});

describe('the HTTP edges', () => {
  it('answers a chunked body over the limit with 413, then closes, instead of resetting', async () => {
    const { hub, cleanup } = await testHub({ maxBodyBytes: 2_048 });
    try {
      const status = await new Promise<number>((resolve, reject) => {
        const req = request(`${hub.url}/webhooks/${TOY}`, { method: 'POST', headers: { 'transfer-encoding': 'chunked' } }, (res) => {
          resolve(res.statusCode ?? 0);
          res.resume();
        });
        // Once the hub has answered and closed, the rest of the upload fails: that is expected.
        req.on('error', (error) => reject(error));
        const chunk = Buffer.alloc(64 * 1024, 'a');
        let sent = 0;
        const write = (): void => {
          while (sent < 10 * 1024 * 1024) {
            sent += chunk.length;
            if (!req.write(chunk)) return void req.once('drain', write);
          }
          req.end();
        };
        write();
      });
      expect(status).toBe(413);
      const metrics = await (await fetch(`${hub.url}/metrics`)).text();
      expect(metrics).toContain(`interlock_webhooks_received_total{outcome="too_large",provider="${TOY}"} 1`);
    } finally {
      await cleanup();
    }
  });

  it('closes connections that are silent, or send their headers or body too slowly, and caps how many are open', async () => {
    const http = { headersTimeoutMs: 200, requestTimeoutMs: 400, idleTimeoutMs: 200, maxConnections: 3 };
    const { hub, cleanup } = await testHub({ http });
    const port = Number(new URL(hub.url).port);
    try {
      const started = performance.now();
      const silent = await opened(port);
      const dripping = await opened(port);
      const slowBody = await opened(port);
      const silentClosed = closed(silent);
      const results = [silentClosed, closed(dripping), closed(slowBody)];
      // The cap: a fourth connection while three are open is closed at once, with no answer.
      let silentOpen = true;
      void silentClosed.then(() => (silentOpen = false));
      const fourth = await opened(port);
      await expect(closed(fourth)).resolves.toBe('');
      expect(silentOpen).toBe(true);
      const headers = 'POST /webhooks/toy HTTP/1.1\r\nHost: hub\r\n';
      let sent = 0;
      const drip = setInterval(() => dripping.write(headers[sent++ % headers.length] as string), 50);
      slowBody.write('POST /webhooks/toy HTTP/1.1\r\nHost: hub\r\nContent-Length: 1000\r\n\r\n');
      const trickle = setInterval(() => slowBody.write('a'), 50);
      try {
        const [silentGot, drippingGot, slowBodyGot] = await Promise.all(results);
        // A connection that never started a request is closed by whichever bound Node checks first:
        // the idle timeout (no answer) or the headers timeout (a 408). Both end it; neither handles a request.
        expect(silentGot).toMatch(/^(|HTTP\/1\.1 408 [^]*)$/);
        expect(drippingGot).toMatch(/^HTTP\/1\.1 408/);
        expect(slowBodyGot).toMatch(/^HTTP\/1\.1 408/);
        // Each within its bound plus Node's checking interval, not after Node's defaults (minutes).
        expect(performance.now() - started).toBeLessThan(1_500);
      } finally {
        clearInterval(drip);
        clearInterval(trickle);
      }
      await expect(signedPost(`${hub.url}/webhooks/${TOY}`, event(new Date().toISOString()))).resolves.toMatchObject({ status: 200 });
    } finally {
      await cleanup();
    }
  });

  it('says which field of a signed event is wrong, without echoing the body', async () => {
    const { hub, cleanup } = await testHub();
    try {
      const answer = await signedPost(`${hub.url}/webhooks/${TOY}`, event('yesterday'));
      expect(answer).toEqual({ status: 400, body: '{"error":"event time (body at) is not a time in iso8601"}' });
      const metrics = await (await fetch(`${hub.url}/metrics`)).text();
      expect(metrics).toContain(`interlock_webhooks_received_total{outcome="malformed",provider="${TOY}"} 1`);
    } finally {
      await cleanup();
    }
  });

  it('refuses timeouts that contradict each other when the config is read', async () => {
    await expect(testHub({ http: { headersTimeoutMs: 5_000, requestTimeoutMs: 1_000 } })).rejects.toThrow('http.headersTimeoutMs: headersTimeoutMs must not exceed requestTimeoutMs');
  });
});
