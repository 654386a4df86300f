import { createHash } from 'node:crypto';

/** The parts of a request that decide whether two uses of an idempotency key are the same operation. */
export interface FingerprintedRequest {
  method: string;
  path: string;
  body?: unknown;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return Object.prototype.toString.call(value) === '[object Object]';
}

// Runs after toJSON, so dates and other serializable objects arrive in their JSON form.
function sortKeys(_key: string, value: unknown): unknown {
  if (!isPlainObject(value)) return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) sorted[key] = value[key];
  return sorted;
}

/** The body as a type tag and bytes; the tag keeps a string body apart from a JSON one that serializes alike. */
function canonicalBody(body: unknown): [tag: string, bytes: string | Uint8Array] {
  if (body === undefined || body === null) return ['none', ''];
  if (typeof body === 'string') return ['text', body];
  // Form and binary bodies are already exactly what goes on the wire.
  if (body instanceof URLSearchParams) return ['form', body.toString()];
  if (body instanceof Uint8Array) return ['binary', body];
  if (body instanceof ArrayBuffer) return ['binary', new Uint8Array(body)];
  return ['json', JSON.stringify(body, sortKeys)];
}

/**
 * A sha256 (hex) of the method, path and body. JSON bodies are serialized with object keys
 * sorted at every depth, so the same payload built in a different key order gives the same
 * fingerprint; array order, form and string bodies are kept as they are.
 */
export function requestFingerprint(request: FingerprintedRequest): string {
  const [tag, bytes] = canonicalBody(request.body);
  // JSON-encoding the head makes the boundary between it and the body unambiguous.
  const head = JSON.stringify([request.method.toUpperCase(), request.path, tag]);
  return createHash('sha256').update(head).update('\n').update(bytes).digest('hex');
}
