import { describe, expect, it } from 'vitest';
import { integrationErrorFromJSON, isOutcomeUnknown, MemoryDeadLetters, type Transport } from '../../src/index.js';
import { failureOf } from '../support/failure.js';
import { harness } from '../support/harness.js';

const endpoints = {
  getThing: { method: 'GET', path: '/things/{id}', retry: { maxAttempts: 3 } },
  createThing: { method: 'POST', path: '/things', retry: { maxAttempts: 3 } },
  createUnkeyed: { method: 'POST', path: '/legacy', idempotencyHeader: false, retry: { maxAttempts: 3 } },
} as const;

/** The provider does the work every time and the answer is lost on the way back. */
async function losingAnswers() {
  const h = await harness(endpoints, { breaker: false });
  let done = 0;
  h.server.route('POST', '/things', () => {
    done++;
    return { reset: true };
  });
  h.server.route('GET', '/things/1', () => ({ reset: true }));
  return { ...h, done: () => done };
}

function socketError(code: string): Error {
  return Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(code), { code }) });
}

describe('a write whose answer was lost and that nobody can send again safely', () => {
  it('ends as outcome_unknown, not retryable, carrying the key the client made for it', async () => {
    const { client, server, done } = await losingAnswers();
    const error = await failureOf(client.request('createThing', { body: { amount: 100 } }));
    expect(done()).toBe(3);
    expect(error).toMatchObject({ kind: 'outcome_unknown', retryable: false, requestMayHaveReachedProvider: true, attempts: 3, reason: 'ECONNRESET' });
    expect(error.idempotencyKey).toBe(server.requests[0]!.headers['idempotency-key']);
    expect(isOutcomeUnknown(error)).toBe(true);
  });

  it('stays a transient failure when the caller keeps the key, given or held in an Operation: sending it again with that key is safe', async () => {
    const { client } = await losingAnswers();
    const given = await failureOf(client.request('createThing', { body: { amount: 100 }, idempotencyKey: 'caller-key-1' }));
    expect(given).toMatchObject({ kind: 'network', retryable: true, requestMayHaveReachedProvider: true });
    const held = await failureOf(client.operation('createThing', { body: { amount: 100 } }).run());
    expect(held).toMatchObject({ kind: 'network', retryable: true });
  });

  it('ends as outcome_unknown under a key a connector made and passed, when it says the caller does not keep it', async () => {
    const { client } = await losingAnswers();
    const error = await failureOf(client.request('createThing', { body: { amount: 100 }, idempotencyKey: 'made-by-connector', callerKeepsKey: false }));
    expect(error).toMatchObject({ kind: 'outcome_unknown', idempotencyKey: 'made-by-connector' });
  });

  it('never applies to a read, nor to an unkeyed write (its connector makes it safe by its own lookup)', async () => {
    const { client, server } = await losingAnswers();
    server.route('POST', '/legacy', () => ({ reset: true }));
    expect(await failureOf(client.request('getThing', { pathParams: { id: '1' } }))).toMatchObject({ kind: 'network', retryable: true });
    expect(await failureOf(client.request('createUnkeyed', { body: {} }))).toMatchObject({ kind: 'network', requestMayHaveReachedProvider: true });
  });

  it('is remembered: running the operation again replays it without sending, and a dead letter keeps it', async () => {
    const deadLetters = new MemoryDeadLetters();
    const h = await harness(endpoints, { breaker: false, deadLetters });
    h.server.route('POST', '/things', () => ({ reset: true }));
    const call = { body: { amount: 100 }, idempotencyKey: 'made-by-connector', callerKeepsKey: false };
    await failureOf(h.client.request('createThing', call));
    const sent = h.server.count('POST', '/things');
    const replayed = await failureOf(h.client.request('createThing', call));
    expect(replayed).toMatchObject({ kind: 'outcome_unknown', idempotencyKey: 'made-by-connector' });
    expect(h.server.count('POST', '/things')).toBe(sent);
    expect(deadLetters.list().map((letter) => letter.error['kind'])).toEqual(['outcome_unknown']);
  });

  it('counts every attempt: a lost answer followed by an attempt that never left still may have happened', async () => {
    const codes = ['ECONNRESET', 'ECONNREFUSED'];
    let sent = 0;
    const transport: Transport = () => Promise.reject(socketError(codes[sent++] ?? 'ECONNREFUSED'));
    const { client } = await harness({ createThing: { ...endpoints.createThing, retry: { maxAttempts: 2 } } }, { breaker: false, transport });
    const keyed = await failureOf(client.request('createThing', { body: {}, idempotencyKey: 'caller-key-2' }));
    expect(keyed).toMatchObject({ kind: 'network', reason: 'ECONNREFUSED', requestMayHaveReachedProvider: true });
    sent = 0;
    expect(await failureOf(client.request('createThing', { body: {} }))).toMatchObject({ kind: 'outcome_unknown', reason: 'ECONNREFUSED' });
  });

  it('survives being stored and read back with its key', () => {
    const stored = integrationErrorFromJSON({ kind: 'outcome_unknown', message: 'm', provider: 'acme', endpoint: 'createThing', reason: 'ECONNRESET', idempotencyKey: 'k_1' });
    expect(stored).toMatchObject({ kind: 'outcome_unknown', retryable: false, idempotencyKey: 'k_1' });
  });
});
