import type { SimObject } from '@interlock/testkit/simulator';
import { STRIPE_API_VERSION } from '../src/provider.js';
import { formRecord } from './replies.js';

/**
 * Stripe objects as the 2023-08-16 API renders them, field for field (shapes from
 * shared/providers/stripe/stripe-openapi.v1-subset.api-2023-08-16.json and the stripe-mock
 * fixtures beside it), with lifecycle values a real account would show.
 */

/** Unix seconds, as every Stripe timestamp. */
export function unixSeconds(epochMs: number): number {
  return Math.floor(epochMs / 1000);
}

export interface PaymentIntentInit {
  id: string;
  amount: number;
  currency: string;
  captureMethod: string;
  customer: string | null;
  description: string | null;
  metadata: Record<string, string>;
  clientSecret: string;
  now: number;
}

export function paymentIntentObject(init: PaymentIntentInit): SimObject {
  return {
    id: init.id,
    object: 'payment_intent',
    amount: init.amount,
    amount_capturable: 0,
    amount_details: { tip: {} },
    amount_received: 0,
    application: null,
    application_fee_amount: null,
    automatic_payment_methods: { allow_redirects: 'always', enabled: true },
    canceled_at: null,
    cancellation_reason: null,
    capture_method: init.captureMethod,
    client_secret: init.clientSecret,
    confirmation_method: 'automatic',
    created: unixSeconds(init.now),
    currency: init.currency,
    customer: init.customer,
    description: init.description,
    invoice: null,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    metadata: init.metadata,
    next_action: null,
    on_behalf_of: null,
    payment_method: null,
    payment_method_options: { card: { installments: null, mandate_options: null, network: null, request_three_d_secure: 'automatic' } },
    payment_method_types: ['card'],
    processing: null,
    receipt_email: null,
    review: null,
    setup_future_usage: null,
    shipping: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: 'requires_payment_method',
    transfer_data: null,
    transfer_group: null,
  };
}

/** The card every simulated customer pays with: Stripe's test Visa. */
const TEST_CARD = { paymentMethod: 'pm_card_visa', brand: 'visa', last4: '4242', fingerprint: 'Xt5EWLLDS7FJjR1c' };

export interface ChargeInit {
  id: string;
  intent: SimObject;
  captured: boolean;
  failure?: { code: string; declineCode: string; message: string } | undefined;
  now: number;
}

export function chargeObject(init: ChargeInit): SimObject {
  const { intent, failure } = init;
  const amount = intent['amount'] as number;
  const succeeded = failure === undefined;
  return {
    id: init.id,
    object: 'charge',
    amount,
    amount_captured: succeeded && init.captured ? amount : 0,
    amount_refunded: 0,
    application: null,
    application_fee: null,
    application_fee_amount: null,
    balance_transaction: null,
    billing_details: { address: { city: null, country: null, line1: null, line2: null, postal_code: null, state: null }, email: null, name: null, phone: null },
    calculated_statement_descriptor: 'INTERLOCK DEMO',
    captured: succeeded && init.captured,
    created: unixSeconds(init.now),
    currency: intent['currency'],
    customer: intent['customer'],
    description: intent['description'],
    disputed: false,
    failure_balance_transaction: null,
    failure_code: failure?.code ?? null,
    failure_message: failure?.message ?? null,
    fraud_details: {},
    invoice: null,
    livemode: false,
    metadata: intent['metadata'],
    on_behalf_of: null,
    outcome: succeeded
      ? { network_status: 'approved_by_network', reason: null, risk_level: 'normal', risk_score: 32, seller_message: 'Payment complete.', type: 'authorized' }
      : { network_status: 'declined_by_network', reason: failure.declineCode, risk_level: 'normal', risk_score: 32, seller_message: 'The bank did not return any further details with this decline.', type: 'issuer_declined' },
    paid: succeeded,
    payment_intent: intent['id'],
    payment_method: TEST_CARD.paymentMethod,
    payment_method_details: {
      card: {
        brand: TEST_CARD.brand,
        checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: 'pass' },
        country: 'US',
        exp_month: 8,
        exp_year: 2030,
        fingerprint: TEST_CARD.fingerprint,
        funding: 'credit',
        installments: null,
        last4: TEST_CARD.last4,
        mandate: null,
        network: TEST_CARD.brand,
        three_d_secure: null,
        wallet: null,
      },
      type: 'card',
    },
    radar_options: {},
    receipt_email: null,
    receipt_number: null,
    receipt_url: `https://pay.stripe.com/receipts/payment/${init.id}`,
    refunded: false,
    review: null,
    shipping: null,
    source_transfer: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: succeeded ? 'succeeded' : 'failed',
    transfer_data: null,
    transfer_group: null,
  };
}

export interface RefundInit {
  id: string;
  charge: SimObject;
  amount: number;
  reason: string | null;
  metadata: Record<string, string>;
  now: number;
}

export function refundObject(init: RefundInit): SimObject {
  return {
    id: init.id,
    object: 'refund',
    amount: init.amount,
    balance_transaction: null,
    charge: init.charge['id'],
    created: unixSeconds(init.now),
    currency: init.charge['currency'],
    metadata: init.metadata,
    payment_intent: init.charge['payment_intent'],
    reason: init.reason,
    receipt_number: null,
    source_transfer_reversal: null,
    status: 'succeeded',
    transfer_reversal: null,
  };
}

/** A customer from the form body of POST /v1/customers. */
export function customerObject(id: string, body: Readonly<Record<string, unknown>>, now: number): SimObject {
  const text = (key: string): string | null => (typeof body[key] === 'string' ? body[key] : null);
  return {
    id,
    object: 'customer',
    address: null,
    balance: 0,
    created: unixSeconds(now),
    currency: null,
    default_source: null,
    delinquent: false,
    description: text('description'),
    discount: null,
    email: text('email'),
    invoice_prefix: id.slice(-8).toUpperCase(),
    invoice_settings: { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null },
    livemode: false,
    metadata: formRecord(body['metadata']),
    name: text('name'),
    next_invoice_sequence: 1,
    phone: text('phone'),
    preferred_locales: [],
    shipping: null,
    tax_exempt: 'none',
    test_clock: null,
  };
}

export interface BalanceTransactionInit {
  id: string;
  type: 'charge' | 'refund';
  source: string;
  amount: number;
  fee: number;
  currency: string;
  at: number;
}

export function balanceTransactionObject(init: BalanceTransactionInit): SimObject {
  const created = unixSeconds(init.at);
  return {
    id: init.id,
    object: 'balance_transaction',
    amount: init.amount,
    available_on: created,
    created,
    currency: init.currency,
    description: init.type === 'charge' ? 'Payment' : 'REFUND FOR CHARGE',
    exchange_rate: null,
    fee: init.fee,
    fee_details:
      init.fee === 0 ? [] : [{ amount: init.fee, application: null, currency: init.currency, description: 'Stripe processing fees', type: 'stripe_fee' }],
    net: init.amount - init.fee,
    reporting_category: init.type,
    source: init.source,
    status: 'available',
    type: init.type,
  };
}

export interface EventInit {
  id: string;
  type: string;
  object: SimObject;
  previousAttributes?: Record<string, unknown> | undefined;
  request: { id: string | null; idempotency_key: string | null };
  now: number;
}

export function eventObject(init: EventInit): SimObject {
  return {
    id: init.id,
    object: 'event',
    api_version: STRIPE_API_VERSION,
    created: unixSeconds(init.now),
    data: { object: structuredClone(init.object), ...(init.previousAttributes ? { previous_attributes: init.previousAttributes } : {}) },
    livemode: false,
    pending_webhooks: 1,
    request: init.request,
    type: init.type,
  };
}
