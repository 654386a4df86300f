/** The provider's id as it appears in records, errors and telemetry. */
export const UPS_PROVIDER = 'ups';

/**
 * The Tracking API version the wire contracts were written from (Tracking.yaml, UPS-API/api-documentation
 * @ e6f36df4). UPS versions by path (`/api/track/v1/...`), so it travels in the paths, not a header.
 */
export const UPS_API_VERSION = 'v1';

/** The Track Alert API version of the subscription path (UPSTrackAlert.yaml, "UPS Track Alert API v2"). */
export const UPS_TRACK_ALERT_VERSION = 'v2';

/** Production (UPS's servers list); `https://wwwcie.ups.com` is its integration environment (CIE). */
export const UPS_API_BASE_URL = 'https://onlinetools.ups.com';

/** The OAuth2 client-credentials token endpoint, under the same host (client_secret_basic, per the specs' security schemes). */
export const UPS_TOKEN_PATH = '/security/v1/oauth/token';

/** What UPS's `transactionSrc` header says about the caller ("Identifies the client/source application that is calling"). */
export const UPS_TRANSACTION_SOURCE = 'interlock';

/**
 * The zone a scan's `date` + `time` are read in when UPS sends neither GMT fields nor an offset:
 * UPS writes them in the scan location's local time and never names the zone, so the caller
 * declares the one its parcels move in (an option of the connector).
 */
export const UPS_DEFAULT_LOCAL_ZONE = 'America/New_York';

/** Tracking carries no money, so nothing is reconciled against a report: no lag to wait for. */
export const UPS_REPORTING_LAG_MS = 0;
