import { moneyFromProvider, moneyToProvider, type Money } from '@interlock/core';
import { SENDCLOUD_PROVIDER } from '../provider.js';

/**
 * Money as Sendcloud v3 writes it: a decimal string in major units ("12.65") beside an ISO 4217
 * code (v3-shipments.openapi.yml, components.schemas.Price).
 */
export function fromWireAmount(value: string, currency: string, field: string): Money {
  return moneyFromProvider(value, currency, 'major', { provider: SENDCLOUD_PROVIDER, field });
}

/** The amount Sendcloud expects for `money`: the major-unit decimal string `fromWireAmount` reads. */
export function toWireAmount(money: Money): string {
  return String(moneyToProvider(money, 'major', 'string'));
}
