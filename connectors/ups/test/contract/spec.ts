import type { LogisticsConnector } from '@interlock/logistics';
import type { ConnectorContractSpec } from '@interlock/testkit';
import { createUpsConnector, UPS_RATE_LIMITS } from '../../src/index.js';
import { CLIENT, CREDENTIAL, ERRORS, TRACK_RESPONSE, TRACKING_NUMBER, withTokenEndpoint } from '../fixtures/recorded.js';

const read = { status: 200, body: TRACK_RESPONSE };
const [shipment] = TRACK_RESPONSE.trackResponse.shipment;
const [pkg] = shipment.package;
const withPackage = (changed: Record<string, unknown>) => ({ trackResponse: { shipment: [{ ...shipment, package: [{ ...pkg, ...changed }] }] } });

/** Everything the shared connector contract suite needs to know about ups. */
export const upsSpec: ConnectorContractSpec<LogisticsConnector> = {
  provider: 'ups',
  credentials: [CLIENT.clientSecret, CREDENTIAL],
  create: ({ baseUrl, clock, fetch, telemetry }) =>
    createUpsConnector({ baseUrl, credentials: CLIENT, webhookSecrets: [CREDENTIAL], clock, fetch: withTokenEndpoint(fetch), telemetry }),
  read: {
    method: 'GET',
    path: `/api/track/v1/details/${TRACKING_NUMBER}`,
    reply: read,
    call: (connector) => connector.track([TRACKING_NUMBER]),
  },
  errors: [
    { name: 'invalid token', kind: 'auth', reply: ERRORS.invalidToken },
    { name: 'token expired', kind: 'auth', reply: ERRORS.tokenExpired },
    { name: 'transient server error', kind: 'unavailable', reply: ERRORS.transient },
    { name: 'content type not supported', kind: 'invalid_request', reply: ERRORS.contentType },
    { name: 'service unavailable', kind: 'unavailable', reply: ERRORS.unavailable },
    // UPS documents no 429 body; an error list without a code is classified by the status.
    { name: 'rate limited', kind: 'rate_limited', reply: { status: 429, body: { response: { errors: [] } } } },
    { name: 'track body broken', kind: 'contract_violation', reply: { status: 200, body: { trackResponse: {} } } },
  ],
  limits: { operation: 'read', windows: UPS_RATE_LIMITS.track },
  drift: { reply: { status: 200, body: withPackage({ carbonNeutral: true }) } },
  unknownEnum: { reply: { status: 200, body: withPackage({ activity: [{ ...pkg.activity[0], status: { ...pkg.activity[0].status, type: 'P' } }] }) }, raw: 'P' },
};
