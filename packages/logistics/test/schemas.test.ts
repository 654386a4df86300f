import { money, weight } from '@interlock/core';
import { describe, expect, it } from 'vitest';
import { labelSchema, logisticsEventSchema, moneySchema, rateSchema, shipmentSchema } from '../src/index.js';
import { berlin } from './fixtures.js';

const shipment = () => ({
  id: 'shp_1',
  provider: 'sendcloud',
  carrier: 'dhl',
  service: 'dhl_parcel',
  reference: 'order-42',
  status: 'label_created',
  statusRaw: '1000',
  trackingNumbers: ['JVGL0123'],
  from: berlin(),
  to: { ...berlin(), city: 'Łódź', country: 'PL' },
  parcels: [{ weight: weight(2, 'kg') }],
  label: { format: 'pdf', url: 'https://labels.example/1.pdf' },
  createdAt: 1_000,
  updatedAt: 1_000,
});

describe('canonical schemas', () => {
  it('accept a shipment and keep its text', () => {
    expect(shipmentSchema.parse(shipment()).to.city).toBe('Łódź');
  });

  it("keep each piece's own number beside the shipment's, and refuse a piece without one", () => {
    const pieces = [{ trackingNumber: 'JD014600001234567801' }, { trackingNumber: 'JD014600001234567802' }];
    expect(shipmentSchema.parse({ ...shipment(), pieces }).pieces).toEqual(pieces);
    expect(shipmentSchema.safeParse({ ...shipment(), pieces: [{ trackingNumber: '' }] }).success).toBe(false);
  });

  it('refuse a float amount, an unknown currency and a label with nothing to print', () => {
    expect(moneySchema.safeParse({ amountMinor: 4.95, currency: 'EUR' }).success).toBe(false);
    expect(moneySchema.safeParse({ amountMinor: 495, currency: 'EURO' }).success).toBe(false);
    expect(moneySchema.safeParse(money(495, 'EUR')).success).toBe(true);
    expect(labelSchema.safeParse({ format: 'pdf' }).success).toBe(false);
    expect(shipmentSchema.safeParse({ ...shipment(), status: 'lost' }).success).toBe(false);
  });

  it('accept a rate and an event carrying a track', () => {
    expect(rateSchema.safeParse({ provider: 'ups', carrier: 'ups', service: '11', amount: money(1_250, 'USD'), transitDays: 2, validUntil: 2_000, quotedAt: 1_000 }).success).toBe(true);
    const track = { provider: 'ups', trackingNumber: '1Z', status: 'unknown', statusRaw: 'ZZ', updatedAt: 1, events: [] };
    expect(logisticsEventSchema.safeParse({ id: 'e', provider: 'ups', providerEventId: 'e', type: 'tracking.updated', rawType: 'x', occurredAt: 1, track }).success).toBe(true);
  });
});
