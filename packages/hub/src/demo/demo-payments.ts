import { defineStateMachine, type StoredEvent } from '@interlock/core';
import type { EventInterpreter, RecordChange } from '../workers/event-applier.js';

export const DEMO_PROVIDER = 'demo-payments';
export const DEMO_SECRETS_ENV = 'INTERLOCK_DEMO_WEBHOOK_SECRETS';

/** The demo's payment lifecycle; the payments domain package will own the real one. */
export const demoPaymentMachine = defineStateMachine({
  name: 'demo.payment',
  initial: ['pending'],
  transitions: {
    pending: ['processing', 'succeeded', 'failed', 'canceled'],
    processing: ['succeeded', 'failed'],
    succeeded: ['partially_refunded', 'refunded'],
    partially_refunded: ['partially_refunded', 'refunded'],
    refunded: [],
    failed: [],
    canceled: [],
  },
});

interface DemoPayload {
  created?: unknown;
  data?: { object?: { id?: unknown; status?: unknown } };
}

/** Stripe-shaped demo events: `{ id, type, created, data: { object: { id, status } } }`. */
export const demoPaymentsInterpreter: EventInterpreter = {
  machine: demoPaymentMachine,
  interpret(event: StoredEvent): RecordChange | undefined {
    const payload = JSON.parse(event.payload) as DemoPayload;
    const object = payload.data?.object;
    if (typeof object?.id !== 'string' || typeof object.status !== 'string') return undefined;
    return { recordType: 'payment', recordId: object.id, status: object.status, occurredAt: event.occurredAt ?? event.receivedAt };
  },
};
