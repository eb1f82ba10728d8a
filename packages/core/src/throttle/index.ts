export {
  chainLimiters,
  createAdaptiveLimiter,
  createRateLimiter,
  type Limiter,
  type LimiterFallback,
  type LimiterWait,
  type LimiterWaitReason,
  type RateBudget,
  type ScheduleOptions,
  type Teller,
  tellerFor,
} from './limiter'
