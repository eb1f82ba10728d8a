import { PermissionDeniedError } from '@x/core'
import type { Requirement } from '../policy/types'

/** `'close' on 'leads'` style phrases, grouped by resource. */
function describeMissing(missing: readonly Requirement[]): { verbs: string; grants: string } {
  const byResource = new Map<string, string[]>()
  for (const r of missing) byResource.set(r.resource, [...(byResource.get(r.resource) ?? []), r.class])
  const verbs = [...byResource].map(([resource, classes]) => `${classes.join('/')} ${resource}`).join(' and ')
  const grants = [...byResource]
    .map(([resource, classes]) => `${classes.map((c) => `'${c}'`).join(', ')} on '${resource}'`)
    .join('; ')
  return { verbs, grants }
}

/**
 * The local 403 a denied call rejects with; it names the resource and the grant missing. `path` is
 * `<object>.<method>` (`leads.close`, `rpc.deleteLead`); `method` is its last part.
 */
export function permissionDenied(
  agent: string,
  path: string,
  missing: readonly Requirement[],
): PermissionDeniedError {
  const message = missing.length
    ? (() => {
        const { verbs, grants } = describeMissing(missing)
        return `agent "${agent}" may not ${verbs} (grant ${grants})`
      })()
    : `agent "${agent}" may not call ${path} (not an operation a policy can grant)`
  return new PermissionDeniedError({
    status: 403,
    message,
    method: path.slice(path.lastIndexOf('.') + 1),
    path,
    code: 'scope_denied',
    data: { agent, missing },
  })
}

/**
 * What a denied method returns instead of calling the client (also a call whose input is refused, with
 * its InputValidationError). Awaiting it, iterating it (in place
 * of a `list()`), `.toArray()` or `.withResponse()` all reject with the error; ignoring it does nothing.
 */
export class DeniedCall<E extends Error = PermissionDeniedError>
  implements PromiseLike<never>, AsyncIterable<never>
{
  readonly error: E

  constructor(error: E) {
    this.error = error
  }

  // biome-ignore lint/suspicious/noThenProperty: stands in for the ApiPromise or PagePromise a method returns
  then<A = never, B = never>(
    onfulfilled?: ((value: never) => A | PromiseLike<A>) | null,
    onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return Promise.reject(this.error).then(onfulfilled, onrejected)
  }

  catch<B = never>(onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<B> {
    return this.then(undefined, onrejected)
  }

  finally(onfinally?: (() => void) | null): Promise<never> {
    return Promise.reject(this.error).finally(onfinally)
  }

  /** Rejects like the call itself. */
  withResponse(): Promise<never> {
    return Promise.reject(this.error)
  }

  /** Rejects like the call itself. */
  toArray(): Promise<never> {
    return Promise.reject(this.error)
  }

  /** Rejects on the first step, like a list whose first page failed. */
  pages(): AsyncIterableIterator<never> {
    return this[Symbol.asyncIterator]()
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<never> {
    const error = this.error
    const iterator: AsyncIterableIterator<never> = {
      next: () => Promise.reject(error),
      [Symbol.asyncIterator]: () => iterator,
    }
    return iterator
  }
}
