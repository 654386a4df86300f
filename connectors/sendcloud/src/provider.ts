/** The provider's id as it appears in records, errors and telemetry. */
export const SENDCLOUD_PROVIDER = 'sendcloud';

/**
 * The API the wire contracts were written from: Sendcloud's v3 OpenAPI documents, and v2's for
 * tracking, as mirrored in ../shared/providers/sendcloud (api-evangelist/sendcloud @ 649aa772,
 * 2026-08-22). Sendcloud has no version header; the major version is in the path, so this names
 * the specs, not a request header.
 */
export const SENDCLOUD_API_VERSION = 'v3@2026-08-22';

/**
 * Production, above the version: v3 is `https://panel.sendcloud.sc/api/v3` (v3-shipments.openapi.yml,
 * `servers`) and v2 `…/api/v2` (v2-tracking.openapi.yml), and each endpoint's path names its version.
 */
export const SENDCLOUD_API_BASE_URL = 'https://panel.sendcloud.sc/api';

/**
 * Sendcloud sends no settlement reports; the hub's reconciliation waits this long before comparing
 * a record with the carrier, the day a tracking status takes to reach every Sendcloud view.
 */
export const SENDCLOUD_REPORTING_LAG_MS = 24 * 60 * 60 * 1000;

/**
 * Where OAuth2 client-credentials tokens are issued, and the one scope the API takes
 * (v3-shipments.openapi.yml, `components.securitySchemes.OAuth2ClientCreds`).
 */
export const SENDCLOUD_TOKEN_URL = 'https://account.sendcloud.com/oauth2/token/';
export const SENDCLOUD_OAUTH2_SCOPE = 'api';
