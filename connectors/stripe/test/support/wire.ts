import { parseContract } from '@interlock/core';
import { chargeContract } from '../../src/wire/charge.js';
import { paymentIntentContract, type WirePaymentIntent } from '../../src/wire/payment-intent.js';
import { fixtureBody } from './fixtures.js';

/** The recorded partially refunded intent, changed by `patch` and parsed as the connector would. */
export function wireIntent(patch: Record<string, unknown> = {}): WirePaymentIntent {
  const body = { ...fixtureBody('retrieve a partially refunded PaymentIntent with its latest charge expanded'), ...patch };
  return parseContract(paymentIntentContract, body).value;
}

/** The recorded intent's expanded charge, changed by `patch`, as raw JSON. */
export function chargeJson(patch: Record<string, unknown> = {}): Record<string, unknown> {
  const intent = fixtureBody('retrieve a partially refunded PaymentIntent with its latest charge expanded');
  const charge = { ...(intent['latest_charge'] as Record<string, unknown>), ...patch };
  parseContract(chargeContract, charge);
  return charge;
}
