import { MemoryIdempotencyStore, money } from '@interlock/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createRazorpayConnector } from '../src/index.js';
import { KEY_ID, KEY_SECRET, stage, WEBHOOK_SECRET, type Stage } from './support.js';

const stages: Stage[] = [];
afterEach(async () => {
  await Promise.all(stages.splice(0).map((s) => s.close()));
});

async function fresh(store?: MemoryIdempotencyStore): Promise<Stage> {
  const s = await stage(store === undefined ? {} : { idempotencyStore: store });
  stages.push(s);
  return s;
}

const input = { amount: money(50000, 'INR'), captureMethod: 'automatic' as const, reference: 'order-rec', idempotencyKey: 'rec-key-1' };
const ORDERS = '/v1/orders';

function requests(s: Stage): string[] {
  return s.simulation.simulator.requests.map((request) => `${request.method} ${request.path}`);
}

describe('an order create under the caller key, with the connector given an idempotency store', () => {
  it('sends a fresh key straight to the create (one request, no lookup) and answers a repeat from the store with none', async () => {
    const s = await fresh(new MemoryIdempotencyStore());
    const first = await s.connector.createPayment(input);
    expect(requests(s)).toEqual([`POST ${ORDERS}`]);
    s.simulation.customerCompletes(first);
    const again = await s.connector.createPayment(input);
    // As first answered: the order's state now is getPayment's to read.
    expect(again).toEqual(first);
    expect(requests(s)).toEqual([`POST ${ORDERS}`]);
  });

  it('a retry with the key after a lost answer (and a failed lookup) looks the receipt up and finds the order: one at Razorpay', async () => {
    const s = await fresh(new MemoryIdempotencyStore());
    s.simulation.simulator.setScenario({
      rules: [
        { match: { method: 'POST', path: ORDERS }, times: 1, fault: { type: 'lost_response' } },
        { match: { method: 'GET', path: ORDERS }, fault: { type: 'status', status: 503 } },
      ],
    });
    await expect(s.connector.createPayment(input)).rejects.toMatchObject({ kind: 'unavailable', retryable: true });
    s.simulation.simulator.setScenario({ rules: [] });
    const lookupsBefore = s.simulation.simulator.count('GET', ORDERS);
    const again = await s.connector.createPayment(input);
    expect(s.simulation.state.allOrders().map((order) => order.id)).toEqual([again.id]);
    expect(s.simulation.simulator.count('POST', ORDERS)).toBe(1);
    expect(s.simulation.simulator.count('GET', ORDERS)).toBe(lookupsBefore + 1);
  });

  it('a retry after a crash between recording the key and sending the create looks, finds nothing and creates once', async () => {
    const store = new MemoryIdempotencyStore({ lockTimeoutMs: 60_000 });
    const s = await fresh(store);
    // The first process records the key and dies as its create is about to leave: nothing reaches
    // Razorpay and nothing more is written (its claim on the key is left to time out).
    let leaving: () => void = () => undefined;
    const aboutToLeave = new Promise<void>((resolve) => (leaving = resolve));
    const dies: typeof fetch = () => {
      leaving();
      return new Promise<Response>(() => undefined);
    };
    const dying = createRazorpayConnector({ baseUrl: s.simulation.simulator.url, credentials: { keyId: KEY_ID, keySecret: KEY_SECRET }, webhookSecrets: [WEBHOOK_SECRET], clock: s.clock, fetch: dies, idempotencyStore: store });
    void dying.createPayment(input);
    await aboutToLeave;
    await s.clock.advance(60_000);
    expect(requests(s)).toEqual([]);
    const payment = await s.connector.createPayment(input);
    expect(requests(s).filter((request) => request.endsWith(ORDERS))).toEqual([`GET ${ORDERS}`, `POST ${ORDERS}`]);
    expect(s.simulation.state.allOrders().map((order) => order.id)).toEqual([payment.id]);
  });
});

describe('an order create under the caller key, without a store', () => {
  it('looks the receipt up before every create, since nothing in memory survives a restart', async () => {
    const s = await fresh();
    await s.connector.createPayment(input);
    expect(requests(s)).toEqual([`GET ${ORDERS}`, `POST ${ORDERS}`]);
  });
});
