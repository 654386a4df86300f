// Lua run atomically inside Redis, so that checking every rule and recording in every rule is one
// step no other process can interleave with, in one round trip. Times are the caller's epoch
// milliseconds, kept as text with 17 significant digits: Lua's default conversion keeps 14, and a
// reply number would be truncated to an integer, so both would lose fractions of a millisecond.
//
// State per rule key: a hash (paused, last, remaining, reset) and one list per window holding the
// start times of its last `limit` grants, oldest first. Every write sets an expiry that outlasts
// what the key still constrains, plus `idle` milliseconds, so unused keys disappear.

const HELPERS = `
local function num(value)
  if value then return tonumber(value) end
  return nil
end
local function text(value) return string.format('%.17g', value) end
local function expireAtLeast(key, ms)
  local ttl = math.ceil(ms)
  local current = redis.call('PTTL', key)
  if current > ttl then ttl = current end
  redis.call('PEXPIRE', key, ttl)
end
`;

/**
 * KEYS: per rule, its state hash then its window lists.
 * ARGV: now, maxWaitMs (-1 for no limit), the caller's fastest and slowest round trips (-1 when
 * it knows none), clockSkewMs, idleMs, sharedMarginMemoryMs, rule count, then per rule its window
 * count and per window its limit and spacing (window + margin).
 * The fastest and slowest round trips any caller asked with under a key within
 * sharedMarginMemoryMs (fields fastest, fastestAt, slowest, slowestAt) widen every caller's
 * spacing by their difference, as in core's KeyLimitState; clockSkewMs is added on top.
 * Returns {1, startAt, nextAt} or {0, earliestAt}.
 */
export const RESERVE_SCRIPT = `${HELPERS}
local now = tonumber(ARGV[1])
local maxWait = tonumber(ARGV[2])
local fastest = tonumber(ARGV[3])
local slowest = tonumber(ARGV[4])
local skew = tonumber(ARGV[5])
local idle = tonumber(ARGV[6])
local memory = tonumber(ARGV[7])
local ruleCount = tonumber(ARGV[8])
local known = fastest >= 0
local rules = {}
local k = 1
local a = 9
local startAt = now
local margin = 0

local function earliest(rule)
  local at = -math.huge
  if rule.paused and rule.paused > at then at = rule.paused end
  if rule.last and rule.last > at then at = rule.last end
  if rule.remaining and rule.remaining <= 0 and rule.reset and rule.reset > at then at = rule.reset end
  for _, window in ipairs(rule.windows) do
    if redis.call('LLEN', window.key) >= window.limit then
      local t = tonumber(redis.call('LINDEX', window.key, 0)) + window.spacing + margin + skew
      if t > at then at = t end
    end
  end
  return at
end

for r = 1, ruleCount do
  local state = KEYS[k]
  k = k + 1
  local fields = redis.call('HMGET', state, 'paused', 'last', 'remaining', 'reset', 'fastest', 'fastestAt', 'slowest', 'slowestAt')
  local rule = { state = state, paused = num(fields[1]), last = num(fields[2]), remaining = num(fields[3]), reset = num(fields[4]), fastest = num(fields[5]), fastestAt = num(fields[6]), slowest = num(fields[7]), slowestAt = num(fields[8]), windows = {} }
  local low = math.huge
  local high = -math.huge
  if known then
    low = fastest
    high = slowest
  end
  if rule.fastestAt and rule.fastestAt > now - memory and rule.fastest < low then low = rule.fastest end
  if rule.slowestAt and rule.slowestAt > now - memory and rule.slowest > high then high = rule.slowest end
  if high > low and high - low > margin then margin = high - low end
  -- Known to the other callers at once, granted or not: they may be granted before this one is.
  if known then
    if rule.fastest == nil or fastest <= rule.fastest or rule.fastestAt <= now - memory then
      redis.call('HSET', state, 'fastest', text(fastest), 'fastestAt', text(now))
      expireAtLeast(state, memory + idle)
    end
    if rule.slowest == nil or slowest >= rule.slowest or rule.slowestAt <= now - memory then
      redis.call('HSET', state, 'slowest', text(slowest), 'slowestAt', text(now))
      expireAtLeast(state, memory + idle)
    end
  end
  local windowCount = tonumber(ARGV[a])
  a = a + 1
  for w = 1, windowCount do
    rule.windows[w] = { key = KEYS[k], limit = tonumber(ARGV[a]), spacing = tonumber(ARGV[a + 1]) }
    k = k + 1
    a = a + 2
  end
  rules[r] = rule
end
for _, rule in ipairs(rules) do
  local at = earliest(rule)
  if at > startAt then startAt = at end
end

if maxWait >= 0 and startAt > now + maxWait then return { 0, text(startAt) } end

local nextAt = startAt
local ahead = startAt - now
for _, rule in ipairs(rules) do
  rule.last = startAt
  local keep = ahead
  if rule.reset and startAt < rule.reset then
    rule.remaining = rule.remaining - 1
    redis.call('HSET', rule.state, 'remaining', text(rule.remaining))
  end
  if rule.reset and rule.reset - now > keep then keep = rule.reset - now end
  if rule.paused and rule.paused - now > keep then keep = rule.paused - now end
  redis.call('HSET', rule.state, 'last', text(startAt))
  expireAtLeast(rule.state, keep + idle)
  for _, window in ipairs(rule.windows) do
    redis.call('RPUSH', window.key, text(startAt))
    redis.call('LTRIM', window.key, -window.limit, -1)
    expireAtLeast(window.key, ahead + window.spacing + margin + skew + idle)
  end
  local at = earliest(rule)
  if at > nextAt then nextAt = at end
end
return { 1, text(startAt), text(nextAt) }
`;

/** KEYS: the state hash. ARGV: until, now, idleMs. A shorter pause never cuts a longer one short. */
export const PAUSE_SCRIPT = `${HELPERS}
local pauseEnd = tonumber(ARGV[1])
local now = tonumber(ARGV[2])
local idle = tonumber(ARGV[3])
local paused = num(redis.call('HGET', KEYS[1], 'paused'))
if paused and paused >= pauseEnd then return 0 end
redis.call('HSET', KEYS[1], 'paused', text(pauseEnd))
expireAtLeast(KEYS[1], pauseEnd - now + idle)
return 1
`;

/**
 * KEYS: the state hash. ARGV: remaining, resetAt, now, idleMs. Reports can arrive out of order:
 * one for the same (or an earlier) reset that shows more room than known is stale, since a
 * provider's count only falls within a window.
 */
export const OBSERVE_SCRIPT = `${HELPERS}
local remaining = tonumber(ARGV[1])
local resetAt = tonumber(ARGV[2])
local now = tonumber(ARGV[3])
local idle = tonumber(ARGV[4])
if resetAt <= now then return 0 end
local fields = redis.call('HMGET', KEYS[1], 'remaining', 'reset')
local known = num(fields[1])
local knownReset = num(fields[2])
if knownReset and resetAt <= knownReset then
  if known == nil or remaining < known then redis.call('HSET', KEYS[1], 'remaining', text(remaining)) end
  return 1
end
redis.call('HSET', KEYS[1], 'remaining', text(remaining), 'reset', text(resetAt))
expireAtLeast(KEYS[1], resetAt - now + idle)
return 1
`;
