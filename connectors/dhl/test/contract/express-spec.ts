import type { LogisticsConnector } from '@interlock/logistics';
import type { ConnectorContractSpec } from '@interlock/testkit';
import { createDhlConnector } from '../../src/index.js';
import { EXPRESS, FROM, TO } from '../helpers.js';
import { API_KEY, replyOf } from './recorded.js';

const read = replyOf('express-rates');
const rates = read.body as { products: Record<string, unknown>[] };
const [product] = rates.products;
const withProduct = (changes: Record<string, unknown>) => ({ status: 200, body: { ...rates, products: [{ ...product, ...changes }] } });
const PARCEL = { weight: { value: 1.5, unit: 'kg' as const }, dimensions: { length: { value: 25, unit: 'cm' as const }, width: { value: 35, unit: 'cm' as const }, height: { value: 15, unit: 'cm' as const } } };

/**
 * The shared contract suite on DHL Express: the read is a quote (POST /rates, safe to repeat).
 * There is no `write`: the suite's write check is one idempotency key across retries, and MyDHL
 * takes none (creates are made safe by the lookup by reference, tested in express/). MyDHL
 * documents no limits, so none are checked.
 */
export const dhlExpressSpec: ConnectorContractSpec<LogisticsConnector> = {
  provider: 'dhl',
  credentials: [API_KEY, EXPRESS.username, EXPRESS.password, EXPRESS.accountNumber],
  create: ({ baseUrl, clock, fetch, telemetry }) => createDhlConnector({ baseUrl, apiKeys: [API_KEY], express: { ...EXPRESS, baseUrl: `${baseUrl}/mydhlapi` }, clock, fetch, telemetry }),
  read: { method: 'POST', path: '/mydhlapi/rates', reply: read, call: (connector) => connector.quoteRates({ from: FROM, to: TO, parcels: [PARCEL] }) },
  errors: [
    { name: 'account not found', kind: 'invalid_request', reply: replyOf('express-error-account-invalid') },
    { name: 'schema validation', kind: 'invalid_request', reply: replyOf('express-error-validation') },
    { name: 'service not on the route', kind: 'business_rejected', reply: replyOf('express-error-service-not-on-route') },
    { name: 'process failure', kind: 'unavailable', reply: replyOf('express-error-process') },
    { name: 'products not a list', kind: 'contract_violation', reply: { status: 200, body: { products: 'none' } } },
  ],
  drift: { reply: withProduct({ co2Emissions: 412 }) },
  unknownEnum: { reply: withProduct({ totalPrice: [{ currencyType: 'NEWCU', priceCurrency: 'GBP', price: 141.51 }] }), raw: 'NEWCU' },
};
