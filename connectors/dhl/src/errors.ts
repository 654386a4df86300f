import { fieldReader, type ErrorKind, type ProviderErrorTable } from '@interlock/core';
import { PROBLEM_FIELDS } from './fields.js';
import { problemContract } from './wire/problem.js';

/**
 * DHL's errors as data. Its RFC 7807 bodies carry no machine code, only a `title`; the one the
 * spec documents is listed here, and every other answer is classified by its HTTP status (401 a
 * bad key, 429 the quota spent, 5xx unavailable).
 */
export const DHL_ERROR_KINDS: Readonly<Record<string, ErrorKind>> = {
  // 404 on /shipments (utapi-traking-api-1.4.1.yaml, responses.shipmentNotFound).
  'No result found': 'not_found',
};

/** The title and detail of a problem body; undefined when the body is not RFC 7807. */
export function readDhlError(body: unknown): { code: string | undefined; message: string | undefined } | undefined {
  const parsed = problemContract.schema.safeParse(body);
  if (!parsed.success) return undefined;
  const read = fieldReader(PROBLEM_FIELDS, parsed.data);
  const code = read.text('title');
  if (code === undefined && read.text('detail') === undefined) return undefined;
  return { code, message: read.text('detail') };
}

/** DHL's errors for core's classifier. */
export const dhlErrorTable: ProviderErrorTable = { codes: DHL_ERROR_KINDS, extract: readDhlError };
