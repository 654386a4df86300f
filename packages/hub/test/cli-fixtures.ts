import { systemClock, type EventOutcome, type InboundEvent } from '@interlock/core';
import { openSqliteStore } from '@interlock/store-sqlite';

/**
 * Writes `events` to a SQLite database at `path` and settles each as `outcome` decides (applied
 * when it says nothing), as a hub's workers would have; resolves once every outcome is written.
 */
export async function seedDatabase(path: string, events: readonly InboundEvent[], outcome: (event: InboundEvent) => EventOutcome | undefined): Promise<void> {
  const store = openSqliteStore({ path, clock: systemClock });
  try {
    for (const event of events) await store.events.accept(event);
    if (events.length === 0) return;
    let handled = 0;
    let allHandled: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (allHandled = resolve));
    const consumer = store.events.consume(
      (stored) => {
        if (++handled === events.length) allHandled();
        return Promise.resolve(outcome(stored) ?? { status: 'applied' });
      },
      { concurrency: events.length },
    );
    await done;
    // Resolves once the outcomes in hand are written.
    await consumer.stop();
  } finally {
    await store.close();
  }
}
