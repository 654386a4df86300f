/** The provider's id as it appears in records, errors and telemetry. */
export const SENDCLOUD_PROVIDER = 'sendcloud';

/**
 * The API the wire contracts were written from: Sendcloud's v3 OpenAPI documents as mirrored in
 * ../shared/providers/sendcloud (api-evangelist/sendcloud @ 649aa772, 2026-08-22). Sendcloud has no
 * version header; the major version is in the path, so this names the spec, not a request header.
 */
export const SENDCLOUD_API_VERSION = 'v3@2026-08-22';

/** Production (v3-shipments.openapi.yml and v3-parcel-tracking.openapi.yml, `servers`). */
export const SENDCLOUD_API_BASE_URL = 'https://panel.sendcloud.sc/api/v3';

/**
 * Sendcloud sends no settlement reports; the hub's reconciliation waits this long before comparing
 * a record with the carrier, the day a tracking status takes to reach every Sendcloud view.
 */
export const SENDCLOUD_REPORTING_LAG_MS = 24 * 60 * 60 * 1000;
