import { afterEach, beforeEach, vi } from 'vitest';
import type { HubConfigInput } from '../src/index.js';
import { toySignature } from './toy/toy-provider.js';
import { ConsoleClient } from './console-client.js';
import { drained, post, SECRET, testHub, TOY, type TestHub } from './support.js';

export const OPERATOR_TOKEN = 'op_token_for_console_tests_0123456789';
export const VIEWER_TOKEN = 'view_token_for_console_tests_0123456789';

export const CONSOLE_CONFIG = {
  operators: [
    { name: 'alice', tokenEnv: 'CONSOLE_ALICE_TOKEN', role: 'operator' as const },
    { name: 'vic', tokenEnv: 'CONSOLE_VIC_TOKEN', role: 'viewer' as const },
  ],
};

/** A toy hub with the console on, an operator and a viewer whose tokens are in the environment. */
export async function consoleHub(overrides: HubConfigInput = {}, env: Readonly<Record<string, string>> = {}): Promise<TestHub> {
  for (const [name, value] of Object.entries({ ...env, CONSOLE_ALICE_TOKEN: OPERATOR_TOKEN, CONSOLE_VIC_TOKEN: VIEWER_TOKEN })) vi.stubEnv(name, value);
  try {
    return await testHub({ console: CONSOLE_CONFIG, ...overrides });
  } finally {
    vi.unstubAllEnvs();
  }
}

/** A fresh console hub for each test of the enclosing `describe`, closed after it. */
export function consoleHubPerTest(): () => TestHub {
  let run: TestHub | undefined;
  beforeEach(async () => {
    run = await consoleHub();
  });
  afterEach(async () => {
    await run?.cleanup();
  });
  return () => {
    if (!run) throw new Error('no console hub outside a test');
    return run;
  };
}

/** A ticket webhook with no ticket id: the worker cannot read it and dead-letters it at once. */
export const brokenTicket = (at: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({ id: 'evt_T1_open', type: 'ticket.open', at, ticket: { status: 'open', updated_at: at, fee: 500, ...extra } });

/** Sends `payload` signed, with a correlation id, waits for the workers, and resolves with the dead letter's internal id. */
export async function deadLetterFrom(hub: TestHub['hub'], payload: Record<string, unknown>, correlationId: string): Promise<string> {
  const raw = JSON.stringify(payload);
  const answer = await post(`${hub.url}/webhooks/${TOY}`, raw, { ...toySignature(raw, SECRET), 'x-correlation-id': correlationId });
  if (answer.status !== 200) throw new Error(`webhook refused: ${answer.status} ${answer.body}`);
  await drained(hub);
  const dead = await hub.queue.list({ status: 'dead', eventId: payload['id'] as string });
  if (!dead[0]) throw new Error('no dead letter');
  return dead[0].id;
}

export async function signedIn(hub: TestHub['hub'], token: string): Promise<ConsoleClient> {
  const client = new ConsoleClient(hub.url);
  const answer = await client.signIn(token);
  if (answer.status !== 303) throw new Error(`sign-in failed: ${answer.status}`);
  return client;
}
