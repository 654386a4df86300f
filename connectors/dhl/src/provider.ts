/** The provider's id as it appears in records, errors and telemetry. */
export const DHL_PROVIDER = 'dhl';

/**
 * The API version the wire contracts were written from, sent on every request so that a change
 * of the account's default version cannot change the shapes this connector reads.
 * Template value: the version of the spec or documentation the contracts come from.
 */
export const DHL_API_VERSION = '2026-01-01';

/** The header the version travels in. Template value: the provider's own header, or none. */
export const DHL_VERSION_HEADER = 'Dhl-Version';

/** The production API. Template value: the provider's documented base URL. */
export const DHL_API_BASE_URL = 'https://api.dhl.example';

/**
 * How long after a change the provider's settlement reports show it; reconciliation waits this
 * long before comparing. Template value: the provider's documented settlement delay.
 */
export const DHL_REPORTING_LAG_MS = 24 * 60 * 60 * 1000;
