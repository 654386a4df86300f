import type { FaultReply, SimulatorRequest } from '@interlock/testkit/simulator';
import { providerError, seconds } from './replies.js';
import type { SimulationState } from './state.js';

/** The stand-in's tariff: a base price and a price per started kilogram, per service, in euro cents. Template value. */
const TARIFF = [
  { service: 'standard', name: 'Standard', base: 495, perKg: 100, days: 2 },
  { service: 'express', name: 'Express', base: 990, perKg: 200, days: 1 },
];

/** POST /v1/rates: a price per service for the parcels' total weight, valid for a day. */
export function quote(state: SimulationState, request: SimulatorRequest): FaultReply {
  const parcels = request.parsedBody['parcels'];
  if (!Array.isArray(parcels) || parcels.length === 0) return providerError(400, 'required', 'This field is required.');
  const weights = parcels.map((parcel: { weight?: unknown }) => Number(parcel.weight ?? 0));
  const kilograms = Math.ceil(weights.reduce((sum, weight) => sum + weight, 0));
  const validUntil = seconds(state.clock.now()) + 86_400;
  const data = TARIFF.map((tariff) => ({
    id: 'rate_' + tariff.service,
    object: 'rate',
    carrier: 'stand-in',
    service: tariff.service,
    service_name: tariff.name,
    amount: tariff.base + tariff.perKg * kilograms,
    currency: 'EUR',
    transit_days: tariff.days,
    valid_until: validUntil,
  }));
  return { status: 200, body: { object: 'list', data, has_more: false } };
}
