import { defineStateMachine } from '../../src/state/index.js';

/** A payment-like lifecycle, shaped like the one the payments domain defines. */
export const paymentMachine = defineStateMachine({
  name: 'payment',
  initial: ['requires_action', 'pending'],
  transitions: {
    requires_action: ['pending', 'failed', 'canceled'],
    pending: ['succeeded', 'failed', 'canceled'],
    succeeded: ['partially_refunded', 'refunded'],
    partially_refunded: ['partially_refunded', 'refunded'],
    refunded: [],
    failed: [],
    canceled: [],
  },
});
