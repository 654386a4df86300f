import type { AlertChange, AlertRecord } from './types.js';

/** Where active alerts and their history live, so a restart neither forgets nor re-sends them. */
export interface AlertStore {
  record(change: AlertChange): Promise<void>;
  /** The alerts firing now (last change not `resolved`), by when they fired. */
  active(): Promise<readonly AlertRecord[]>;
  /** Changes at or after `since`, oldest first; `limit` keeps the most recent. */
  history(filter?: { since?: number | undefined; limit?: number | undefined }): Promise<readonly AlertChange[]>;
}

/** Keeps the latest change of each alert as the active set; shared by the stores. */
export function activeFrom(changes: Iterable<AlertChange>): AlertRecord[] {
  const latest = new Map<string, AlertChange>();
  for (const change of changes) latest.set(change.alert.key, change);
  return [...latest.values()]
    .filter((change) => change.kind !== 'resolved')
    .map((change) => change.alert)
    .sort((a, b) => a.firedAt - b.firedAt);
}

export function sinceAndLimit(changes: readonly AlertChange[], filter: { since?: number | undefined; limit?: number | undefined }): AlertChange[] {
  const after = changes.filter((change) => change.at >= (filter.since ?? Number.NEGATIVE_INFINITY));
  return filter.limit === undefined ? after : after.slice(Math.max(0, after.length - filter.limit));
}

/** In memory: for tests and for a hub that need not remember its alerts across restarts. */
export class MemoryAlertStore implements AlertStore {
  private readonly changes: AlertChange[] = [];

  record(change: AlertChange): Promise<void> {
    this.changes.push(structuredClone(change));
    return Promise.resolve();
  }

  active(): Promise<readonly AlertRecord[]> {
    return Promise.resolve(activeFrom(this.changes));
  }

  history(filter: { since?: number | undefined; limit?: number | undefined } = {}): Promise<readonly AlertChange[]> {
    return Promise.resolve(sinceAndLimit(this.changes, filter));
  }
}
