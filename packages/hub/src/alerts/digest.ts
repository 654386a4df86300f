import { sortableId } from '@interlock/core';
import type { AlertStore } from './store.js';
import type { AlertNotice, AlertRecord, Severity } from './types.js';

const DAY = 86_400_000;

/** The next `hourUtc`:00 strictly after `now`. */
export function nextDigestAt(now: number, hourUtc: number): number {
  const today = now - (now % DAY) + hourUtc * 3_600_000;
  return today > now ? today : today + DAY;
}

/**
 * The digest of [from, to): each alert of these severities active now or changed in the period,
 * as it last stood, read from the store so a restart loses none. Nothing to say: no digest.
 */
export async function buildDigest(store: AlertStore, severities: ReadonlySet<Severity>, from: number, to: number): Promise<Extract<AlertNotice, { type: 'alert.digest' }> | undefined> {
  const byId = new Map<string, AlertRecord>();
  for (const alert of await store.active()) if (severities.has(alert.severity)) byId.set(alert.id, alert);
  for (const change of await store.history({ since: from })) {
    if (change.at < to && severities.has(change.alert.severity)) byId.set(change.alert.id, change.alert);
  }
  if (byId.size === 0) return undefined;
  const alerts = [...byId.values()].sort((a, b) => a.severity.localeCompare(b.severity) || a.firedAt - b.firedAt);
  return { id: `msg_${sortableId(to)}`, type: 'alert.digest', at: to, from, to, alerts };
}
