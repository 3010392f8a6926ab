/**
 * Lua scripts of the Redis aggregator. Each runs atomically, which is what keeps two instances
 * exact: a hit updates the visitor window and the pending counters and reads the live numbers in
 * one step, and a flush swaps the pending hashes out in one step.
 *
 * Keys: W window of a site (sorted set visitor → last hit ms), P pending counters ("site|field"),
 * T pending visitor touches ("site|visitor" → last hit ms), F/TF the batch being flushed, FID its
 * id, B base of a site (database mirror), NEED sites asking for a base.
 */

/** Shared tail: online count, then base + F + P for each live field (ARGV from `first`). */
const READ_LIVE = `
local function live(W, P, B, F, NEED, site, onlineSince, first)
  local out = { redis.call('ZCOUNT', W, onlineSince, '+inf') }
  if redis.call('EXISTS', B) == 0 then
    redis.call('SADD', NEED, site)
    return out
  end
  for j = first, #ARGV do
    local f = ARGV[j]
    local k = site .. '|' .. f
    out[#out + 1] = tonumber(redis.call('HGET', B, f) or '0') + tonumber(redis.call('HGET', F, k) or '0') + tonumber(redis.call('HGET', P, k) or '0')
  end
  return out
end
`;

/**
 * KEYS: W P T B F NEED. ARGV: site, visitor, previous ('' = none), now, gapMs, onlineMs, cap,
 * touch, nHit, nVisit, hit fields…, visit fields…, live fields…
 */
export const HIT = `${READ_LIVE}
local W, P, T, B, F, NEED = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6]
local site, v, prev, now = ARGV[1], ARGV[2], ARGV[3], tonumber(ARGV[4])
local gap, onlineMs, cap = tonumber(ARGV[5]), tonumber(ARGV[6]), tonumber(ARGV[7])
local nHit, nVisit = tonumber(ARGV[9]), tonumber(ARGV[10])
redis.call('ZREMRANGEBYSCORE', W, '-inf', '(' .. (now - gap))
local last = redis.call('ZSCORE', W, v)
if (not last) and prev ~= '' then
  last = redis.call('ZSCORE', W, prev)
  if last then redis.call('ZREM', W, prev) end
end
redis.call('ZADD', W, now, v)
local n = redis.call('ZCARD', W)
if n > cap then redis.call('ZPOPMIN', W, n - cap) end
redis.call('PEXPIRE', W, gap)
local i = 11
for _ = 1, nHit do
  redis.call('HINCRBY', P, site .. '|' .. ARGV[i], 1)
  i = i + 1
end
if not last then
  for _ = 1, nVisit do
    redis.call('HINCRBY', P, site .. '|' .. ARGV[i], 1)
    i = i + 1
  end
else
  i = i + nVisit
end
redis.call('HSET', T, site .. '|' .. v, ARGV[8])
return live(W, P, B, F, NEED, site, now - onlineMs, i)
`;

/** KEYS: W P B F NEED. ARGV: site, onlineSince, live fields… */
export const READ = `${READ_LIVE}
return live(KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], ARGV[1], tonumber(ARGV[2]), 3)
`;

/**
 * KEYS: P T F TF FID. ARGV: new batch id. Returns {id, F contents, TF contents}, the batch a
 * crashed flusher left if there is one, or nil when nothing is pending.
 */
export const TAKE = `
local P, T, F, TF, FID = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5]
local id = redis.call('GET', FID)
if not id then
  local any = false
  if redis.call('EXISTS', P) == 1 then redis.call('RENAME', P, F); any = true end
  if redis.call('EXISTS', T) == 1 then redis.call('RENAME', T, TF); any = true end
  if not any then return nil end
  id = ARGV[1]
  redis.call('SET', FID, id)
end
return { id, redis.call('HGETALL', F), redis.call('HGETALL', TF) }
`;

/**
 * KEYS: FID F TF NEED B… ARGV: batch id ('' = no batch, only set the bases, and only when no
 * batch is in flight), then per base key: site, field count, field, value, …
 */
export const COMMIT = `
local id = redis.call('GET', KEYS[1])
if ARGV[1] == '' then
  if id then return 0 end
else
  if id ~= ARGV[1] then return 0 end
  redis.call('DEL', KEYS[1], KEYS[2], KEYS[3])
end
local a = 2
for k = 5, #KEYS do
  redis.call('DEL', KEYS[k])
  redis.call('SREM', KEYS[4], ARGV[a])
  local n = tonumber(ARGV[a + 1])
  a = a + 2
  for _ = 1, n do
    redis.call('HSET', KEYS[k], ARGV[a], ARGV[a + 1])
    a = a + 2
  end
end
return 1
`;

/** KEYS: lock. ARGV: owner, ttl ms. Takes the lock, or extends it for its owner. */
export const LOCK = `
local cur = redis.call('GET', KEYS[1])
if not cur then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 1
end
if cur == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
return 0
`;

/** KEYS: lock. ARGV: owner. */
export const UNLOCK = `
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
return 1
`;
