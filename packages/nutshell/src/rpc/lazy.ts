import { type NoticeEvent, PagePromise } from '@x/core'
import type { ReadFallback } from '../operations/fallback'
import type { RpcClient } from './client'
import type { RpcContext } from './types'

/**
 * The methods of RpcClient, by result kind. A test checks this list against the class, so a method
 * added there and forgotten here fails the build of trust, not a user's call.
 */
export const RPC_PAGED_METHODS = [
  'findLeads',
  'findContacts',
  'findAccounts',
  'findActivities',
  'findUsers',
  'findSources',
  'findProducts',
  'findMilestones',
  'findStagesets',
] as const satisfies readonly (keyof RpcClient)[]

export const RPC_ASYNC_METHODS = [
  'call',
  'editWithRev',
  'findTags',
  'newTag',
  'searchUniversal',
  'searchByEmail',
  'newNote',
  ...(['Lead', 'Contact', 'Account', 'Activity', 'Task'] as const).flatMap(
    (e) => [`get${e}`, `new${e}`, `edit${e}`, `delete${e}`] as const,
  ),
  'searchLeads',
  'searchContacts',
  'searchAccounts',
  'getNote',
  'editNote',
  'deleteNote',
  'getUser',
  'getProduct',
] as const satisfies readonly (keyof RpcClient)[]

type AnyMethod = (...args: unknown[]) => unknown

/**
 * `ns.rpc`: the JSON-RPC client, loaded on its first call. Apps that never use the older API don't
 * ship it; bundlers put it in its own chunk.
 */
export function lazyRpcClient(ctx: RpcContext): RpcClient {
  let loaded: Promise<RpcClient> | undefined
  const load = () => {
    loaded ??= import('./client').then((m) => new m.RpcClient(ctx))
    return loaded
  }
  const invoke = (name: string, args: unknown[]) =>
    load().then((client) => (client[name as keyof RpcClient] as AnyMethod).apply(client, args))
  const facade: Record<string, unknown> = {
    restBaseUrl: ctx.transport.options.baseUrl.replace(/\/+$/, ''),
  }
  for (const name of RPC_PAGED_METHODS) {
    const boxed = async (args: unknown[]): Promise<{ list: PagePromise<unknown, unknown> }> => {
      const client = await load()
      return { list: (client[name] as AnyMethod).apply(client, args) as PagePromise<unknown, unknown> }
    }
    facade[name] = (...args: unknown[]) => PagePromise.from<unknown, unknown>(boxed(args))
  }
  for (const name of RPC_ASYNC_METHODS) facade[name] = (...args: unknown[]) => invoke(name, args)
  return facade as unknown as RpcClient
}

/** The `fallback: 'rpc'` read path, with the fallback machinery loaded only when a REST read first fails. */
export function lazyReadFallback(rpc: RpcClient, emit: (event: NoticeEvent) => void): ReadFallback {
  let fallback: Promise<ReadFallback> | undefined
  return async <T>(req: Parameters<ReadFallback>[0], rest: () => Promise<T>): Promise<T> => {
    try {
      return await rest()
    } catch (error) {
      fallback ??= import('./fallback').then((m) => m.makeReadFallback(rpc, emit))
      return (await fallback)(req, () => Promise.reject(error))
    }
  }
}
