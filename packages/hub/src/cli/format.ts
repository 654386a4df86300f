import type { AuditEntry, RecordState, StoredEvent } from '@interlock/core';

/** An instant as ISO 8601, the form the CLI takes back. */
export function iso(ms: number | undefined): string {
  return ms === undefined ? '-' : new Date(ms).toISOString();
}

/** One event on one line: internal id, receipt, provider, its event id, type, status, attempts, reason. */
export function eventLine(event: StoredEvent): string {
  return [event.id, iso(event.receivedAt), event.provider, event.eventId, event.type, event.status, `attempts ${event.attempts}`, event.reason ?? ''].join('  ').trimEnd();
}

/** One event in full, its payload by size only (`--payload` prints it). */
export function eventDetail(event: StoredEvent): string[] {
  return [
    `event ${event.id}`,
    `  provider        ${event.provider}`,
    `  event id        ${event.eventId}`,
    `  type            ${event.type}`,
    `  status          ${event.status}${event.reason === undefined ? '' : ` (${event.reason})`}`,
    `  attempts        ${event.attempts}`,
    `  received        ${iso(event.receivedAt)}`,
    `  occurred        ${iso(event.occurredAt)}`,
    `  updated         ${iso(event.updatedAt)}`,
    `  correlation id  ${event.correlationId ?? '-'}`,
    `  payload         ${Buffer.byteLength(event.payload)} bytes`,
  ];
}

/** One audit entry on one line, in the order the trail keeps. */
export function auditLine(entry: AuditEntry): string {
  const record = entry.recordId === undefined ? '' : `${entry.recordType ?? 'record'} ${entry.recordId}`;
  const attempts = entry.attempts === undefined ? '' : `attempt ${entry.attempts}`;
  const event = entry.eventId === undefined ? '' : `event ${entry.eventId}`;
  return ['  ', iso(entry.at), entry.actor, entry.action, entry.outcome, record, event, attempts, entry.payloadVersion ? `payload ${entry.payloadVersion}` : '', entry.detail ?? '']
    .filter((part) => part !== '')
    .join('  ');
}

/** A record's state, its snapshot pretty-printed when it is JSON. */
export function recordDetail(record: RecordState): string[] {
  const lines = [
    `record ${record.provider} ${record.recordType} ${record.recordId}`,
    `  status   ${record.status}`,
    `  updated  ${iso(record.updatedAt)}`,
    `  version  ${record.version}`,
  ];
  if (record.snapshot !== undefined) lines.push('  snapshot', ...prettyJson(record.snapshot).map((line) => `    ${line}`));
  return lines;
}

function prettyJson(text: string): string[] {
  try {
    return JSON.stringify(JSON.parse(text), null, 2).split('\n');
  } catch {
    return [text];
  }
}
