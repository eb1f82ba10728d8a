import type * as z from 'zod/mini'
import type { RpcChangesOf, RpcEntityName, RpcRecordOf } from './entities'
import type {
  RpcCreator,
  RpcDeleter,
  RpcEditor,
  RpcEntityInput,
  RpcFinder,
  RpcGetter,
  RpcMethodKit,
  RpcOptionalIdGetter,
  RpcPlain,
  RpcSearcher,
} from './method-kit'
import { RPC_METHODS, type RpcMethod, type RpcMethodTable } from './methods'
import type { RpcRequestOptions } from './types'

/** The typed method one table entry makes. */
export type RpcMethodOf<M> = M extends {
  kind: 'get'
  entity: infer E extends RpcEntityName
  idOptional: true
}
  ? RpcOptionalIdGetter<RpcRecordOf<E>>
  : M extends { kind: 'get'; entity: infer E extends RpcEntityName }
    ? RpcGetter<RpcRecordOf<E>>
    : M extends { kind: 'new'; entity: infer E extends RpcEntityName }
      ? RpcCreator<RpcEntityInput<E>, RpcRecordOf<E>>
      : M extends { kind: 'edit'; entity: infer E extends RpcEntityName }
        ? RpcEditor<RpcChangesOf<E>, RpcRecordOf<E>>
        : M extends { kind: 'delete' }
          ? RpcDeleter
          : M extends {
                kind: 'find'
                item: infer I extends z.ZodMiniType
                params: infer P extends z.ZodMiniType
              }
            ? RpcFinder<z.output<I>, z.input<P>>
            : M extends { kind: 'search'; item: infer I extends z.ZodMiniType }
              ? RpcSearcher<z.output<I>>
              : M extends {
                    kind: 'plain'
                    params: infer P extends z.ZodMiniType
                    result: infer R extends z.ZodMiniType
                  }
                ? RpcPlain<z.input<P>, z.output<R>>
                : M extends { kind: 'plain'; result: infer R extends z.ZodMiniType }
                  ? (options?: RpcRequestOptions) => Promise<z.output<R>>
                  : M extends { kind: 'custom'; run: (kit: never, ...args: infer A) => infer R }
                    ? (...args: A) => R
                    : never

/** Every typed JSON-RPC method, by its name on the wire. */
export type RpcTypedMethods = { [K in keyof RpcMethodTable]: RpcMethodOf<RpcMethodTable[K]> }

/** The method one entry makes, named by its key (the name on the wire). */
function methodFor(kit: RpcMethodKit, name: string, m: RpcMethod): unknown {
  switch (m.kind) {
    case 'get':
      return kit.getter(name, m.entity, m.idOptional)
    case 'new':
      return kit.creator(name, m.entity)
    case 'edit':
      return kit.editor(name, m.entity)
    case 'delete':
      return kit.deleter(name, m.entity)
    case 'find':
      return kit.finder(name, m.item, m.params)
    case 'search':
      return kit.searcher(name, m.item)
    case 'plain': {
      const call = kit.plain(name, m.params, m.result)
      // A method that takes no params takes only the per-call options.
      return m.params ? call : (options?: RpcRequestOptions) => call(undefined, options)
    }
    case 'custom':
      return (...args: unknown[]) => m.run(kit, ...args)
  }
}

/** The typed methods of the table, bound to one client's kit. */
export function bindRpcMethods(kit: RpcMethodKit): RpcTypedMethods {
  const methods: Record<string, unknown> = {}
  for (const [name, m] of Object.entries(RPC_METHODS)) methods[name] = methodFor(kit, name, m as RpcMethod)
  return methods as RpcTypedMethods
}
