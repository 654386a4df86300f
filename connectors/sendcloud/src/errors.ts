import { fieldReader, type ErrorKind, type ProviderErrorTable } from '@interlock/core';
import { ERROR_FIELDS } from './fields.js';
import { errorContract } from './wire/error.js';

/**
 * The provider's error codes as data. A listed code decides the kind whatever the HTTP status (a
 * decline is a business rejection, a reused idempotency key a conflict); an unlisted one is
 * classified by its status. Template value: every code the provider documents, with the page.
 */
export const SENDCLOUD_ERROR_KINDS: Readonly<Record<string, ErrorKind>> = {
  invalid_address: 'invalid_request',
  invalid_request: 'invalid_request',
  unsupported_service: 'invalid_request',
  shipment_not_cancelable: 'conflict',
  idempotency_key_reused: 'conflict',
  invalid_api_key: 'auth',
  resource_missing: 'not_found',
  rate_limited: 'rate_limited',
  service_unavailable: 'unavailable',
};

/** The code and message of an error body; undefined when the body is not the provider's error shape. */
export function readSendcloudError(body: unknown): { code: string | undefined; message: string | undefined } | undefined {
  const parsed = errorContract.schema.safeParse(body);
  if (!parsed.success) return undefined;
  const read = fieldReader(ERROR_FIELDS, parsed.data);
  return { code: read.text('code'), message: read.text('message') };
}

/** The provider's errors for core's classifier. */
export const sendcloudErrorTable: ProviderErrorTable = { codes: SENDCLOUD_ERROR_KINDS, extract: readSendcloudError };
