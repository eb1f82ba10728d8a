// A Limiter shared through Redis by every process and machine that uses the same key. Node only.
export { createRedisLimiter, type RedisLimiterOptions } from './redis-limiter'
export type { RedisClient } from './store'
