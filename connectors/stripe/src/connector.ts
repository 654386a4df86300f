import { createHash } from 'node:crypto';
import {
  ApiKeyRing,
  apiKeyAuth,
  createProviderClient,
  newIdempotencyKey,
  parseContract,
  systemClock,
  type Clock,
  type DeadLetterSink,
  type IdempotencyStore,
  type ProviderClient,
  type RateLimitStore,
  type TelemetrySink,
} from '@interlock/core';
import type {
  CaptureOptions,
  CreatePaymentInput,
  Customer,
  IdempotentOptions,
  Payment,
  PaymentEvent,
  PaymentListFilter,
  PaymentsConnector,
  Refund,
  RefundOptions,
  SettlementLine,
  SettlementPeriod,
  WebhookDelivery,
} from '@interlock/payments';
import { stripeEndpoints, type StripeEndpoint } from './endpoints.js';
import { stripeErrorTable } from './errors.js';
import { LIST_PARAMS } from './fields.js';
import { STRIPE_RATE_LIMITS, type StripeMode } from './limits.js';
import { createdRange, mapEach, stripeListReader } from './lists.js';
import type { TransformContext } from './transform/context.js';
import { toCreateCustomerBody, toCustomer, type StripeCustomerInput } from './transform/customer.js';
import { toPaymentEvents, type ObjectParser } from './transform/event.js';
import { checkCreatePayment, toCaptureBody, toCreatePaymentIntentBody, toPayment } from './transform/payment.js';
import { toCreateRefundBody, toRefund } from './transform/refund.js';
import { checkIdempotencyKey, checkSameCurrency } from './transform/request-checks.js';
import { toSettlementLine } from './transform/settlement.js';
import { STRIPE_API_BASE_URL, STRIPE_API_VERSION, STRIPE_PROVIDER } from './version.js';
import { deliveryJson, verifyStripeDelivery } from './webhooks.js';
import { balanceTransactionListContract } from './wire/balance-transaction.js';
import { customerContract } from './wire/customer.js';
import { eventContract, eventListContract } from './wire/event.js';
import { paymentIntentContract, paymentIntentListContract } from './wire/payment-intent.js';
import { refundContract } from './wire/refund.js';

/** A secret key (`sk_…` or a restricted `rk_…`), or a ring holding two while a key is rolled. */
export type StripeCredentials = { apiKey: string; keyId?: string } | { keys: ApiKeyRing };

export interface StripeConnectorOptions {
  credentials: StripeCredentials;
  /** Webhook endpoint secrets (`whsec_…`): one, or two while a secret is rolled. */
  webhookSecrets: readonly string[];
  /** Default https://api.stripe.com; a simulator's URL in tests. */
  baseUrl?: string;
  /** Which of Stripe's rate budgets applies; default `live` (sandbox keys get a quarter of it). */
  mode?: StripeMode;
  clock?: Clock;
  fetch?: typeof fetch;
  telemetry?: readonly TelemetrySink[];
  /** Where operation outcomes are kept for replay; share a durable one across processes. */
  idempotencyStore?: IdempotencyStore;
  /** Where limiter state lives; share one across processes using the same key. */
  rateLimitStore?: RateLimitStore;
  deadLetters?: DeadLetterSink;
  /** Overrides Stripe's 300 s replay window for webhooks. */
  webhookToleranceMs?: number;
}

/** Which events to read back from GET /v1/events (Stripe keeps 30 days of them). */
export interface StripeEventFilter {
  /** Epoch ms, inclusive. */
  createdFrom?: number;
  /** Epoch ms, exclusive. */
  createdTo?: number;
  /** Stripe event types, e.g. `payment_intent.succeeded`; all types when omitted. */
  types?: readonly string[];
}

/** The payments connector plus what only Stripe offers. */
export interface StripeConnector extends PaymentsConnector {
  /** The `Stripe-Version` every request is pinned to. */
  readonly apiVersion: string;
  getRefund(id: string): Promise<Refund>;
  createCustomer(input: StripeCustomerInput, options?: IdempotentOptions): Promise<Customer>;
  getCustomer(id: string): Promise<Customer>;
  /**
   * Stripe's own record of events, read to the last page (newest first, as Stripe lists them) and
   * mapped like webhooks: what a reconciler replays when webhooks were missed. These come from
   * the API over TLS with the secret key, so they carry no signature to check.
   */
  listEvents(filter?: StripeEventFilter): AsyncIterable<PaymentEvent>;
}

function keyRing(credentials: StripeCredentials, clock: Clock): ApiKeyRing {
  if ('keys' in credentials) return credentials.keys;
  return new ApiKeyRing({ provider: STRIPE_PROVIDER, clock, keys: [{ id: credentials.keyId ?? 'stripe_secret_key', secret: credentials.apiKey }] });
}

/**
 * The key for the customer made on the way to a payment: derived from the payment's key, so a
 * create retried with the same key reuses that customer, and hashed so it stays short.
 */
function customerKeyFor(paymentKey: string): string {
  return `customer-${createHash('sha256').update(paymentKey).digest('hex').slice(0, 40)}`;
}

/**
 * The Stripe connector: PaymentIntents, Refunds, Customers, Events and Balance Transactions
 * through core's provider client, which brings retries, limits, breakers, idempotency keys,
 * telemetry and redaction. This file only wires endpoints, contracts and transforms together.
 */
export function createStripeConnector(options: StripeConnectorOptions): StripeConnector {
  const clock = options.clock ?? systemClock;
  const limits = STRIPE_RATE_LIMITS[options.mode ?? 'live'];
  const client: ProviderClient<StripeEndpoint> = createProviderClient({
    provider: STRIPE_PROVIDER,
    baseUrl: options.baseUrl ?? STRIPE_API_BASE_URL,
    endpoints: stripeEndpoints(limits),
    accountRateLimits: limits.account,
    auth: apiKeyAuth(keyRing(options.credentials, clock), { in: 'bearer' }),
    errors: stripeErrorTable,
    headers: { 'Stripe-Version': STRIPE_API_VERSION },
    idempotency: { header: 'Idempotency-Key', ...(options.idempotencyStore ? { store: options.idempotencyStore } : {}) },
    clock,
    telemetry: options.telemetry ?? [],
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.rateLimitStore ? { rateLimitStore: options.rateLimitStore } : {}),
    ...(options.deadLetters ? { deadLetters: options.deadLetters } : {}),
  });
  const webhookSecrets = [...options.webhookSecrets];
  for (const secret of webhookSecrets) client.redactor.addSecret(secret);
  const transformContext: TransformContext = { tracker: client.unknownValues };

  const list = stripeListReader(client);

  // Webhook bodies do not come through a client call, so they are parsed against the same sinks directly.
  const eventParser =
    (endpoint: string): ObjectParser =>
    (contract, body) =>
      parseContract(contract, body, { emit: client.emit, tracker: client.unknownValues, endpoint, clock }).value;
  const parseWebhookObject = eventParser('webhook');
  const parseListedObject = eventParser('listEvents');

  const retrievePaymentIntent = async (id: string): Promise<Payment> => {
    // The latest charge, expanded, is what tells a refunded payment from a succeeded one.
    const response = await client.request('retrievePaymentIntent', { pathParams: { id }, query: { [LIST_PARAMS.expand]: ['latest_charge'] } });
    return toPayment(client.parse(paymentIntentContract, response.body, 'retrievePaymentIntent').value, transformContext);
  };

  const createCustomer = async (input: StripeCustomerInput, call: IdempotentOptions = {}): Promise<Customer> => {
    checkIdempotencyKey(call.idempotencyKey, 'createCustomer');
    const response = await client.request('createCustomer', {
      body: toCreateCustomerBody(input, 'createCustomer'),
      ...(call.idempotencyKey === undefined ? {} : { idempotencyKey: call.idempotencyKey }),
    });
    return toCustomer(client.parse(customerContract, response.body, 'createCustomer').value);
  };

  return {
    provider: STRIPE_PROVIDER,
    apiVersion: STRIPE_API_VERSION,

    async createPayment(input: CreatePaymentInput & IdempotentOptions): Promise<Payment> {
      const operation = 'createPaymentIntent';
      checkIdempotencyKey(input.idempotencyKey, operation);
      checkCreatePayment(input, operation);
      // Made here rather than by the client so the customer's key can be derived from it.
      const idempotencyKey = input.idempotencyKey ?? newIdempotencyKey(clock.now());
      const details = input.customer;
      let customerId = details?.id;
      if (customerId === undefined && details !== undefined && (details.name !== undefined || details.email !== undefined)) {
        const customerInput: StripeCustomerInput = {
          ...(details.name === undefined ? {} : { name: details.name }),
          ...(details.email === undefined ? {} : { email: details.email }),
        };
        customerId = (await createCustomer(customerInput, { idempotencyKey: customerKeyFor(idempotencyKey) })).id;
      }
      const response = await client.request(operation, { body: toCreatePaymentIntentBody(input, customerId, operation), idempotencyKey });
      return toPayment(client.parse(paymentIntentContract, response.body, operation).value, transformContext);
    },

    async capturePayment(id: string, capture: CaptureOptions = {}): Promise<Payment> {
      const operation = 'capturePaymentIntent';
      checkIdempotencyKey(capture.idempotencyKey, operation);
      // amount_to_capture is read in the intent's currency, so a mismatched one must not be sent.
      if (capture.amount) checkSameCurrency((await retrievePaymentIntent(id)).amount.currency, capture.amount.currency, operation);
      const response = await client.request(operation, {
        pathParams: { id },
        body: toCaptureBody(capture.amount, operation),
        ...(capture.idempotencyKey === undefined ? {} : { idempotencyKey: capture.idempotencyKey }),
      });
      return toPayment(client.parse(paymentIntentContract, response.body, operation).value, transformContext);
    },

    async cancelPayment(id: string, cancel: IdempotentOptions = {}): Promise<Payment> {
      const operation = 'cancelPaymentIntent';
      checkIdempotencyKey(cancel.idempotencyKey, operation);
      const response = await client.request(operation, {
        pathParams: { id },
        body: {},
        ...(cancel.idempotencyKey === undefined ? {} : { idempotencyKey: cancel.idempotencyKey }),
      });
      return toPayment(client.parse(paymentIntentContract, response.body, operation).value, transformContext);
    },

    getPayment: retrievePaymentIntent,

    listPayments(filter: PaymentListFilter = {}): AsyncIterable<Payment> {
      const query = { ...createdRange(filter.createdFrom, filter.createdTo), [LIST_PARAMS.expand]: ['data.latest_charge'] };
      return mapEach(list('listPaymentIntents', paymentIntentListContract, query), (intent) => [toPayment(intent, transformContext)]);
    },

    async refundPayment(paymentId: string, refund: RefundOptions = {}): Promise<Refund> {
      const operation = 'createRefund';
      checkIdempotencyKey(refund.idempotencyKey, operation);
      // A refund amount is read in the charge's currency: check it against the payment's first.
      if (refund.amount) checkSameCurrency((await retrievePaymentIntent(paymentId)).amount.currency, refund.amount.currency, operation);
      const response = await client.request(operation, {
        body: toCreateRefundBody(paymentId, refund, refund.amount, operation),
        ...(refund.idempotencyKey === undefined ? {} : { idempotencyKey: refund.idempotencyKey }),
      });
      return toRefund(client.parse(refundContract, response.body, operation).value, transformContext);
    },

    parseWebhook(delivery: WebhookDelivery): PaymentEvent[] {
      verifyStripeDelivery(delivery, webhookSecrets, options.webhookToleranceMs);
      return toPaymentEvents(parseWebhookObject(eventContract, deliveryJson(delivery.rawBody)), parseWebhookObject, transformContext);
    },

    // Stripe's event id is in the body, so the id the delivery was deduped on adds nothing here.
    eventsFromVerifiedBody(rawBody: string): PaymentEvent[] {
      return toPaymentEvents(parseWebhookObject(eventContract, deliveryJson(rawBody)), parseWebhookObject, transformContext);
    },

    listSettlements(period: SettlementPeriod): AsyncIterable<SettlementLine> {
      // The source, expanded, names the PaymentIntent (a charge's or a refund's) the line settles.
      const query = { ...createdRange(period.from, period.to), [LIST_PARAMS.expand]: ['data.source'] };
      return mapEach(list('listBalanceTransactions', balanceTransactionListContract, query), (line) => [toSettlementLine(line, transformContext)]);
    },

    async getRefund(id: string): Promise<Refund> {
      const response = await client.request('retrieveRefund', { pathParams: { id } });
      return toRefund(client.parse(refundContract, response.body, 'retrieveRefund').value, transformContext);
    },

    createCustomer,

    async getCustomer(id: string): Promise<Customer> {
      const response = await client.request('retrieveCustomer', { pathParams: { id } });
      return toCustomer(client.parse(customerContract, response.body, 'retrieveCustomer').value);
    },

    listEvents(filter: StripeEventFilter = {}): AsyncIterable<PaymentEvent> {
      const query = { ...createdRange(filter.createdFrom, filter.createdTo), [LIST_PARAMS.types]: filter.types };
      return mapEach(list('listEvents', eventListContract, query), (event) => toPaymentEvents(event, parseListedObject, transformContext));
    },
  };
}
