import type { AuditEntry, EventQueue, IntegrityStore, RecordKey, StoredEvent } from '@interlock/core';

/**
 * The event `id` names: the provider's event id when `provider` is given; else our id, or the
 * provider's event id when exactly one provider has it.
 */
export async function findEvent(queue: EventQueue, id: string, provider: string | undefined): Promise<StoredEvent | string> {
  if (provider !== undefined) return (await queue.list({ provider, eventId: id, limit: 1 }))[0] ?? `no event ${id} from ${provider}`;
  const byId = await queue.get(id);
  if (byId) return byId;
  const byEventId = await queue.list({ eventId: id, limit: 2 });
  if (byEventId.length > 1) return `${byEventId.map((event) => event.provider).sort().join(' and ')} both have an event ${id}: add --provider`;
  return byEventId[0] ?? `no event ${id}`;
}

/**
 * A record's audit trail in order: its own entries, and every entry of the events that changed it
 * (an event's dead-lettering, correction and replay name the event, not yet the record).
 */
export async function recordTrail(integrity: IntegrityStore, key: RecordKey): Promise<AuditEntry[]> {
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
