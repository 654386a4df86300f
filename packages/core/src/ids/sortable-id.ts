import { randomFillSync } from 'node:crypto';

let lastMs = -1;
let counter = 0;
/** The id's first two groups, `tttttttt-tttt-`, for `lastMs`: the same for every id in a millisecond. */
let timePrefix = '';

// One system call per 512 ids instead of one per id, as crypto.randomUUID does.
const POOL_SIZE = 16 * 256;
const pool = Buffer.alloc(POOL_SIZE);
let poolOffset = POOL_SIZE;

// Two hex digits per byte, looked up: cheaper than formatting a buffer and slicing the result.
const HEX: readonly string[] = Array.from({ length: 256 }, (_unused, byte) => byte.toString(16).padStart(2, '0'));

/** Where `size` fresh random bytes start in the pool; each byte is used once. */
function takeRandom(size: number): number {
  if (poolOffset + size > POOL_SIZE) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const at = poolOffset;
  poolOffset += size;
  return at;
}

function hex(byte: number): string {
  return HEX[byte & 0xff] as string;
}

function byteAt(at: number): number {
  return pool[at] as number;
}

/**
 * A UUIDv7 (RFC 9562): 48 bits of millisecond time, then a 12-bit counter that keeps ids made
 * in the same millisecond in creation order, then 62 random bits. Sorts by creation time and
 * collides only if two processes draw the same 62 random bits in the same millisecond.
 */
export function sortableId(nowMs: number = Date.now()): string {
  if (nowMs > lastMs) {
    lastMs = nowMs;
    const at = takeRandom(2);
    counter = ((byteAt(at) << 8) | byteAt(at + 1)) & 0x3ff;
    timePrefix = '';
  } else {
    counter++;
    if (counter > 0xfff) {
      // Counter overflow: borrow the next millisecond rather than break ordering.
      lastMs++;
      counter = 0;
      timePrefix = '';
    }
  }
  if (timePrefix === '') {
    const ms = lastMs;
    const high = Math.floor(ms / 2 ** 32);
    timePrefix = `${hex(high >>> 8)}${hex(high)}${hex(ms >>> 24)}${hex(ms >>> 16)}-${hex(ms >>> 8)}${hex(ms)}-`;
  }
  const at = takeRandom(8);
  return (
    `${timePrefix}${hex(0x70 | (counter >>> 8))}${hex(counter)}-${hex(0x80 | (byteAt(at) & 0x3f))}${hex(byteAt(at + 1))}-` +
    `${hex(byteAt(at + 2))}${hex(byteAt(at + 3))}${hex(byteAt(at + 4))}${hex(byteAt(at + 5))}${hex(byteAt(at + 6))}${hex(byteAt(at + 7))}`
  );
}

/** The millisecond timestamp a sortable id was made at. */
export function sortableIdTime(id: string): number {
  return Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16);
}
