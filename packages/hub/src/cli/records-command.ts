import type { AuditEntry, RecordKey } from '@interlock/core';
import { EXIT } from './exit-codes.js';
import { auditLine, recordDetail } from './format.js';
import type { CliContext, StoreSession } from './session.js';

/**
 * A record's audit trail in order: its own entries, and every entry of the events that changed it
 * (an event's dead-lettering, correction and replay name the event, not yet the record).
 */
async function recordTrail(session: StoreSession, key: RecordKey): Promise<AuditEntry[]> {
  const { integrity } = session.engines;
  const own = (await integrity.listAudit({ provider: key.provider, recordId: key.recordId })).filter(
    (entry) => entry.recordType === undefined || entry.recordType === key.recordType,
  );
  const eventIds = new Set(own.flatMap((entry) => (entry.eventId === undefined ? [] : [entry.eventId])));
  const seen = new Set(own.map((entry) => JSON.stringify(entry)));
  const trail = [...own];
  for (const eventId of eventIds) {
    for (const entry of await integrity.listAudit({ provider: key.provider, eventId })) {
      const text = JSON.stringify(entry);
      if (seen.has(text)) continue;
      seen.add(text);
      trail.push(entry);
    }
  }
  // Stable: entries of the same instant keep the order the store gave them.
  return trail.sort((a, b) => a.at - b.at);
}

/** `interlock records show <provider> <type> <id>`: the record's last applied state and its audit trail in order. */
export async function recordsShow(session: StoreSession, context: CliContext, key: RecordKey, json = false): Promise<number> {
  const record = await session.engines.integrity.getRecord(key);
  const trail = await recordTrail(session, key);
  if (!record && trail.length === 0) {
    context.out(`no ${key.recordType} ${key.recordId} from ${key.provider}`);
    return EXIT.refused;
  }
  if (json) {
    context.out(JSON.stringify({ record: record ?? null, audit: trail }, null, 2));
    return EXIT.ok;
  }
  if (record) for (const line of recordDetail(record)) context.out(line);
  else context.out(`record ${key.provider} ${key.recordType} ${key.recordId}: no state applied yet`);
  context.out(trail.length === 0 ? 'audit trail: none yet' : 'audit trail');
  for (const entry of trail) context.out(auditLine(entry));
  return EXIT.ok;
}
