import type { RedisClient } from 'bullmq';

/**
 * The few Lua scripts this adapter runs beside BullMQ's own. Each is one atomic step on keys of
 * the queue; BullMQ's key layout (`<prefix>:<queue>:<jobId>` hashes, `completed` and `failed`
 * sorted sets scored by finish time, a job's `returnvalue` as JSON) is the one its own scripts
 * and dashboards rely on.
 */
const SCRIPTS = {
  /**
   * KEYS: discarded index. ARGV: job id, now, forget-before. Notes a job about to complete as
   * discarded, and forgets entries far older than any completed job is kept.
   */
  interlockNoteDiscarded: {
    numberOfKeys: 1,
    lua: `redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. ARGV[3])
return 1`,
  },
  /**
   * KEYS: wait, paused, delayed, prioritized, waiting-children, active, completed, failed,
   * discarded index. ARGV: job key prefix. Returns {queued, processing, completed, discarded,
   * dead} as one snapshot, so no job is counted twice or missed while it moves between sets.
   * Discarded jobs are completed jobs whose return value says so: the index only says where to
   * look (it is written just before a job completes), and entries whose job is gone are dropped.
   */
  interlockCounts: {
    numberOfKeys: 9,
    lua: `local function listLength(key)
  local n = redis.call('LLEN', key)
  -- BullMQ before v5 kept a '0:' marker in the wait list; it is not a job.
  local last = redis.call('LINDEX', key, -1)
  if last and string.sub(last, 1, 2) == '0:' then n = n - 1 end
  return n
end
local queued = listLength(KEYS[1]) + listLength(KEYS[2]) + redis.call('ZCARD', KEYS[3])
  + redis.call('ZCARD', KEYS[4]) + redis.call('ZCARD', KEYS[5])
local discarded = 0
for _, id in ipairs(redis.call('ZRANGE', KEYS[9], 0, -1)) do
  local jobKey = ARGV[1] .. id
  if redis.call('ZSCORE', KEYS[7], id) then
    local ok, result = pcall(cjson.decode, redis.call('HGET', jobKey, 'returnvalue') or 'null')
    if ok and type(result) == 'table' and result.status == 'discarded' then discarded = discarded + 1 end
  elseif redis.call('EXISTS', jobKey) == 0 then
    redis.call('ZREM', KEYS[9], id)
  end
end
return {queued, redis.call('LLEN', KEYS[6]), redis.call('ZCARD', KEYS[7]), discarded, redis.call('ZCARD', KEYS[8])}`,
  },
  /**
   * KEYS: failed set, completed set, job hash, discarded index. ARGV: job id, now, return value.
   * Moves a dead job to completed with a "discarded" return value, keeping it (and its
   * deduplication key) for audit. BullMQ has no API for failed -> completed, and removing the job
   * would also drop its deduplication key, letting a late duplicate in.
   */
  interlockRejectDead: {
    numberOfKeys: 4,
    lua: `if redis.call('ZREM', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
redis.call('HSET', KEYS[3], 'returnvalue', ARGV[3], 'finishedOn', ARGV[2])
redis.call('ZADD', KEYS[4], ARGV[2], ARGV[1])
return 1`,
  },
  /**
   * KEYS: failed set, job hash. ARGV: job id, data. Replaces a dead job's data (its corrected
   * payload), only while it is still in the failed set.
   */
  interlockCorrectDead: {
    numberOfKeys: 2,
    lua: `if not redis.call('ZSCORE', KEYS[1], ARGV[1]) then return 0 end
redis.call('HSET', KEYS[2], 'data', ARGV[2])
return 1`,
  },
} as const;

/** The name of one of this adapter's scripts. */
export type ScriptName = keyof typeof SCRIPTS;

/** Defines the scripts on `client` (ioredis keeps them by SHA and loads them on first use). */
export function defineScripts(client: RedisClient): void {
  for (const [name, definition] of Object.entries(SCRIPTS)) client.defineCommand(name, definition);
}

/**
 * Loads every script ioredis knows for `client` (BullMQ's and ours) into Redis. ioredis recovers
 * from a flushed script cache (SCRIPT FLUSH on a live connection) for plain commands by resending
 * the script, but not inside a MULTI, where the transaction just fails with NOSCRIPT.
 */
export async function reloadScripts(client: RedisClient): Promise<void> {
  // BullMQ's client is a proxy over the ioredis instance, which keeps its defined scripts here.
  const redis = client as unknown as ScriptedClient;
  await Promise.all(Object.values(redis.scriptsSet).map((script) => redis.script('LOAD', script.lua)));
}

/** The part of an ioredis instance that reloadScripts uses. */
interface ScriptedClient {
  scriptsSet: Record<string, { lua: string }>;
  script(subcommand: 'LOAD', lua: string): Promise<unknown>;
}
