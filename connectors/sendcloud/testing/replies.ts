import type { FaultReply } from '@interlock/testkit/simulator';

/** Ids as the simulator makes them: a prefix and a zero-padded sequence number. */
export const sequenceId = (prefix: string, n: number): string => prefix + '_' + String(n).padStart(14, '0');

/** A v3 time: ISO 8601 in UTC with microseconds, as v3-shipments.openapi.yml's examples write `created_at`. */
export const isoTime = (epochMs: number): string => new Date(epochMs).toISOString().replace('Z', '000Z');

/** A v2 tracking time: a space, microseconds and an offset (`2022-01-25 14:42:03.277703+00:00`, v2-tracking.openapi.yml). */
export const trackingTime = (epochMs: number): string => new Date(epochMs).toISOString().replace('T', ' ').replace('Z', '000+00:00');

/** An error answer in Sendcloud's v3 shape: JSON:API error objects. */
export function providerError(status: number, code: string, detail: string): FaultReply {
  return { status, body: { errors: [{ status: String(status), code, detail }] } };
}

/** v2 tracking's 404: an S3 XML error document, not JSON (v2-tracking.openapi.yml). */
export function trackingNotFound(trackingNumber: string): FaultReply {
  return {
    status: 404,
    headers: { 'content-type': 'application/xml' },
    body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><Key>v2/0/${trackingNumber}.json</Key></Error>`,
  };
}
