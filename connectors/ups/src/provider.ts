/** The provider's id as it appears in records, errors and telemetry. */
export const UPS_PROVIDER = 'ups';

/**
 * The API version the wire contracts were written from, sent on every request so that a change
 * of the account's default version cannot change the shapes this connector reads.
 * Template value: the version of the spec or documentation the contracts come from.
 */
export const UPS_API_VERSION = '2026-01-01';

/** The header the version travels in. Template value: the provider's own header, or none. */
export const UPS_VERSION_HEADER = 'Ups-Version';

/** The production API. Template value: the provider's documented base URL. */
export const UPS_API_BASE_URL = 'https://api.ups.example';

/**
 * How long after a change the provider's settlement reports show it; reconciliation waits this
 * long before comparing. Template value: the provider's documented settlement delay.
 */
export const UPS_REPORTING_LAG_MS = 24 * 60 * 60 * 1000;
