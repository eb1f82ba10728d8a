import { InputValidationError, type NoticeEvent, PagePromise } from '@x/core'
import type { ReadFallback } from '../operations/fallback'
import type { RpcClient } from './client'
import type { RpcContext } from './types'

type AnyMethod = (...args: unknown[]) => unknown

/**
 * What a method of the lazy `ns.rpc` returns before the client has loaded: awaited, the method's own
 * result (a `find*` list's first page, like any PagePromise); iterated, the list's records.
 */
class LazyCall implements PromiseLike<unknown>, AsyncIterable<unknown> {
  // The method's result in a box, so that awaiting the box does not await a list's first page.
  private readonly box: Promise<{ value: unknown }>

  constructor(box: Promise<{ value: unknown }>) {
    this.box = box
  }

  // biome-ignore lint/suspicious/noThenProperty: a lazy call is awaited like the method's own result
  then<A = unknown, B = never>(
    onfulfilled?: ((value: unknown) => A | PromiseLike<A>) | null,
    onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.box.then(({ value }) => value).then(onfulfilled, onrejected)
  }

  catch<B = never>(onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<unknown> {
    return this.then(undefined, onrejected)
  }

  finally(onfinally?: (() => void) | null): Promise<unknown> {
    return this.then().finally(onfinally)
  }

  private list(): PagePromise<unknown, unknown> {
    return PagePromise.from(this.box.then(({ value }) => ({ list: value as PagePromise<unknown, unknown> })))
  }

  pages() {
    return this.list().pages()
  }

  [Symbol.asyncIterator]() {
    return this.list()[Symbol.asyncIterator]()
  }

  toArray(options?: { max?: number }) {
    return this.list().toArray(options)
  }

  withResponse() {
    return this.box.then(({ value }) => (value as { withResponse(): Promise<unknown> }).withResponse())
  }
}

/**
 * `ns.rpc`: the JSON-RPC client, loaded on its first call. Apps that never use the older API don't
 * ship it; bundlers put it in its own chunk. Any method name is forwarded to the loaded client, so the
 * names live only in its table (methods.ts).
 */
export function lazyRpcClient(ctx: RpcContext): RpcClient {
  let loaded: Promise<RpcClient> | undefined
  const load = () => {
    loaded ??= import('./client').then((m) => new m.RpcClient(ctx))
    return loaded
  }
  const own = { restBaseUrl: ctx.transport.options.baseUrl.replace(/\/+$/, '') }
  return new Proxy(own, {
    get(target, name) {
      if (Object.hasOwn(target, name)) return target[name as keyof typeof target]
      // Not a thenable (`await ns.rpc` is the object itself), and no symbol is a method.
      if (typeof name !== 'string' || name === 'then') return undefined
      return (...args: unknown[]) =>
        new LazyCall(
          load().then((client) => {
            const method = (client as unknown as Record<string, unknown>)[name]
            if (typeof method !== 'function') {
              throw new InputValidationError(
                [{ path: 'method', message: `no JSON-RPC method "${name}"; use rpc.call` }],
                'rpc',
              )
            }
            return { value: (method as AnyMethod).apply(client, args) }
          }),
        )
    },
  }) as unknown as RpcClient
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
