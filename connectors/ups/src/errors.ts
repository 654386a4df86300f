import { fieldReader, type ErrorKind, type ProviderErrorTable } from '@interlock/core';
import { ERROR_FIELDS } from './fields.js';
import { errorContract } from './wire/error.js';

/**
 * UPS's error codes as data: the table "The following error codes can apply to all APIs" of
 * UPSTrackAlert.yaml (also what NOTES.md §2.3 lists for Tracking). A listed code decides the kind
 * whatever the HTTP status; an unlisted one (Tracking's per-number codes, which the specs do not
 * enumerate) is classified by its status: 404 not found, 429 rate limited, 5xx unavailable.
 */
export const UPS_ERROR_KINDS: Readonly<Record<string, ErrorKind>> = {
  UJ0001: 'auth',
  '250002': 'auth',
  '251004': 'auth',
  '405': 'invalid_request',
  '10004': 'unavailable',
  '10007': 'invalid_request',
  VSS000: 'invalid_request',
  VSS002: 'invalid_request',
  VSS003: 'invalid_request',
  VSS004: 'invalid_request',
  VSS006: 'invalid_request',
  VSS100: 'unavailable',
  VSS110: 'invalid_request',
  VSS200: 'invalid_request',
  VSS210: 'invalid_request',
  VSS215: 'invalid_request',
  VSS220: 'invalid_request',
  VSS300: 'invalid_request',
  VSS310: 'invalid_request',
  VSS400: 'invalid_request',
  VSS500: 'invalid_request',
  VSS600: 'invalid_request',
  VSS610: 'invalid_request',
  VSS700: 'invalid_request',
  VSS800: 'invalid_request',
  VSS930: 'invalid_request',
};

/** The first error's code and message; undefined when the body is not UPS's error shape. */
export function readUpsError(body: unknown): { code: string | undefined; message: string | undefined } | undefined {
  const parsed = errorContract.schema.safeParse(body);
  if (!parsed.success) return undefined;
  const read = fieldReader(ERROR_FIELDS, parsed.data);
  return { code: read.text('code'), message: read.text('message') };
}

/** UPS's errors for core's classifier. */
export const upsErrorTable: ProviderErrorTable = { codes: UPS_ERROR_KINDS, extract: readUpsError };
