import { describe, expect, expectTypeOf, it } from 'vitest';
import { defineStateMachine } from '../../src/state/index.js';
import { paymentMachine } from './payment-machine.js';

describe('defineStateMachine', () => {
  it('lists states in declaration order and infers them as a type', () => {
    expect(paymentMachine.name).toBe('payment');
    expect(paymentMachine.states).toEqual(['requires_action', 'pending', 'succeeded', 'partially_refunded', 'refunded', 'failed', 'canceled']);
    expect(paymentMachine.initial).toEqual(['requires_action', 'pending']);
    expectTypeOf(paymentMachine.states).toEqualTypeOf<
      readonly ('requires_action' | 'pending' | 'succeeded' | 'partially_refunded' | 'refunded' | 'failed' | 'canceled')[]
    >();
  });

  it('derives terminal states: no way out, or only back to themselves', () => {
    expect(paymentMachine.terminal).toEqual(['refunded', 'failed', 'canceled']);
    const looping = defineStateMachine({ name: 'loop', initial: ['open'], transitions: { open: ['done'], done: ['done'] } });
    expect(looping.terminal).toEqual(['done']);
  });

  it('allows declared transitions and staying put, and nothing else', () => {
    expect(paymentMachine.canTransition('pending', 'succeeded')).toBe(true);
    expect(paymentMachine.canTransition('succeeded', 'refunded')).toBe(true);
    expect(paymentMachine.canTransition('succeeded', 'succeeded')).toBe(true);
    expect(paymentMachine.canTransition('refunded', 'refunded')).toBe(true);
    expect(paymentMachine.canTransition('succeeded', 'pending')).toBe(false);
    expect(paymentMachine.canTransition('failed', 'succeeded')).toBe(false);
    expect(paymentMachine.canTransition('pending', 'refunded')).toBe(false);
  });

  it('refuses transitions from or to a status it does not know, even to itself', () => {
    const loose = paymentMachine as unknown as { canTransition(from: string, to: string): boolean };
    expect(loose.canTransition('disputed', 'disputed')).toBe(false);
    expect(loose.canTransition('disputed', 'succeeded')).toBe(false);
    expect(loose.canTransition('pending', 'disputed')).toBe(false);
  });

  it('tells its own states from provider text', () => {
    expect(paymentMachine.isState('pending')).toBe(true);
    expect(paymentMachine.isState('PENDING')).toBe(false);
    expect(paymentMachine.isState('toString')).toBe(false);
  });

  it('is frozen', () => {
    expect(Object.isFrozen(paymentMachine)).toBe(true);
    expect(Object.isFrozen(paymentMachine.states)).toBe(true);
  });

  it.each([
    ['no name', { name: '', initial: ['a'], transitions: { a: [] } }, /name is required/],
    ['no states', { name: 'empty', initial: [], transitions: {} }, /at least one state/],
    ['an undeclared target', { name: 'typo', initial: ['a'], transitions: { a: ['b'] } }, /a -> b leads to an undeclared state/],
    ['no initial state', { name: 'x', initial: [], transitions: { a: [] } }, /initial state is required/],
    ['an undeclared initial state', { name: 'x', initial: ['b'], transitions: { a: [] } }, /initial state b is not declared/],
  ])('refuses a definition with %s', (_label, spec, message) => {
    expect(() => defineStateMachine(spec as Parameters<typeof defineStateMachine>[0])).toThrow(TypeError);
    expect(() => defineStateMachine(spec as Parameters<typeof defineStateMachine>[0])).toThrow(message);
  });
});
