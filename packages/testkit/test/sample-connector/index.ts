import { ApiKeyRing, apiKeyAuth, createProviderClient, systemClock, type Clock, type ErrorKind, type TelemetrySink } from '@interlock/core';
import { acmeErrorTable } from './errors.js';
import { ACME_READ_LIMITS } from './limits.js';
import { toCanonicalPayment, toWirePayment, type CanonicalPayment, type PaymentInput } from './transform.js';
import { paymentContract } from './wire.js';

export interface AcmeConnectorOptions {
  baseUrl: string;
  apiKey: string;
  clock?: Clock;
  fetch?: typeof fetch;
  telemetry?: readonly TelemetrySink[];
  /** Only for the test that proves the suite catches a wrong error table. */
  errorCodes?: Readonly<Record<string, ErrorKind>>;
}

export interface AcmeConnector {
  getPayment(id: string): Promise<CanonicalPayment>;
  createPayment(input: PaymentInput): Promise<CanonicalPayment>;
}

/** A sample payments connector, written the way every connector is: wiring only. */
export function createAcmeConnector(options: AcmeConnectorOptions): AcmeConnector {
  const clock = options.clock ?? systemClock;
  const keys = new ApiKeyRing({ provider: 'acme', clock, keys: [{ id: 'acme_key', secret: options.apiKey }] });
  const client = createProviderClient({
    provider: 'acme',
    baseUrl: options.baseUrl,
    clock,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    telemetry: options.telemetry ?? [],
    auth: apiKeyAuth(keys, { in: 'bearer' }),
    errors: acmeErrorTable(options.errorCodes),
    endpoints: {
      getPayment: { method: 'GET', path: '/v1/payments/{id}', rateLimits: ACME_READ_LIMITS },
      createPayment: { method: 'POST', path: '/v1/payments' },
    },
  });
  return {
    async getPayment(id) {
      const response = await client.request('getPayment', { pathParams: { id } });
      return toCanonicalPayment(client.parse(paymentContract, response.body, 'getPayment').value);
    },
    async createPayment(input) {
      const response = await client.request('createPayment', { body: toWirePayment(input) });
      return toCanonicalPayment(client.parse(paymentContract, response.body, 'createPayment').value);
    },
  };
}
