import { EXIT } from './exit-codes.js';
import { auditLine, recordDetail } from './format.js';
import type { CliContext, StoreSession } from './session.js';

/** `interlock records show <provider> <type> <id>`: the record's last applied state and its audit trail in order. */
export async function recordsShow(session: StoreSession, context: CliContext, key: { provider: string; recordType: string; recordId: string }, json = false): Promise<number> {
  const { integrity } = session.engines;
  const record = await integrity.getRecord(key);
  const trail = (await integrity.listAudit({ provider: key.provider, recordId: key.recordId })).filter(
    (entry) => entry.recordType === undefined || entry.recordType === key.recordType,
  );
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
