import type { Statement } from './connection.js';
import type { GroupCommit } from './group-commit.js';

/** Rows deleted per transaction: small enough that accepts waiting on the write lock barely notice. */
const BATCH = 1_000;

/**
 * Runs `statement` (a DELETE of at most `limit` rows older than `before`) until it deletes fewer
 * than a batch, each run its own group commit, so pruning a large backlog never holds the write
 * lock for long. Resolves with how many rows went.
 */
export async function deleteInBatches(writes: GroupCommit, statement: Statement<[number, number]>, before: number): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await writes.run(() => statement.run(before, BATCH).changes);
    total += deleted;
    if (deleted < BATCH) return total;
  }
}
