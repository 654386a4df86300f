import type { Clock } from '@interlock/core';
import { seededRandom, type ProviderSimulator, type SimObject, type WebhookEvent } from '@interlock/testkit/simulator';
import { eventObject } from './objects.js';

/** The collections the simulated account keeps, by the simulator's resource names. */
export type StripeCollection = 'payment_intents' | 'charges' | 'refunds' | 'customers' | 'events' | 'balance_transactions';

type Collection = ReturnType<ProviderSimulator['resource']>;

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** What every handler of the simulation shares: the account's objects, its ids and the events it has emitted. */
export interface SimulationState {
  readonly clock: Clock;
  collection(name: StripeCollection): Collection;
  /** Stripe-shaped ids (`pi_…`, `evt_…`) in creation order. */
  nextId(prefix: string): string;
  /** Seeded text for client secrets and request ids, so a run repeats exactly. */
  randomText(length: number): string;
  /** Records an event in Stripe's envelope, readable at /v1/events and queued as a webhook. */
  emit(type: string, object: SimObject, now: number, idempotencyKey?: string): void;
  takeWebhookEvents(): WebhookEvent[];
  /** PaymentIntents really created per Idempotency-Key: what a double charge would show up in. */
  readonly chargeKeys: Map<string, number>;
  /** Charges and refunds already booked as a balance transaction. */
  readonly settled: Set<string>;
  /** PaymentIntents whose charge line the simulated Stripe has lost. */
  readonly lostLines: Set<string>;
}

/**
 * The state behind one simulation. `simulator` is read only when a handler runs, which is after
 * the simulator has started: its resources are built from this state before it exists.
 */
export function simulationState(clock: Clock, seed: number, simulator: () => ProviderSimulator): SimulationState {
  const random = seededRandom(seed);
  const pendingWebhooks: WebhookEvent[] = [];
  let sequence = 0;
  // Stripe never reuses an id: a simulation started again with another seed (the demo, rerun
  // on the same database) must not either.
  const run = (seed >>> 0).toString(36).padStart(7, '0').slice(-7);
  const state: SimulationState = {
    clock,
    collection: (name) => simulator().resource(name),
    nextId: (prefix) => `${prefix}${run}${String(++sequence).padStart(10, '0')}`,
    randomText: (length) => Array.from({ length }, () => ID_ALPHABET.charAt(Math.floor(random() * ID_ALPHABET.length))).join(''),
    emit(type, object, now, idempotencyKey) {
      const request = idempotencyKey === undefined ? { id: null, idempotency_key: null } : { id: `req_${state.randomText(14)}`, idempotency_key: idempotencyKey };
      const event = eventObject({ id: state.nextId('evt_'), type, object, request, now });
      state.collection('events').put(event);
      pendingWebhooks.push({ id: event['id'] as string, type, payload: event, occurredAt: (event['created'] as number) * 1000 });
    },
    takeWebhookEvents: () => pendingWebhooks.splice(0, pendingWebhooks.length),
    chargeKeys: new Map(),
    settled: new Set(),
    lostLines: new Set(),
  };
  return state;
}
