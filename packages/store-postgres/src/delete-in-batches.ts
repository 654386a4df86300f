import type { Pool } from 'pg';

/** Rows deleted per statement: each is its own short transaction, so claims and accepts barely wait. */
const BATCH = 1_000;

/**
 * Runs `sql` (a DELETE of at most `$2` rows older than `$1`) until it deletes fewer than a batch,
 * so pruning a large backlog never holds its locks for long. Resolves with how many rows went.
 */
export async function deleteInBatches(pool: Pool, sql: string, before: number): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = (await pool.query(sql, [before, BATCH])).rowCount ?? 0;
    total += deleted;
    if (deleted < BATCH) return total;
  }
}
