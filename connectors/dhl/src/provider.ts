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
