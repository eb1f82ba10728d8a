export { parseRetryAfter, type RateLimitSnapshot, readRateLimit } from './headers'
export { type BackoffOptions, backoffDelay, isIdempotent, isRetryable, RETRYABLE_STATUSES } from './policy'
