export { type AheadPlan, listConcurrency, walkAhead, withWalkSignal } from './concurrent'
export { LazyPages, type PageWithResponse, type WalkablePage } from './lazy-pages'
export { type NextParams, Page, type PageData, type PageFetcher } from './page'
export { PagePromise, type PagingPlan } from './page-promise'
export {
  type AheadParams,
  nextOffset,
  nextPageNumber,
  type OffsetParams,
  offsetsAhead,
  type PageNumberParams,
  pageNumbersAhead,
  pageNumbersAheadUntilShort,
} from './strategies'
