import { fieldReader } from '@interlock/core';
import { validateCustoms, type Rate, type RateRequest } from '@interlock/logistics';
import { PRICE_FIELDS, RATE_FIELDS, RATE_REQUEST_FIELDS } from '../fields.js';
import { DHL_PROVIDER } from '../provider.js';
import type { WirePrice, WireRateProduct, WireRates } from '../wire/rates.js';
import { declaredValue, isDeclarable } from './customs.js';
import { toWireAddress } from './express-address.js';
import { toWirePackage, unitSystemFor } from './express-units.js';
import { toWirePlannedTime } from './instants.js';
import { fromWireAmount, toWireAmount } from './money.js';

const ENDPOINT = 'quoteRates';

/** The carrier every DHL Express product is moved by, as rates name it. */
export const DHL_EXPRESS_CARRIER = 'dhl_express';

/**
 * How long a quote is kept. MyDHL states no validity: a price is for the planned shipping date it
 * was asked for (`pricingDate`), so a quote is kept a day at most.
 */
export const RATE_VALIDITY_MS = 24 * 60 * 60_000;

/**
 * A rate request as MyDHL's POST /rates body, for pickup now. A declaration, when the caller gives
 * one, is validated first (`validateCustoms`, before any call) and its value declared; without
 * one an international quote is still asked, as dutiable goods.
 */
export function toRateRequestBody(request: RateRequest, accountNumber: string, now: number): Record<string, unknown> {
  if (request.customs !== undefined) validateCustoms({ from: request.from, to: request.to, customs: request.customs }, { provider: DHL_PROVIDER, endpoint: ENDPOINT });
  const system = unitSystemFor(request.parcels);
  const declarable = isDeclarable(request.from, request.to, request.customs);
  const value = declarable && request.customs !== undefined ? declaredValue(request.customs) : undefined;
  const body: Record<string, unknown> = {};
  RATE_REQUEST_FIELDS.write(body, 'from', toWireAddress(request.from));
  RATE_REQUEST_FIELDS.write(body, 'to', toWireAddress(request.to));
  RATE_REQUEST_FIELDS.write(body, 'accounts', [{ typeCode: 'shipper', number: accountNumber }]);
  RATE_REQUEST_FIELDS.write(body, 'plannedShippingAt', toWirePlannedTime(now));
  RATE_REQUEST_FIELDS.write(body, 'unitSystem', system);
  RATE_REQUEST_FIELDS.write(body, 'customsDeclarable', declarable);
  RATE_REQUEST_FIELDS.write(body, 'declaredValue', value === undefined ? undefined : [{ typeCode: 'declaredValue', value: toWireAmount(value), currency: value.currency }]);
  RATE_REQUEST_FIELDS.write(body, 'parcels', request.parcels.map((parcel) => toWirePackage(parcel, system, ENDPOINT)));
  return body;
}

/** The price in the account's billing currency (`BILLC`) when DHL gives one, else the first price with a currency. */
function billedPrice(prices: readonly WirePrice[]): WirePrice | undefined {
  const priced = prices.filter((price) => fieldReader(PRICE_FIELDS, price).text('currency') !== undefined);
  return priced.find((price) => {
    const type = fieldReader(PRICE_FIELDS, price).enumValue('currencyType');
    return type?.known === true && type.value === 'BILLC';
  }) ?? priced[0];
}

function toRate(product: WireRateProduct, quotedAt: number): Rate | undefined {
  const read = fieldReader(RATE_FIELDS, product);
  const service = read.text('service');
  const price = billedPrice(read.get('prices'));
  // A product without a code cannot be bought, and one without a price is no quote.
  if (service === undefined || price === undefined) return undefined;
  const prices = fieldReader(PRICE_FIELDS, price);
  const serviceName = read.text('serviceName');
  const transitDays = read.int('transitDays');
  return {
    provider: DHL_PROVIDER,
    carrier: DHL_EXPRESS_CARRIER,
    service,
    ...(serviceName === undefined ? {} : { serviceName }),
    amount: fromWireAmount(prices.get('amount'), prices.requiredText('currency'), PRICE_FIELDS.inbound.amount),
    ...(transitDays === undefined ? {} : { transitDays }),
    validUntil: quotedAt + RATE_VALIDITY_MS,
    quotedAt,
  };
}

/** Every product DHL quoted, as canonical rates; only the asked services when `services` is given. */
export function toRates(wire: WireRates, quotedAt: number, services?: readonly string[]): Rate[] {
  return wire.products.flatMap((product) => toRate(product, quotedAt) ?? []).filter((rate) => services === undefined || services.includes(rate.service));
}
