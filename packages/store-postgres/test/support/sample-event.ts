import { sortableId, type InboundEvent } from '@interlock/core';

let sequence = 0;

/** A distinct inbound event as the hub's ingress would accept it. */
export function sampleEvent(receivedAt: number, overrides: Partial<InboundEvent> = {}): InboundEvent {
  sequence++;
  const eventId = `evt_${process.pid}_${sequence}`;
  return { id: sortableId(receivedAt), provider: 'acme', eventId, type: 'payment.updated', receivedAt, payload: JSON.stringify({ id: eventId }), ...overrides };
}
