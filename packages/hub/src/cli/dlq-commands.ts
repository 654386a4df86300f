import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { correctDeadLetter, rejectDeadLetter, replayDeadLetter, type ActionResult } from '../support/dead-letter-actions.js';
import { payloadDiff } from '../support/payload-diff.js';
import { CannotRun, EXIT } from './exit-codes.js';
import { eventLine } from './format.js';
import { operator, type CliContext, type StoreSession } from './session.js';

/** `interlock dlq list`: dead letters, longest dead first. */
export async function dlqList(session: StoreSession, context: CliContext, options: { provider?: string | undefined; limit?: number | undefined; json?: boolean | undefined }): Promise<number> {
  const dead = await session.engines.queue.listDead({ provider: options.provider, limit: options.limit });
  if (options.json) context.out(JSON.stringify(dead, null, 2));
  else if (dead.length === 0) context.out('no dead letters');
  else for (const event of dead) context.out(eventLine(event));
  return EXIT.ok;
}

/** Says how an action ended: `done` on success, else the refusal; exit 0 or 1. */
function report(context: CliContext, result: ActionResult, done: string): number {
  context.out(result.done ? done : result.refusal);
  return result.done ? EXIT.ok : EXIT.refused;
}

/** `interlock dlq replay <id>`: back in the queue with its attempts reset; audited. */
export async function dlqReplay(session: StoreSession, context: CliContext, id: string): Promise<number> {
  return report(context, await replayDeadLetter(session.engines, operator(context), id), `${id} is queued again`);
}

/** `interlock dlq reject <id> --reason "…"`: given up on for good, kept for audit. */
export async function dlqReject(session: StoreSession, context: CliContext, id: string, reason: string | undefined): Promise<number> {
  return report(context, await rejectDeadLetter(session.engines, operator(context), id, reason), `${id} rejected`);
}

export interface CorrectOptions {
  payloadFile?: string | undefined;
  payload?: string | undefined;
  reason?: string | undefined;
  replay?: boolean | undefined;
}

/** The corrected payload the options name: a file (relative to where the CLI runs) or the text itself. */
function correctedPayload(options: CorrectOptions, context: CliContext): string {
  if ((options.payloadFile === undefined) === (options.payload === undefined)) throw new CannotRun('dlq correct needs the corrected payload: --payload-file <file> or --payload <text>, one of them');
  if (options.payload !== undefined) return options.payload;
  const path = resolve(context.cwd, options.payloadFile as string);
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new CannotRun(`The payload file ${path} could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * `interlock dlq correct <id> --payload-file fixed.json --reason "…"`: replaces a dead letter's
 * payload, prints what changed, audits who, why and the two digests (never the payloads), and
 * with `--replay` puts it back in the queue. A JSON payload must stay JSON.
 */
export async function dlqCorrect(session: StoreSession, context: CliContext, id: string, options: CorrectOptions): Promise<number> {
  const payload = correctedPayload(options, context);
  const result = await correctDeadLetter(session.engines, operator(context), id, { payload, reason: options.reason });
  if (!result.done) return report(context, result, '');
  context.out(`${id} corrected:`);
  for (const line of payloadDiff(result.event.payload, payload)) context.out(`  ${line}`);
  if (!options.replay) {
    context.out(`replay it with: interlock dlq replay ${id}`);
    return EXIT.ok;
  }
  return dlqReplay(session, context, id);
}
