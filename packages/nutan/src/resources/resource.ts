import { ApiPromise, type Transport } from '@x/core'

/** Base of every resource: holds the client's one transport. */
export abstract class APIResource {
  protected readonly transport: Transport

  constructor(transport: Transport) {
    this.transport = transport
  }

  /** Runs `build` (input checks, then the request); an input error rejects the promise before any I/O. */
  protected call<T>(build: () => ApiPromise<T>): ApiPromise<T> {
    try {
      return build()
    } catch (error) {
      return new ApiPromise<T>(Promise.reject(error))
    }
  }
}

/** Builds `/<collection>/<id>[/<sub>]` with the id escaped. */
export function recordPath(collection: string, id: string, sub?: string): string {
  return `/${collection}/${encodeURIComponent(id)}${sub ? `/${sub}` : ''}`
}
