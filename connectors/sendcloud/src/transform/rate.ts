import { fieldReader } from '@interlock/core';
import type { Rate, RateRequest } from '@interlock/logistics';
import { RATE_FIELDS } from '../fields.js';
import { SENDCLOUD_PROVIDER } from '../provider.js';
import type { WireRate } from '../wire/rate.js';
import { toWireAddress } from './address.js';
import { fromWireInstant } from './instants.js';
import { fromWireAmount } from './money.js';
import { toWireCustoms, toWireParcel } from './parcel.js';

export function toRate(wire: WireRate, quotedAt: number): Rate {
  const read = fieldReader(RATE_FIELDS, wire);
  return {
    provider: SENDCLOUD_PROVIDER,
    carrier: read.get('carrier'),
    service: read.get('service'),
    serviceName: read.text('serviceName'),
    amount: fromWireAmount(read.get('amount'), read.get('currency'), RATE_FIELDS.inbound.amount),
    transitDays: read.int('transitDays'),
    validUntil: fromWireInstant(read.get('validUntil'), RATE_FIELDS.inbound.validUntil),
    quotedAt,
  };
}

export function toRateRequestBody(request: RateRequest): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  RATE_FIELDS.write(body, 'from', toWireAddress(request.from));
  RATE_FIELDS.write(body, 'to', toWireAddress(request.to));
  RATE_FIELDS.write(body, 'parcels', request.parcels.map(toWireParcel));
  RATE_FIELDS.write(body, 'services', request.services);
  RATE_FIELDS.write(body, 'customs', request.customs === undefined ? undefined : toWireCustoms(request.customs));
  return body;
}
