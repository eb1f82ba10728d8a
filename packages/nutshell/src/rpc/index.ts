export type { ReadFallback, ReadRequest } from '../operations/fallback'
export { RpcClient } from './client'
export { DEFAULT_DISCOVERY_TTL_MS, DEFAULT_DISCOVERY_URL, DiscoveryResultSchema } from './discovery'
export type {
  RpcChangesOf,
  RpcEditableEntity,
  RpcEntityName,
  RpcEntityTypes,
  RpcNoteChanges,
  RpcRecordOf,
} from './entities'
export { isReadMethod, RpcErrorBodySchema, type RpcRequestBody, type RpcResponseBody } from './envelope'
export { statusForRpcCode } from './errors'
export { makeReadFallback } from './fallback'
export {
  type RestLocation,
  restLeadStatus,
  rpcAccountToRest,
  rpcContactToRest,
  rpcLeadToRest,
} from './map/records'
export {
  RPC_DEFAULT_LIMIT,
  type RpcCreator,
  type RpcDeleter,
  type RpcEditor,
  type RpcEntityInput,
  type RpcFinder,
  type RpcGetter,
  type RpcPageParams,
  type RpcSearcher,
} from './method-kit'
export { DEFAULT_MAX_REV_RETRIES } from './rev'
export * from './schemas'
export type {
  RpcConditional,
  RpcConditionalOptions,
  RpcContext,
  RpcOptions,
  RpcRequestOptions,
} from './types'
