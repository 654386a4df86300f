import { describe, expect, it } from 'vitest';
import { IntegrationError } from '../../src/errors/integration-error.js';
import { MemoryDeadLetters, type DeadLetter } from '../../src/queue/index.js';

function letter(id: string, at: number): DeadLetter {
  const error = new IntegrationError('unavailable', 'Stripe answered 503', {
    provider: 'stripe',
    endpoint: 'createPayment',
    reason: 'http_503',
    attempts: 4,
  });
  return {
    id,
    provider: 'stripe',
    endpoint: 'createPayment',
    correlationId: `corr-${id}`,
    at,
    attempts: 4,
    request: { method: 'POST', path: '/v1/payment_intents', idempotencyKey: `idem-${id}`, body: { amount: 100 } },
    error: error.toJSON(),
  };
}

describe('MemoryDeadLetters', () => {
  it('keeps letters oldest first', () => {
    const letters = new MemoryDeadLetters();
    letters.add(letter('a', 1));
    letters.add(letter('b', 2));
    expect(letters.size).toBe(2);
    expect(letters.list().map((kept) => kept.id)).toEqual(['a', 'b']);
    expect(letters.list()[0]?.error).toMatchObject({ kind: 'unavailable', reason: 'http_503' });
  });

  it('replaces a letter added again under the same id', () => {
    const letters = new MemoryDeadLetters();
    letters.add(letter('a', 1));
    letters.add(letter('a', 5));
    expect(letters.size).toBe(1);
    expect(letters.list()[0]?.at).toBe(5);
  });

  it('takes a letter out for replay', () => {
    const letters = new MemoryDeadLetters();
    letters.add(letter('a', 1));
    letters.add(letter('b', 2));
    expect(letters.take('a')?.request.idempotencyKey).toBe('idem-a');
    expect(letters.take('a')).toBeUndefined();
    expect(letters.list().map((kept) => kept.id)).toEqual(['b']);
  });

  it('hands out a snapshot that later changes do not alter', () => {
    const letters = new MemoryDeadLetters();
    letters.add(letter('a', 1));
    const snapshot = letters.list();
    letters.add(letter('b', 2));
    expect(snapshot).toHaveLength(1);
  });
});
