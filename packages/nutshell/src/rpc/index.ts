export type { ReadFallback, ReadRequest } from '../operations/fallback'
export type { RpcMethodOf, RpcTypedMethods } from './bind-methods'
export { RpcClient } from './client'
export { DEFAULT_DISCOVERY_TTL_MS, DEFAULT_DISCOVERY_URL, DiscoveryResultSchema } from './discovery'
export {
  RPC_ENTITIES,
  type RpcChangesOf,
  type RpcEditableEntity,
  type RpcEntityName,
  type RpcEntitySpec,
  type RpcEntityTypes,
  type RpcNoteChanges,
  type RpcRecordOf,
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
  type RpcOptionalIdGetter,
  type RpcPageParams,
  type RpcPlain,
  type RpcSearcher,
} from './method-kit'
export { RPC_METHODS, type RpcCallShape, type RpcMethod, type RpcMethodTable } from './methods'
export { DEFAULT_MAX_REV_RETRIES } from './rev'
export * from './schemas'
export type {
  RpcConditional,
  RpcConditionalOptions,
  RpcContext,
  RpcOptions,
  RpcRequestOptions,
} from './types'
