import type { RecordKey } from '@interlock/core';
import { recordTrail } from '../support/lookups.js';
import { EXIT } from './exit-codes.js';
import { auditLine, recordDetail } from './format.js';
import type { CliContext, StoreSession } from './session.js';

/** `interlock records show <provider> <type> <id>`: the record's last applied state and its audit trail in order. */
export async function recordsShow(session: StoreSession, context: CliContext, key: RecordKey, json = false): Promise<number> {
  const record = await session.engines.integrity.getRecord(key);
  const trail = await recordTrail(session.engines.integrity, key);
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
