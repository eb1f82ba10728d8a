import type { ResponseMeta } from '@x/core'
import { RelatedRecords } from '../related'

/** What a single-record call resolved to, with the body it came from. */
export interface RecordResult<T> {
  data: T
  body: unknown
  /** The HTTP exchange; undefined when the JSON-RPC fallback served the read. */
  response: ResponseMeta | undefined
}

/**
 * A promise of a record (or records) that also gives the related records the response carried
 * (`.withRelated()`) and the HTTP response (`.withResponse()`).
 */
export class RecordPromise<T> implements PromiseLike<T> {
  private readonly full: Promise<RecordResult<T>>

  constructor(full: Promise<RecordResult<T>>) {
    this.full = full
  }

  /** The result with the related records carried beside it (a lead's owner, contacts, ...). */
  async withRelated(): Promise<{ data: T; related: RelatedRecords }> {
    const r = await this.full
    return { data: r.data, related: new RelatedRecords(r.body) }
  }

  /** The result with the body it came from and the HTTP exchange (for methods composed of this one). */
  withFull(): Promise<RecordResult<T>> {
    return this.full
  }

  /** The result with status, headers and request id. */
  async withResponse(): Promise<{ data: T; response: ResponseMeta | undefined }> {
    const r = await this.full
    return { data: r.data, response: r.response }
  }

  // biome-ignore lint/suspicious/noThenProperty: this class is a thenable by design
  then<A = T, B = never>(
    onfulfilled?: ((value: T) => A | PromiseLike<A>) | null,
    onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.full.then((r) => r.data).then(onfulfilled, onrejected)
  }

  catch<B = never>(onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<T | B> {
    return this.then(undefined, onrejected)
  }

  finally(onfinally?: (() => void) | null): Promise<T> {
    return this.then().finally(onfinally)
  }

  get [Symbol.toStringTag](): string {
    return 'RecordPromise'
  }
}
