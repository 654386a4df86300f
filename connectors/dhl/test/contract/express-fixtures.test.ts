import { classifyResponse, money } from '@interlock/core';
import { FakeClock } from '@interlock/core/testing';
import type { LogisticsConnector } from '@interlock/logistics';
import { replayFixtures, type FixtureReplay } from '@interlock/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { createDhlConnector, dhlExpressErrorTable, RATE_VALIDITY_MS } from '../../src/index.js';
import { EXPRESS, FROM, TO } from '../helpers.js';
import { API_KEY, recorded } from './recorded.js';

// The clock the lookup's date range is read from: the recorded query asks 2025-12-29 to 2026-01-06.
const NOW = Date.UTC(2026, 0, 5, 9);
const PARCEL = { weight: { value: 1.5, unit: 'kg' as const }, dimensions: { length: { value: 25, unit: 'cm' as const }, width: { value: 35, unit: 'cm' as const }, height: { value: 15, unit: 'cm' as const } } };
const INPUT = { from: FROM, to: TO, parcels: [PARCEL], service: 'N', reference: 'order-1042' };

let active: FixtureReplay | undefined;
afterEach(() => active?.dispose());

/** A connector whose every Express request must match one of the named exchanges, each used once. */
function replaying(...exchanges: string[]): { connector: LogisticsConnector; replay: FixtureReplay } {
  active = replayFixtures('https://express.api.dhl.com', exchanges.map(recorded));
  return { connector: createDhlConnector({ apiKeys: [API_KEY], express: EXPRESS, clock: new FakeClock({ start: NOW }) }), replay: active };
}

describe('dhl express against recorded exchanges', () => {
  it('quotes every product with its billed price in minor units, its code as the service and its transit days', async () => {
    const { connector, replay } = replaying('express-rates');
    const rates = await connector.quoteRates({ from: FROM, to: TO, parcels: [PARCEL] });
    expect(rates).toEqual([
      { provider: 'dhl', carrier: 'dhl_express', service: 'N', serviceName: 'EXPRESS DOMESTIC', amount: money(14151, 'GBP'), transitDays: 2, validUntil: NOW + RATE_VALIDITY_MS, quotedAt: NOW },
      // Priced in CZK (published) and GBP (billed): the bill's currency is the rate.
      { provider: 'dhl', carrier: 'dhl_express', service: 'T', serviceName: 'EXPRESS 12:00', amount: money(15263, 'GBP'), transitDays: 2, validUntil: NOW + RATE_VALIDITY_MS, quotedAt: NOW },
    ]);
    replay.assertDone();
  });

  it('keeps only the services asked for', async () => {
    const { connector } = replaying('express-rates');
    await expect(connector.quoteRates({ from: FROM, to: TO, parcels: [PARCEL], services: ['T'] })).resolves.toMatchObject([{ service: 'T' }]);
  });

  it('creates a shipment: the AWB as its id and tracking number, each package\'s piece number kept, the base64 label kept, the billed charge as its price', async () => {
    const { connector, replay } = replaying('express-shipment-created');
    const shipment = await connector.createShipment(INPUT);
    expect(shipment).toMatchObject({
      id: '1234567890',
      provider: 'dhl',
      carrier: 'dhl_express',
      service: 'N',
      reference: 'order-1042',
      status: 'label_created',
      trackingNumbers: ['1234567890'],
      pieces: [{ trackingNumber: 'JD914600003889482921' }],
      label: { format: 'pdf', base64: 'JVBERi0xLjQKJURITCBFeHByZXNzIGxhYmVsCg==' },
      price: money(14700, 'USD'),
      createdAt: NOW,
    });
    replay.assertDone();
  });

  it('looks a caller\'s repeated create up by its reference first, and returns what DHL already made without creating again', async () => {
    const { connector, replay } = replaying('express-tracking-by-reference');
    // No fixture answers POST /shipments: a create would fail the replay.
    const shipment = await connector.createShipment({ ...INPUT, idempotencyKey: 'caller-key-1' });
    expect(shipment).toMatchObject({ id: '1234567890', trackingNumbers: ['1234567890'], reference: 'order-1042' });
    expect(shipment.label).toBeUndefined();
    replay.assertDone();
  });

  it('creates when the lookup by reference finds nothing (the spec\'s 404)', async () => {
    const { connector, replay } = replaying('express-tracking-not-found', 'express-shipment-created');
    await expect(connector.createShipment({ ...INPUT, idempotencyKey: 'caller-key-2' })).resolves.toMatchObject({ id: '1234567890' });
    replay.assertDone();
  });

  it('classifies each documented MyDHL error by its table: DHL\'s number first, the HTTP status otherwise', () => {
    const cases = [
      ['express-error-account-invalid', 'invalid_request', 'http_400'],
      ['express-error-bad-date', 'invalid_request', 'provider_code_998'],
      ['express-error-service-not-on-route', 'business_rejected', 'provider_code_7008'],
      ['express-error-validation', 'invalid_request', 'http_422'],
      ['express-error-process', 'unavailable', 'provider_code_999'],
      ['express-tracking-not-found', 'not_found', 'http_404'],
    ] as const;
    for (const [name, kind, reason] of cases) {
      const { status, body } = recorded(name).response;
      expect(classifyResponse(status, body, dhlExpressErrorTable), name).toMatchObject({ kind, reason });
    }
    expect(classifyResponse(400, recorded('express-error-service-not-on-route').response.body, dhlExpressErrorTable)?.providerMessage).toMatch(/^The requested Special Service Code/);
  });

  it('refuses a rejected create as the table says, without looking up or sending it again', async () => {
    const { connector, replay } = replaying('express-error-service-not-on-route');
    await expect(connector.createShipment(INPUT)).rejects.toMatchObject({ kind: 'business_rejected', providerCode: '7008', status: 400 });
    replay.assertDone();
  });
});
