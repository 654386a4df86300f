import type { CallOptions } from './provider-client.js';
import { appendQuery, buildPath, type EndpointConfig } from './endpoint.js';
import type { EndpointPlan } from './endpoint-plan.js';
import { encodeForm } from './form-encoding.js';

/**
 * Request headers by lower-case name, with values trimmed as `Headers` trims them, so that a
 * `Headers` made from it holds exactly these pairs. Plain data: most transports never need more.
 */
export type HeaderRecord = Record<string, string>;

export interface PreparedRequest {
  href: string;
  path: string;
  headers: HeaderRecord;
  body: string | undefined;
}

const HTTP_WHITESPACE = /^[\t\n\r ]+|[\t\n\r ]+$/g;

function isHttpWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/** Sets a header as `Headers.set` would: names are case-insensitive, values lose surrounding whitespace. */
export function setHeader(headers: HeaderRecord, name: string, value: string): void {
  putHeader(headers, name.toLowerCase(), value);
}

/** `setHeader` for a name already in lower case (the endpoint plan's own names). */
export function putHeader(headers: HeaderRecord, lowerName: string, value: string): void {
  const trimmed = value.length > 0 && (isHttpWhitespace(value.charCodeAt(0)) || isHttpWhitespace(value.charCodeAt(value.length - 1))) ? value.replace(HTTP_WHITESPACE, '') : value;
  // Assigning `__proto__` would replace the record's prototype instead of adding a header.
  if (lowerName === '__proto__') Object.defineProperty(headers, lowerName, { value: trimmed, enumerable: true, writable: true, configurable: true });
  else headers[lowerName] = trimmed;
}

export function joinUrl(baseUrl: string, path: string): URL {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  return new URL(path.replace(/^\/+/, ''), base);
}

function encodeBody(body: unknown, encoding: EndpointConfig['bodyEncoding']): { text: string | undefined; contentType?: string } {
  if (body === undefined) return { text: undefined };
  if (typeof body === 'string') return { text: body };
  if (body instanceof URLSearchParams) return { text: body.toString(), contentType: 'application/x-www-form-urlencoded' };
  if (encoding === 'form') {
    return { text: encodeForm(body as Record<string, unknown>).toString(), contentType: 'application/x-www-form-urlencoded' };
  }
  return { text: JSON.stringify(body), contentType: 'application/json; charset=utf-8' };
}

/**
 * A copy to add a call's own headers to. `Object.assign` copies a small record many times faster
 * than a spread does, but it would take a `__proto__` header for the prototype.
 */
function copyHeaders(headers: Readonly<HeaderRecord>): HeaderRecord {
  return Object.hasOwn(headers, '__proto__') ? { ...headers } : Object.assign({}, headers);
}

/**
 * Throws the TypeError `Headers` throws for a name or value that cannot be sent. Only what the
 * caller wrote needs the check (the rest was checked when the endpoint's plan was made), and it
 * must fail the call here, not later inside the transport where it would pass for a network error.
 */
export function assertSendable(headers: HeaderRecord): void {
  void toHeaders(headers);
}

/** The record as `Headers`; from pairs when it holds `__proto__`, which `Headers` drops from a record. */
export function toHeaders(headers: Readonly<HeaderRecord>): Headers {
  return new Headers(Object.hasOwn(headers, '__proto__') ? Object.entries(headers) : headers);
}

function hasQuery(query: CallOptions['query']): boolean {
  if (query === undefined) return false;
  for (const name in query) if (query[name] !== undefined) return true;
  return false;
}

/** Builds the URL, headers and body once; every attempt of the operation sends exactly these. */
export function prepareRequest(plan: EndpointPlan, call: CallOptions, correlationId: string, idempotencyKey: string | undefined): PreparedRequest {
  const { config } = plan;
  const path = plan.fixedHref === undefined ? buildPath(config.path, call.pathParams) : config.path;
  let href = plan.fixedHref;
  if (href === undefined || hasQuery(call.query)) {
    const url = href === undefined ? joinUrl(plan.baseUrl, path) : new URL(href);
    appendQuery(url, call.query);
    href = url.href;
  }
  const headers = copyHeaders(plan.headerTemplate);
  if (call.headers) for (const name in call.headers) setHeader(headers, name, call.headers[name] as string);
  const { text, contentType } = encodeBody(call.body, config.bodyEncoding);
  if (contentType && !Object.hasOwn(headers, 'content-type')) headers['content-type'] = contentType;
  if (plan.correlationHeader !== false) putHeader(headers, plan.correlationHeader, correlationId);
  if (plan.idempotencyKeyHeader !== false && idempotencyKey !== undefined) putHeader(headers, plan.idempotencyKeyHeader, idempotencyKey);
  if (call.headers !== undefined || call.correlationId !== undefined || call.idempotencyKey !== undefined) assertSendable(headers);
  return { href, path, headers, body: text };
}
