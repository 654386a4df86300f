import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sortableId } from '@interlock/core';
import { expect, it } from 'vitest';
import { openSqliteStore } from '../src/index.js';

// The README's example, kept true: the body below is the README's code block.
it('the README example runs', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'interlock-readme-'));
  try {
    const store = openSqliteStore({ path: join(dataDir, 'interlock.db') });

    // Ingress, after the signature check: answer 200 only once accept has resolved.
    const rawBody = '{"id":"evt_1Q2w3E","type":"payment_intent.succeeded","customer":"Müller GmbH"}';
    const answer = await store.events.accept({
      id: sortableId(),
      provider: 'stripe',
      eventId: 'evt_1Q2w3E',
      type: 'payment_intent.succeeded',
      receivedAt: Date.now(),
      payload: rawBody,
    });
    // 'accepted', or 'duplicate' for a redelivery: both are answered 200.

    // Workers: four at a time, at most 50 starts a second.
    const consumer = store.events.consume(
      async (event) => {
        const current = await store.integrity.getRecord({ provider: event.provider, recordType: 'payment', recordId: 'pi_1' });
        const written = await store.integrity.putRecord(
          { provider: event.provider, recordType: 'payment', recordId: 'pi_1', status: 'succeeded', updatedAt: event.occurredAt ?? event.receivedAt },
          current?.version,
        );
        return written ? { status: 'applied' } : { status: 'retry', reason: 'concurrent_update', retryInMs: 0 };
      },
      { concurrency: 4, ratePerSecond: 50, maxAttempts: 5, leaseMs: 30_000, workerId: 'worker:hub-1' },
    );

    expect(answer).toBe('accepted');
    for (let i = 0; i < 200 && (await store.events.counts()).applied === 0; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    expect((await store.integrity.getRecord({ provider: 'stripe', recordType: 'payment', recordId: 'pi_1' }))?.status).toBe('succeeded');

    // Shutdown: finish what is in hand, then close the file.
    await consumer.stop();
    await store.close();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
