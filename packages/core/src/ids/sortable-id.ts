import { randomFillSync } from 'node:crypto';

let lastMs = -1;
let counter = 0;

// One system call per 256 ids instead of one per id, as crypto.randomUUID does.
const POOL_SIZE = 16 * 256;
const pool = Buffer.alloc(POOL_SIZE);
let poolOffset = POOL_SIZE;

function randomChunk(size: number): Buffer {
  if (poolOffset + size > POOL_SIZE) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const chunk = pool.subarray(poolOffset, poolOffset + size);
  poolOffset += size;
  return chunk;
}

/**
 * A UUIDv7 (RFC 9562): 48 bits of millisecond time, then a 12-bit counter that keeps ids made
 * in the same millisecond in creation order, then 62 random bits. Sorts by creation time and
 * collides only if two processes draw the same 62 random bits in the same millisecond.
 */
export function sortableId(nowMs: number = Date.now()): string {
  if (nowMs > lastMs) {
    lastMs = nowMs;
    counter = randomChunk(2).readUInt16BE(0) & 0x3ff;
  } else {
    counter++;
    if (counter > 0xfff) {
      // Counter overflow: borrow the next millisecond rather than break ordering.
      lastMs++;
      counter = 0;
    }
  }
  // The chunk is ours alone once taken from the pool, so it is written in place.
  const bytes = randomChunk(16);
  const ms = lastMs;
  bytes[0] = Math.floor(ms / 2 ** 40) & 0xff;
  bytes[1] = Math.floor(ms / 2 ** 32) & 0xff;
  bytes[2] = (ms >>> 24) & 0xff;
  bytes[3] = (ms >>> 16) & 0xff;
  bytes[4] = (ms >>> 8) & 0xff;
  bytes[5] = ms & 0xff;
  bytes[6] = 0x70 | ((counter >>> 8) & 0x0f);
  bytes[7] = counter & 0xff;
  bytes[8] = 0x80 | ((bytes[8] as number) & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The millisecond timestamp a sortable id was made at. */
export function sortableIdTime(id: string): number {
  return Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16);
}
