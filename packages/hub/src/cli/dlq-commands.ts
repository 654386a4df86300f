import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { StoredEvent } from '@interlock/core';
import { CannotRun, EXIT } from './exit-codes.js';
import { eventLine, payloadDiff } from './format.js';
import { auditAction, type CliContext, type StoreSession } from './session.js';

/** `interlock dlq list`: dead letters, longest dead first. */
export async function dlqList(session: StoreSession, context: CliContext, options: { provider?: string | undefined; limit?: number | undefined; json?: boolean | undefined }): Promise<number> {
  const dead = await session.engines.queue.listDead({ provider: options.provider, limit: options.limit });
  if (options.json) context.out(JSON.stringify(dead, null, 2));
  else if (dead.length === 0) context.out('no dead letters');
  else for (const event of dead) context.out(eventLine(event));
  return EXIT.ok;
}

/** The dead letter `id` names, or the line saying why it is not one. */
async function deadLetter(session: StoreSession, id: string): Promise<StoredEvent | string> {
  const event = await session.engines.queue.get(id);
  if (!event) return `no event ${id}`;
  return event.status === 'dead' ? event : `${id} is not a dead letter (it is ${event.status})`;
}

/** `interlock dlq replay <id>`: back in the queue with its attempts reset; audited. */
export async function dlqReplay(session: StoreSession, context: CliContext, id: string): Promise<number> {
  const event = await deadLetter(session, id);
  if (typeof event === 'string') {
    context.out(event);
    return EXIT.refused;
  }
  const replayed = await session.engines.queue.replay(id);
  await auditAction(session, context, event, 'replay dead letter', replayed ? 'replayed' : 'not_dead');
  context.out(replayed ? `${id} is queued again` : `${id} is no longer a dead letter`);
  return replayed ? EXIT.ok : EXIT.refused;
}

/** `interlock dlq reject <id> --reason "…"`: given up on for good, kept for audit. */
export async function dlqReject(session: StoreSession, context: CliContext, id: string, reason: string | undefined): Promise<number> {
  if (!reason) {
    context.out('dlq reject needs --reason: it is kept in the audit trail');
    return EXIT.refused;
  }
  const event = await deadLetter(session, id);
  if (typeof event === 'string') {
    context.out(event);
    return EXIT.refused;
  }
  const rejected = await session.engines.queue.reject(id, reason);
  await auditAction(session, context, event, 'reject dead letter', rejected ? 'rejected' : 'not_dead', reason);
  context.out(rejected ? `${id} rejected` : `${id} is no longer a dead letter`);
  return rejected ? EXIT.ok : EXIT.refused;
}

export interface CorrectOptions {
  payloadFile?: string | undefined;
  payload?: string | undefined;
  reason?: string | undefined;
  replay?: boolean | undefined;
}

function digest(payload: string): string {
  return `sha256:${createHash('sha256').update(payload).digest('hex').slice(0, 16)}`;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
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
  if (!options.reason) {
    context.out('dlq correct needs --reason: it is kept in the audit trail');
    return EXIT.refused;
  }
  const event = await deadLetter(session, id);
  if (typeof event === 'string') {
    context.out(event);
    return EXIT.refused;
  }
  if (payload === event.payload) {
    context.out(`the payload of ${id} is unchanged: nothing to correct`);
    return EXIT.refused;
  }
  if (isJson(event.payload) && !isJson(payload)) {
    context.out(`the payload of ${id} is JSON and the correction is not: refused`);
    return EXIT.refused;
  }
  const corrected = await session.engines.queue.correct(id, payload);
  await auditAction(session, context, event, 'correct dead letter', corrected ? 'corrected' : 'not_dead', `${options.reason} (payload ${digest(event.payload)} -> ${digest(payload)})`);
  if (!corrected) {
    context.out(`${id} is no longer a dead letter`);
    return EXIT.refused;
  }
  context.out(`${id} corrected:`);
  for (const line of payloadDiff(event.payload, payload)) context.out(`  ${line}`);
  if (!options.replay) {
    context.out(`replay it with: interlock dlq replay ${id}`);
    return EXIT.ok;
  }
  return dlqReplay(session, context, id);
}
