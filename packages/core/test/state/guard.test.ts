import { describe, expect, it } from 'vitest';
import { guardTransition } from '../../src/state/index.js';
import { paymentMachine } from './payment-machine.js';

const T = Date.UTC(2026, 0, 1);
const record = (status: string, updatedAt = T) => ({ status, updatedAt });
const event = (status: string, occurredAt = T + 1_000) => ({ status, occurredAt });

describe('guardTransition', () => {
  it('applies a forward transition', () => {
    expect(guardTransition(paymentMachine, record('requires_action'), event('pending'))).toEqual({ apply: true });
    expect(guardTransition(paymentMachine, record('pending'), event('succeeded'))).toEqual({ apply: true });
    expect(guardTransition(paymentMachine, record('succeeded'), event('partially_refunded'))).toEqual({ apply: true });
    expect(guardTransition(paymentMachine, record('partially_refunded'), event('refunded'))).toEqual({ apply: true });
  });

  it('refuses a backward transition even when its event is newer', () => {
    expect(guardTransition(paymentMachine, record('succeeded'), event('pending'))).toEqual({ apply: false, reason: 'backward_transition' });
    expect(guardTransition(paymentMachine, record('refunded'), event('succeeded'))).toEqual({ apply: false, reason: 'backward_transition' });
    expect(guardTransition(paymentMachine, record('failed'), event('succeeded'))).toEqual({ apply: false, reason: 'backward_transition' });
  });

  it('discards an event older than the record, whatever its status', () => {
    expect(guardTransition(paymentMachine, record('succeeded'), event('pending', T - 1))).toEqual({ apply: false, reason: 'stale' });
    // Even a forward move is stale if the record already reflects a later moment.
    expect(guardTransition(paymentMachine, record('pending'), event('succeeded', T - 1))).toEqual({ apply: false, reason: 'stale' });
    expect(guardTransition(paymentMachine, record('pending'), event('pending', T - 1))).toEqual({ apply: false, reason: 'stale' });
  });

  it('lets the machine order two changes stamped with the same time', () => {
    expect(guardTransition(paymentMachine, record('pending'), event('succeeded', T))).toEqual({ apply: true });
    expect(guardTransition(paymentMachine, record('succeeded'), event('pending', T))).toEqual({ apply: false, reason: 'backward_transition' });
  });

  it('calls the same status at the same time a duplicate, and at a later time a refresh', () => {
    expect(guardTransition(paymentMachine, record('pending'), event('pending', T))).toEqual({ apply: false, reason: 'duplicate' });
    expect(guardTransition(paymentMachine, record('pending'), event('pending', T + 5))).toEqual({ apply: true });
    expect(guardTransition(paymentMachine, record('refunded'), event('refunded', T + 5))).toEqual({ apply: true });
  });

  it('refuses a status the machine does not know, on either side', () => {
    expect(guardTransition(paymentMachine, record('pending'), event('disputed'))).toEqual({ apply: false, reason: 'unknown_state' });
    expect(guardTransition(paymentMachine, undefined, event('SUCCEEDED'))).toEqual({ apply: false, reason: 'unknown_state' });
    expect(guardTransition(paymentMachine, record('legacy_status'), event('succeeded'))).toEqual({ apply: false, reason: 'unknown_state' });
  });

  it('applies any known status to a record seen for the first time (earlier webhooks may be lost)', () => {
    expect(guardTransition(paymentMachine, undefined, event('requires_action'))).toEqual({ apply: true });
    expect(guardTransition(paymentMachine, undefined, event('succeeded'))).toEqual({ apply: true });
  });

  it('settles a shuffled, duplicated delivery on the latest state', () => {
    const deliveries = [
      event('succeeded', T + 3_000),
      event('requires_action', T + 1_000),
      event('succeeded', T + 3_000),
      event('partially_refunded', T + 9_000),
      event('pending', T + 2_000),
      event('refunded', T + 12_000),
      event('partially_refunded', T + 9_000),
    ];
    let current: { status: string; updatedAt: number } | undefined;
    const reasons: string[] = [];
    for (const delivery of deliveries) {
      const decision = guardTransition(paymentMachine, current, delivery);
      if (decision.apply) current = { status: delivery.status, updatedAt: delivery.occurredAt };
      else reasons.push(decision.reason);
    }
    expect(current).toEqual({ status: 'refunded', updatedAt: T + 12_000 });
    expect(reasons).toEqual(['stale', 'duplicate', 'stale', 'stale']);
  });
});
