import type { CallOptions } from './provider-client.js';
import { appendQuery, buildPath, type EndpointConfig } from './endpoint.js';
import { encodeForm } from './form-encoding.js';

export interface PreparedRequest {
  url: URL;
  path: string;
  headers: Headers;
  body: string | undefined;
}

export interface RequestHeaderSettings {
  staticHeaders?: Readonly<Record<string, string>> | undefined;
  correlationHeader: string | false;
  correlationId: string;
  idempotencyHeader: string | false;
  idempotencyKey: string | undefined;
}

function joinUrl(baseUrl: string, path: string): URL {
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

/** Builds the URL, headers and body once; every attempt of the operation sends exactly these. */
export function prepareRequest(baseUrl: string, config: EndpointConfig, call: CallOptions, settings: RequestHeaderSettings): PreparedRequest {
  const path = buildPath(config.path, call.pathParams);
  const url = joinUrl(baseUrl, path);
  appendQuery(url, call.query);
  const headers = new Headers({ accept: 'application/json' });
  for (const [name, value] of Object.entries(settings.staticHeaders ?? {})) headers.set(name, value);
  for (const [name, value] of Object.entries(call.headers ?? {})) headers.set(name, value);
  const { text, contentType } = encodeBody(call.body, config.bodyEncoding);
  if (contentType && !headers.has('content-type')) headers.set('content-type', contentType);
  if (settings.correlationHeader !== false) headers.set(settings.correlationHeader, settings.correlationId);
  if (settings.idempotencyHeader !== false && settings.idempotencyKey !== undefined) {
    headers.set(settings.idempotencyHeader, settings.idempotencyKey);
  }
  return { url, path, headers, body: text };
}
