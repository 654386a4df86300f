import type { Pool } from 'pg';

/**
 * Shares one pool between a store's parts. Each part gets a release function; the pool is
 * ended when the last part has released it, and only if the store created it (a pool the caller
 * passed in stays theirs to end).
 */
export class PoolOwner {
  private holders = 0;

  constructor(
    readonly pool: Pool,
    private readonly owned: boolean,
  ) {}

  /** Registers one more user of the pool; the returned function releases it (once). */
  hold(): () => Promise<void> {
    this.holders++;
    let released = false;
    return async () => {
      if (released) return;
      released = true;
      this.holders--;
      if (this.holders === 0 && this.owned) await this.pool.end();
    };
  }
}
