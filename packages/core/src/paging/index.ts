export { LazyPages, type PageWithResponse, type WalkablePage } from './lazy-pages'
export { type NextParams, Page, type PageData, type PageFetcher } from './page'
export { PagePromise, type PagingPlan } from './page-promise'
export { nextOffset, nextPageNumber, type OffsetParams, type PageNumberParams } from './strategies'
