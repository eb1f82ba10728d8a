import type { WithResponse } from './types'

/** A promise of a call's result that also exposes the HTTP response through `.withResponse()`. */
export class ApiPromise<T> implements PromiseLike<T> {
  readonly #full: Promise<WithResponse<T>>

  constructor(full: Promise<WithResponse<T>>) {
    this.#full = full
  }

  /** The result together with status, headers, request id and rate-limit snapshot. */
  withResponse(): Promise<WithResponse<T>> {
    return this.#full
  }

  // biome-ignore lint/suspicious/noThenProperty: this class is a thenable by design
  then<A = T, B = never>(
    onfulfilled?: ((value: T) => A | PromiseLike<A>) | null,
    onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.#full.then((r) => r.data).then(onfulfilled, onrejected)
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
