import { guardTransition } from '@interlock/core';
import { describe, expect, it } from 'vitest';
import { PAYMENT_STATUSES, paymentStatusMachine } from '../src/index.js';

describe('paymentStatusMachine', () => {
  it('declares exactly the lifecycle statuses, without unknown', () => {
    expect([...paymentStatusMachine.states].sort()).toEqual([...PAYMENT_STATUSES].sort());
    expect(paymentStatusMachine.isState('unknown')).toBe(false);
  });

  it('allows the forward path', () => {
    const path = ['requires_action', 'pending', 'succeeded', 'partially_refunded', 'refunded'] as const;
    for (let i = 1; i < path.length; i++) {
      expect(paymentStatusMachine.canTransition(path[i - 1]!, path[i]!)).toBe(true);
    }
  });

  it('allows 3-D Secure after submission, a full refund at once and a second partial refund', () => {
    expect(paymentStatusMachine.canTransition('pending', 'requires_action')).toBe(true);
    expect(paymentStatusMachine.canTransition('succeeded', 'refunded')).toBe(true);
    expect(paymentStatusMachine.canTransition('partially_refunded', 'partially_refunded')).toBe(true);
  });

  it('lets requires_action and pending fail or be canceled', () => {
    for (const from of ['requires_action', 'pending'] as const) {
      expect(paymentStatusMachine.canTransition(from, 'failed')).toBe(true);
      expect(paymentStatusMachine.canTransition(from, 'canceled')).toBe(true);
    }
  });

  it('holds a manual-capture authorisation until it is captured, released or fails', () => {
    for (const from of ['requires_action', 'pending'] as const) expect(paymentStatusMachine.canTransition(from, 'authorized')).toBe(true);
    for (const to of ['succeeded', 'canceled', 'failed'] as const) expect(paymentStatusMachine.canTransition('authorized', to)).toBe(true);
    expect(paymentStatusMachine.canTransition('authorized', 'pending')).toBe(false);
    expect(paymentStatusMachine.canTransition('succeeded', 'authorized')).toBe(false);
  });

  it('lets a refund follow every state a payment succeeds from, since a poll may read it refunded before the success arrives', () => {
    for (const from of ['requires_action', 'pending', 'authorized', 'failed', 'succeeded', 'partially_refunded'] as const) {
      for (const to of ['partially_refunded', 'refunded'] as const) expect(paymentStatusMachine.canTransition(from, to)).toBe(true);
    }
    expect(paymentStatusMachine.canTransition('canceled', 'refunded')).toBe(false);
    expect(paymentStatusMachine.canTransition('refunded', 'partially_refunded')).toBe(false);
  });

  it('refuses succeeded -> pending', () => {
    expect(paymentStatusMachine.canTransition('succeeded', 'pending')).toBe(false);
  });

  it('has canceled and refunded as its terminal states; a failed attempt may be followed by another', () => {
    expect([...paymentStatusMachine.terminal].sort()).toEqual(['canceled', 'refunded']);
    expect(paymentStatusMachine.canTransition('failed', 'succeeded')).toBe(true);
    expect(paymentStatusMachine.canTransition('failed', 'requires_action')).toBe(true);
  });
});

describe('guardTransition with the payment machine', () => {
  it('refuses a backward transition', () => {
    const decision = guardTransition(
      paymentStatusMachine,
      { status: 'succeeded', updatedAt: 2_000 },
      { status: 'pending', occurredAt: 3_000 },
    );
    expect(decision).toEqual({ apply: false, reason: 'backward_transition' });
  });

  it('applies a forward transition', () => {
    const decision = guardTransition(
      paymentStatusMachine,
      { status: 'pending', updatedAt: 2_000 },
      { status: 'succeeded', occurredAt: 3_000 },
    );
    expect(decision).toEqual({ apply: true });
  });

  it('refuses an unknown provider status as unknown_state', () => {
    const decision = guardTransition(
      paymentStatusMachine,
      { status: 'pending', updatedAt: 2_000 },
      { status: 'unknown', occurredAt: 3_000 },
    );
    expect(decision).toEqual({ apply: false, reason: 'unknown_state' });
  });
});
