import { describe, expect, it } from 'vitest';
import { canReach, defineStateMachine, type StateMachine } from '../../src/index.js';

const machine = defineStateMachine({
  name: 'payment',
  initial: ['pending'],
  transitions: { pending: ['succeeded', 'failed'], succeeded: ['refunded'], refunded: [], failed: [] },
}) as StateMachine<string>;

describe('canReach', () => {
  it('finds states ahead in one or more steps, never behind or beside', () => {
    expect(canReach(machine, 'pending', 'succeeded')).toBe(true);
    expect(canReach(machine, 'pending', 'refunded')).toBe(true);
    expect(canReach(machine, 'refunded', 'pending')).toBe(false);
    expect(canReach(machine, 'failed', 'refunded')).toBe(false);
  });
});
