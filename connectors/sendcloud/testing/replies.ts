import { formatInstant, localInstantFormat } from '@interlock/core';
import type { FaultReply } from '@interlock/testkit/simulator';
import { SENDCLOUD_TIME_ZONE } from '../src/transform/instants.js';

/** The carrier's whole seconds. */
export const seconds = (epochMs: number): number => Math.floor(epochMs / 1000);

const LOCAL = localInstantFormat(SENDCLOUD_TIME_ZONE, { ambiguous: 'earlier' });

/** A scan time as the carrier writes it: local, without an offset. */
export const localTime = (epochMs: number): string => formatInstant(epochMs, LOCAL);

/** Ids as the simulator makes them: a prefix and a zero-padded sequence number. */
export const sequenceId = (prefix: string, n: number): string => prefix + '_' + String(n).padStart(14, '0');

/** An error answer in Sendcloud's v3 shape: JSON:API error objects. */
export function providerError(status: number, code: string, detail: string): FaultReply {
  return { status, body: { errors: [{ status: String(status), code, detail }] } };
}
