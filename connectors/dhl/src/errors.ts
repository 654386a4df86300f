import { fieldReader, type ErrorKind, type ProviderErrorTable } from '@interlock/core';
import { EXPRESS_PROBLEM_FIELDS, PROBLEM_FIELDS } from './fields.js';
import { expressProblemContract } from './wire/express-problem.js';
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

/**
 * DHL Express (MyDHL API) errors as data. Its problem bodies carry DHL's own error number at the
 * start of `detail` ("7008: …"); the numbers its 2.7.0 spec shows are listed with what they mean,
 * and every other answer is classified by its HTTP status (400 and 422 a request DHL refused, 401
 * bad credentials, 404 nothing found, 5xx unavailable).
 */
export const DHL_EXPRESS_ERROR_KINDS: Readonly<Record<string, ErrorKind>> = {
  // 400 on /shipments, "ShipTimeStamp is not well formatted": our request was malformed.
  '998': 'invalid_request',
  // 400 on /shipments: the product or service is not offered between this origin and destination.
  '7008': 'business_rejected',
  // 500 on every endpoint, "Process failure occurred": DHL's side, worth a retry.
  '999': 'unavailable',
};

const LEADING_CODE = /^(\d+):\s*/;

/** DHL's error number (from `detail`, or the title when there is none) and its words; undefined when the body is not a MyDHL problem. */
export function readDhlExpressError(body: unknown): { code: string | undefined; message: string | undefined } | undefined {
  const parsed = expressProblemContract.schema.safeParse(body);
  if (!parsed.success) return undefined;
  const read = fieldReader(EXPRESS_PROBLEM_FIELDS, parsed.data);
  const detail = read.text('detail');
  const title = read.text('title');
  if (detail === undefined && title === undefined) return undefined;
  const numbered = detail === undefined ? null : LEADING_CODE.exec(detail);
  const additional = read.get('additionalDetails') ?? [];
  const message = [numbered === null ? detail : detail?.slice(numbered[0].length), ...additional].filter((part) => part !== undefined && part !== '').join('; ');
  return { code: numbered?.[1] ?? title, message: message === '' ? undefined : message };
}

/** DHL Express's errors for core's classifier. */
export const dhlExpressErrorTable: ProviderErrorTable = { codes: DHL_EXPRESS_ERROR_KINDS, extract: readDhlExpressError };
