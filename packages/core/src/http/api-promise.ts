import type { WithResponse } from './types'

/** A promise of a call's result that also exposes the HTTP response through `.withResponse()`. */
export class ApiPromise<T> implements PromiseLike<T> {
  private readonly full: Promise<WithResponse<T>>

  constructor(full: Promise<WithResponse<T>>) {
    this.full = full
  }

  /** The result together with status, headers, request id and rate-limit snapshot. */
  withResponse(): Promise<WithResponse<T>> {
    return this.full
  }

  /** Maps the result without losing `.withResponse()`. */
  map<U>(fn: (data: T) => U | Promise<U>): ApiPromise<U> {
    return new ApiPromise(this.full.then(async (r) => ({ data: await fn(r.data), response: r.response })))
  }

  // biome-ignore lint/suspicious/noThenProperty: this class is a thenable by design
  then<A = T, B = never>(
    onfulfilled?: ((value: T) => A | PromiseLike<A>) | null,
    onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    // One reaction, not two chained ones: each promise hop is a microtask, and a call is only a few hundred.
    return this.full.then(
      onfulfilled ? (r) => onfulfilled(r.data) : (r) => r.data as unknown as A,
      onrejected,
    )
  }

  catch<B = never>(onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<T | B> {
    return this.then(undefined, onrejected)
  }

  finally(onfinally?: (() => void) | null): Promise<T> {
    return this.then().finally(onfinally)
  }

  get [Symbol.toStringTag](): string {
    return 'ApiPromise'
  }
}
