import { guardTransition } from '@interlock/core';
import { describe, expect, it } from 'vitest';
import { FINAL_TRACKING_STATUSES, isFinalTrackingStatus, summarizeTrack, TRACKING_STATUSES, trackingStatusMachine, type TrackingEvent } from '../src/index.js';

const can = (from: string, to: string) => trackingStatusMachine.canTransition(from as never, to as never);

describe('trackingStatusMachine', () => {
  it('declares exactly the lifecycle statuses, required ones included and unknown not', () => {
    expect([...trackingStatusMachine.states].sort()).toEqual([...TRACKING_STATUSES].sort());
    for (const status of ['returned_to_sender', 'exception', 'delivery_failed', 'available_for_pickup']) expect(trackingStatusMachine.isState(status)).toBe(true);
    expect(trackingStatusMachine.isState('unknown')).toBe(false);
  });

  it('ends in delivered, returned to sender or canceled', () => {
    expect([...FINAL_TRACKING_STATUSES].sort()).toEqual(['canceled', 'delivered', 'returned_to_sender']);
    expect(isFinalTrackingStatus('delivered')).toBe(true);
    expect(isFinalTrackingStatus('exception')).toBe(false);
  });

  it('refuses backward moves', () => {
    expect(can('delivered', 'in_transit')).toBe(false);
    expect(can('out_for_delivery', 'in_transit')).toBe(false);
    expect(can('in_transit', 'label_created')).toBe(false);
    expect(can('returned_to_sender', 'delivered')).toBe(false);
    expect(can('in_transit', 'canceled')).toBe(false);
  });

  it("allows the carriers' real detours: another attempt after a failed one, an exception resolved", () => {
    expect(can('delivery_failed', 'out_for_delivery')).toBe(true);
    expect(can('delivery_failed', 'available_for_pickup')).toBe(true);
    expect(can('exception', 'in_transit')).toBe(true);
    expect(can('available_for_pickup', 'returned_to_sender')).toBe(true);
    expect(can('label_created', 'delivered')).toBe(true);
    expect(can('label_created', 'canceled')).toBe(true);
  });

  it('lets the guard refuse a late in_transit after delivered, and an unknown status', () => {
    expect(guardTransition(trackingStatusMachine, { status: 'delivered', updatedAt: 1_000 }, { status: 'in_transit', occurredAt: 2_000 })).toEqual({ apply: false, reason: 'backward_transition' });
    expect(guardTransition(trackingStatusMachine, { status: 'in_transit', updatedAt: 1_000 }, { status: 'unknown', occurredAt: 2_000 })).toEqual({ apply: false, reason: 'unknown_state' });
  });
});

describe('summarizeTrack', () => {
  const event = (status: TrackingEvent['status'], rawCode: string, occurredAt: number): TrackingEvent => ({ trackingNumber: '1Z', status, rawCode, rawText: rawCode, occurredAt, receivedAt: 9_000 });

  it('orders events and takes the latest mapped one, keeping an unmapped code raw behind it', () => {
    const track = summarizeTrack({ provider: 'ups', trackingNumber: '1Z' }, [event('unknown', 'ZZ', 3_000), event('out_for_delivery', 'OF', 2_000), event('in_transit', 'IT', 1_000)]);
    expect(track).toMatchObject({ status: 'out_for_delivery', statusRaw: 'OF', updatedAt: 2_000 });
    expect(track.events.map((e) => e.rawCode)).toEqual(['IT', 'OF', 'ZZ']);
  });

  it('is unknown, with the raw code, when nothing is mapped', () => {
    expect(summarizeTrack({ provider: 'ups', trackingNumber: '1Z' }, [event('unknown', 'ZZ', 3_000)])).toMatchObject({ status: 'unknown', statusRaw: 'ZZ', updatedAt: 3_000 });
  });
});
