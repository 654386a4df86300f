import { MemoryIdempotencyStore, type Length } from '@interlock/core';
import type { CreateShipmentInput, Customs, Parcel } from '@interlock/logistics';
import { describe, expect, it } from 'vitest';
import { connectorFor, FROM, onSimulation, TO } from '../helpers.js';

const cm = (value: number): Length => ({ value, unit: 'cm' });
const PARCEL: Parcel = { weight: { value: 500, unit: 'g' }, dimensions: { length: cm(30), width: cm(20), height: cm(10) } };
const INPUT: CreateShipmentInput = { from: FROM, to: TO, parcels: [PARCEL], service: 'U', reference: 'order-7' };
const ZURICH = { ...TO, lines: ['Bahnhofstrasse'], houseNumber: '3', postalCode: '8001', city: 'Zürich', country: 'CH' };
const CUSTOMS: Customs = {
  contentsType: 'merchandise',
  incoterm: 'DAP',
  exporterEori: 'DE123456789012345',
  invoiceNumber: 'INV-7',
  contents: [{ description: 'Wool socks', hsCode: '611595', quantity: 3, unitValue: { amountMinor: 1250, currency: 'EUR' }, unitWeight: { value: 0.1, unit: 'kg' }, originCountry: 'DE' }],
};
const SHIPMENTS = '/mydhlapi/shipments';
const LOOKUP = '/mydhlapi/tracking';

describe('dhl express shipments on the simulation', () => {
  it('after a lost answer, finds the shipment DHL made by its reference: one AWB, one label, one create sent', async () => {
    await onSimulation(async (clock, simulation) => {
      simulation.simulator.setScenario({ rules: [{ match: { method: 'POST', path: SHIPMENTS }, times: 1, fault: { type: 'lost_response' } }] });
      const shipment = await connectorFor(clock, simulation, { express: true }).createShipment(INPUT);
      expect(shipment).toMatchObject({ reference: 'order-7', trackingNumbers: [shipment.id], status: 'label_created' });
      expect(simulation.labelsByReference().get('order-7')).toBe(1);
      expect(simulation.simulator.count('POST', SHIPMENTS)).toBe(1);
      expect(simulation.simulator.count('GET', LOOKUP)).toBe(1);
    });
  });

  it("keeps each package's own piece number, in parcel order, while the AWB stays the one number tracked", async () => {
    await onSimulation(async (clock, simulation) => {
      const connector = connectorFor(clock, simulation, { express: true });
      const shipment = await connector.createShipment({ ...INPUT, reference: 'order-3-pieces', parcels: [PARCEL, PARCEL, PARCEL] });
      expect(shipment.trackingNumbers).toEqual([shipment.id]);
      const pieces = shipment.pieces?.map((piece) => piece.trackingNumber) ?? [];
      expect(pieces).toHaveLength(3);
      expect(new Set(pieces).size).toBe(3);
      expect(pieces.every((number) => number.includes(shipment.id))).toBe(true);
      expect(pieces.map((number) => number.slice(-2))).toEqual(['01', '02', '03']);
      const [read] = await connector.track(shipment.trackingNumbers);
      expect(read).toMatchObject({ trackingNumber: shipment.id, found: true });
    });
  });

  it('ends as outcome_unknown, never creating again, when the lookup after a lost answer fails too', async () => {
    await onSimulation(async (clock, simulation) => {
      simulation.simulator.setScenario({
        rules: [
          { match: { method: 'POST', path: SHIPMENTS }, times: 1, fault: { type: 'lost_response' } },
          { match: { method: 'GET', path: LOOKUP }, fault: { type: 'status', status: 503 } },
        ],
      });
      await expect(connectorFor(clock, simulation, { express: true }).createShipment(INPUT)).rejects.toMatchObject({ kind: 'outcome_unknown', requestMayHaveReachedProvider: true });
      expect(simulation.simulator.count('POST', SHIPMENTS)).toBe(1);
      expect(simulation.labelsByReference().get('order-7')).toBe(1);
    });
  });

  it('with the idempotency store, repeats a finished call from the store and looks up nothing', async () => {
    await onSimulation(async (clock, simulation) => {
      const connector = connectorFor(clock, simulation, { express: true, idempotencyStore: new MemoryIdempotencyStore() });
      const first = await connector.createShipment({ ...INPUT, idempotencyKey: 'key-7' });
      const again = await connector.createShipment({ ...INPUT, idempotencyKey: 'key-7' });
      expect(again).toEqual(first);
      expect(simulation.simulator.count('POST', SHIPMENTS)).toBe(1);
      expect(simulation.simulator.count('GET', LOOKUP)).toBe(0);
    });
  });

  it('refuses an international shipment without a complete declaration before any call', async () => {
    await onSimulation(async (clock, simulation) => {
      const connector = connectorFor(clock, simulation, { express: true });
      await expect(connector.createShipment({ ...INPUT, to: ZURICH })).rejects.toMatchObject({ kind: 'invalid_request', reason: 'customs_required', requestMayHaveReachedProvider: false });
      const noEori: Customs = { ...CUSTOMS, exporterEori: undefined };
      await expect(connector.createShipment({ ...INPUT, to: ZURICH, customs: noEori })).rejects.toThrow(/customs\.exporterEori/);
      const badHs = { ...CUSTOMS, contents: [{ ...CUSTOMS.contents[0], hsCode: '6115.95' }] } as Customs;
      await expect(connector.quoteRates({ from: FROM, to: ZURICH, parcels: [PARCEL], customs: badHs })).rejects.toMatchObject({ reason: 'customs_invalid' });
      expect(simulation.simulator.requests).toHaveLength(0);
    });
  });

  it('sends "Müller GmbH" and "Łódź" exactly as given, and refuses a character no label can print, typed and before any call', async () => {
    await onSimulation(async (clock, simulation) => {
      const connector = connectorFor(clock, simulation, { express: true });
      const lodz = { ...TO, lines: ['ulica Piotrkowska'], houseNumber: '7', postalCode: '90-001', city: 'Łódź', country: 'PL' };
      await connector.createShipment({ ...INPUT, from: { ...FROM, company: 'Müller GmbH' }, to: lodz });
      const sent = simulation.simulator.requests[0]?.body ?? '';
      expect(sent).toContain('"Müller GmbH"');
      expect(sent).toContain('"Łódź"');
      const bell = { ...lodz, name: 'Anna\u0007Nowak' };
      await expect(connector.createShipment({ ...INPUT, reference: 'order-8', to: bell })).rejects.toMatchObject({ kind: 'invalid_request', reason: 'unsupported_characters', requestMayHaveReachedProvider: false });
      await expect(connector.createShipment({ ...INPUT, reference: 'order-8', to: bell })).rejects.not.toThrow(/Anna|Nowak/);
      expect(simulation.simulator.requests).toHaveLength(1);
    });
  });

  it('declares a dutiable shipment in content.exportDeclaration: HS code, unit price, line weight, EORI, incoterm and value', async () => {
    await onSimulation(async (clock, simulation) => {
      const shipment = await connectorFor(clock, simulation, { express: true }).createShipment({ ...INPUT, to: ZURICH, customs: CUSTOMS });
      expect(shipment.customs).toEqual(CUSTOMS);
      const sent = JSON.parse(simulation.simulator.requests[0]?.body ?? '{}') as Record<string, Record<string, unknown>>;
      expect(sent['content']).toMatchObject({
        isCustomsDeclarable: true,
        declaredValue: 37.5,
        declaredValueCurrency: 'EUR',
        incoterm: 'DAP',
        unitOfMeasurement: 'metric',
        exportDeclaration: {
          lineItems: [
            {
              number: 1,
              description: 'Wool socks',
              price: 12.5,
              quantity: { value: 3, unitOfMeasurement: 'PCS' },
              commodityCodes: [{ typeCode: 'outbound', value: '611595' }],
              manufacturerCountry: 'DE',
              weight: { netValue: 0.3, grossValue: 0.3 },
              exportReasonType: 'commercial_purpose_or_sale',
            },
          ],
          invoice: { number: 'INV-7', date: '2026-01-05' },
        },
      });
      expect(sent['customerDetails']).toMatchObject({ shipperDetails: { registrationNumbers: [{ typeCode: 'EOR', number: 'DE123456789012345', issuerCountryCode: 'DE' }] } });
    });
  });

  it('sends a domestic shipment or documents abroad as not dutiable, without a declaration', async () => {
    await onSimulation(async (clock, simulation) => {
      const connector = connectorFor(clock, simulation, { express: true });
      await connector.createShipment(INPUT);
      await connector.createShipment({ ...INPUT, reference: 'order-8', to: ZURICH, customs: { ...CUSTOMS, contentsType: 'documents' } });
      for (const request of simulation.simulator.requests) {
        const content = (JSON.parse(request.body) as { content: Record<string, unknown> }).content;
        expect(content['isCustomsDeclarable']).toBe(false);
        expect(content['exportDeclaration']).toBeUndefined();
      }
    });
  });

  it('refuses before any call what MyDHL cannot take: no phone, no dimensions, a PNG label, a reference over 35 characters', async () => {
    await onSimulation(async (clock, simulation) => {
      const connector = connectorFor(clock, simulation, { express: true });
      const cases: [Partial<CreateShipmentInput>, string][] = [
        [{ from: { ...FROM, phone: undefined } }, 'phone_required'],
        [{ parcels: [{ weight: PARCEL.weight }] }, 'dimensions_required'],
        [{ labelFormat: 'png' }, 'label_format_unsupported'],
        [{ reference: 'r'.repeat(36) }, 'reference_too_long'],
      ];
      for (const [change, reason] of cases) await expect(connector.createShipment({ ...INPUT, ...change })).rejects.toMatchObject({ kind: 'invalid_request', reason });
      expect(simulation.simulator.requests).toHaveLength(0);
    });
  });

  it('refuses rates and labels before any call when no Express credentials were given', async () => {
    await onSimulation(async (clock, simulation) => {
      const connector = connectorFor(clock, simulation);
      const unsupported = { kind: 'invalid_request', reason: 'operation_unsupported' };
      await expect(connector.quoteRates({ from: FROM, to: TO, parcels: [PARCEL] })).rejects.toMatchObject(unsupported);
      await expect(connector.createShipment(INPUT)).rejects.toMatchObject(unsupported);
      await expect(connector.createShipment(INPUT)).rejects.toThrow(/credentials not configured/);
      expect(simulation.simulator.requests).toHaveLength(0);
    });
  });
});
