import { fieldReader, type ErrorKind, type ProviderErrorTable } from '@interlock/core';
import { ERROR_FIELDS } from './fields.js';
import { errorContract } from './wire/error.js';

/**
 * Sendcloud's v3 error codes (the `code` enum of components.schemas.ErrorObject in
 * v3-shipments.openapi.yml) as data. A listed code decides the kind whatever the HTTP status.
 * `invalid` is left to its status on purpose: Sendcloud sends it on a 400 for a bad field and on a
 * 409 for a shipment already being cancelled (`/shipments/{id}/cancel`), which are different kinds.
 * A 429 has an empty body (v2-tracking.openapi.yml) and is classified by its status.
 */
export const SENDCLOUD_ERROR_KINDS: Readonly<Record<string, ErrorKind>> = {
  unknown_field: 'invalid_request',
  invalid_choice: 'invalid_request',
  min_value: 'invalid_request',
  null: 'invalid_request',
  required: 'invalid_request',
  not_a_list: 'invalid_request',
  non_field_errors: 'invalid_request',
  validation_error: 'invalid_request',
  not_found: 'not_found',
  authentication_failed: 'auth',
  forbidden: 'forbidden',
  // "Service error: An error occurred while connecting to the carrier." (status 500 in the spec's example).
  parcel_announcement_error: 'unavailable',
};

/** The code and message of an error body; undefined when the body is not the provider's error shape. */
export function readSendcloudError(body: unknown): { code: string | undefined; message: string | undefined } | undefined {
  const parsed = errorContract.schema.safeParse(body);
  if (!parsed.success) return undefined;
  // Sendcloud lists one error per problem; the first names the request's failure.
  const read = fieldReader(ERROR_FIELDS, parsed.data.errors[0]);
  return { code: read.text('code'), message: read.text('message') };
}

/** The provider's errors for core's classifier. */
export const sendcloudErrorTable: ProviderErrorTable = { codes: SENDCLOUD_ERROR_KINDS, extract: readSendcloudError };
