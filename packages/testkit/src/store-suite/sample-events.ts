import { sortableId, type Clock, type InboundEvent } from '@interlock/core';

/** Makes distinct inbound events, as the hub's ingress would after verifying them. */
export interface EventFactory {
  /** A new event for `provider` (default `acme`) with a fresh event id, unless `overrides` set them. */
  next(overrides?: Partial<InboundEvent>): InboundEvent;
}

/** An event factory stamping receipt times from `clock`; ids are unique across factories. */
export function eventFactory(clock: Clock): EventFactory {
  let sequence = 0;
  // Event ids from two factories on the same storage must not collide.
  const run = sortableId().slice(-8);
  return {
    next(overrides = {}) {
      sequence++;
      const receivedAt = clock.now();
      return {
        id: sortableId(receivedAt),
        provider: 'acme',
        eventId: `evt_${run}_${sequence}`,
        type: 'payment.updated',
        receivedAt,
        payload: JSON.stringify({ id: `evt_${run}_${sequence}`, amount: 1250, currency: 'EUR' }),
        ...overrides,
      };
    },
  };
}
