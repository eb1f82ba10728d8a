export { createAdaptiveLimiter, createRateLimiter, type Limiter } from './limiter'
