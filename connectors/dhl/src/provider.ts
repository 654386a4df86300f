/** The provider's id as it appears in records, errors and telemetry. */
export const DHL_PROVIDER = 'dhl';

/**
 * The version of DHL's Shipment Tracking - Unified OpenAPI document (utapi-traking-api-1.4.1.yaml)
 * the wire contracts were written from. DHL versions this API by document, not by a request
 * header, so nothing is sent with it.
 */
export const DHL_API_VERSION = '1.4.1';

/** Production, as the spec's `servers` list it; the paths below it start at `/shipments`. */
export const DHL_API_BASE_URL = 'https://api-eu.dhl.com/track';

/** DHL's development server, for a sandbox key. */
export const DHL_TEST_BASE_URL = 'https://api-test.dhl.com/track';

/** Tracking has no settlement reports to wait for: reconciliation has nothing to compare later. */
export const DHL_REPORTING_LAG_MS = 0;

/**
 * The version of DHL's MyDHL API OpenAPI document ("DHL Express APIs (MyDHL API)" 2.7.0, as
 * generated clients of it carry it: javea7171/dhlapi `api/swagger.yaml`) the Express contracts
 * were written from.
 */
export const DHL_EXPRESS_API_VERSION = '2.7.0';

/** DHL Express production, as the MyDHL spec's `servers` list it; paths below it start at `/rates`, `/shipments`. */
export const DHL_EXPRESS_BASE_URL = 'https://express.api.dhl.com/mydhlapi';

/** DHL Express's test environment, for test credentials. */
export const DHL_EXPRESS_TEST_BASE_URL = 'https://express.api.dhl.com/mydhlapi/test';
