export { ApiPromise } from './api-promise'
export { checkClientOptions, checkRequestOptions } from './options'
export { Transport } from './transport'
export type {
  ErrorEvent,
  Hooks,
  HttpMethod,
  LimiterFallbackEvent,
  LimiterWaitEvent,
  NoticeEvent,
  RequestEvent,
  RequestOptions,
  RequestSpec,
  ResponseEvent,
  ResponseMeta,
  RetryEvent,
  TransportOptions,
  WithResponse,
} from './types'
