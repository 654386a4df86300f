import { MemoryTelemetrySink, money } from '@interlock/core';
import type { Parcel } from '@interlock/logistics';
import { describe, expect, it } from 'vitest';
import { toRates, type WireRates } from '../../src/index.js';
import { connectorFor, EXPRESS, FROM, onSimulation, thrown, TO } from '../helpers.js';

const PARCEL: Parcel = { weight: { value: 1_250, unit: 'g' }, dimensions: { length: { value: 30, unit: 'cm' }, width: { value: 20, unit: 'cm' }, height: { value: 10, unit: 'cm' } } };
const NOW = Date.UTC(2026, 0, 5, 9);

const product = (price: number, priceCurrency: string): WireRates => ({
  products: [{ productCode: 'P', productName: 'EXPRESS WORLDWIDE', weight: { provided: 1 }, totalPrice: [{ currencyType: { known: true, value: 'BILLC' }, priceCurrency, price }] }],
});

describe('dhl express rates', () => {
  it('reads prices with the currency\'s exponent: 141.51 GBP is 14151, 1500 JPY is 1500, 12.345 KWD is 12345', () => {
    expect(toRates(product(141.51, 'GBP'), NOW)[0]?.amount).toEqual(money(14151, 'GBP'));
    expect(toRates(product(1500, 'JPY'), NOW)[0]?.amount).toEqual(money(1500, 'JPY'));
    expect(toRates(product(12.345, 'KWD'), NOW)[0]?.amount).toEqual(money(12345, 'KWD'));
  });

  it('refuses a price finer than its currency rather than rounding it away', () => {
    expect(thrown(() => toRates(product(1500.5, 'JPY'), NOW))).toMatchObject({ kind: 'contract_violation' });
  });

  it('never lets the account number or the user name out in an error, even when DHL quotes them back', async () => {
    await onSimulation(async (clock, simulation) => {
      const telemetry = new MemoryTelemetrySink();
      const detail = `The account number ${EXPRESS.accountNumber} is not found or invalid for user ${EXPRESS.username}.`;
      simulation.simulator.route('POST', '/mydhlapi/rates', () => ({ status: 400, body: { instance: '/expressapi/rates', detail, title: 'Bad request', message: 'Bad request', status: '400' } }));
      const error = await connectorFor(clock, simulation, { express: true, telemetry }).quoteRates({ from: FROM, to: TO, parcels: [PARCEL] }).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ kind: 'invalid_request', message: expect.stringContaining('is not found or invalid') as unknown });
      const seen = `${String(error)} ${JSON.stringify(error)} ${JSON.stringify(telemetry.events)}`;
      expect(seen).not.toContain(EXPRESS.accountNumber);
      expect(seen).not.toContain(EXPRESS.username);
    });
  });

  it('quotes each product the simulation offers on the route, sending the declared unit system and exact weights', async () => {
    await onSimulation(async (clock, simulation) => {
      const rates = await connectorFor(clock, simulation, { express: true }).quoteRates({ from: FROM, to: TO, parcels: [PARCEL] });
      expect(rates.map((rate) => [rate.service, rate.amount, rate.transitDays])).toEqual([
        ['P', money(4400, 'EUR'), 2],
        ['T', money(5650, 'EUR'), 2],
      ]);
      const sent = JSON.parse(simulation.simulator.requests[0]?.body ?? '{}') as Record<string, unknown>;
      expect(sent).toMatchObject({ unitOfMeasurement: 'metric', isCustomsDeclarable: false, packages: [{ weight: 1.25, dimensions: { length: 30, width: 20, height: 10 } }], accounts: [{ typeCode: 'shipper', number: '123456789' }] });
      expect(sent['plannedShippingDateAndTime']).toBe('2026-01-05T09:00:00 GMT+00:00');
    });
  });
});
