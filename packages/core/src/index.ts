export * from './errors'
export * from './http'
export {
  type AnyOperation,
  type Effect,
  type EffectFields,
  type InputArgs,
  type Operation,
  type OperationTable,
  type PathArgs,
  pathParamNames,
  readArgs,
} from './operations/operation'
export * from './paging'
export * from './redaction'
export * from './retry'
export * from './throttle'
export { abortable } from './utils/abortable'
export { buildPath, pathParam } from './utils/path'
export { assertPlainData } from './utils/plain-data'
export { type QueryInput, type QueryValue, serializeQuery } from './utils/query'
export { isBrowserLike } from './utils/runtime'
export { sleep } from './utils/sleep'
export {
  assertSafeForCredentials,
  isLoopback,
  isSafeForCredentials,
  joinUrl,
  resolveTarget,
} from './utils/url'
export * from './validation'
