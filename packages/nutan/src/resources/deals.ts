import { type ApiPromise, type PagePromise, parseBody, type RequestOptions } from '@x/core'
import { type PagingParams, PagingParamsSchema } from '../schemas/common'
import {
  type Deal,
  type DealCreateParams,
  DealCreateSchema,
  type DealListParams,
  DealListParamsSchema,
  DealSchema,
  type DealUpdateParams,
  DealUpdateSchema,
} from '../schemas/deal'
import { type Objection, ObjectionSchema } from '../schemas/objection'
import { type Signal, SignalSchema } from '../schemas/signal'
import { offsetList } from './offset-list'
import { APIResource, recordPath } from './resource'

/** `/v1/deals`: list, create, update and soft-delete deals; a deal's signals and objections. */
export class Deals extends APIResource {
  /** Lists deals, filtered by `stage` and `status`. */
  list(params?: DealListParams, options?: RequestOptions): PagePromise<Deal, DealListParams> {
    return offsetList({
      transport: this.transport,
      path: '/deals',
      item: DealSchema,
      params: DealListParamsSchema,
      input: params,
      options,
      context: 'deals.list',
    })
  }

  /** Creates a deal. */
  create(params: DealCreateParams, options?: RequestOptions): ApiPromise<Deal> {
    return this.call(() => {
      const body = parseBody(DealCreateSchema, params, 'deals.create')
      return this.transport.request({ method: 'POST', path: '/deals', body, schema: DealSchema, options })
    })
  }

  /** Updates the given fields of a deal. */
  update(id: string, params: DealUpdateParams, options?: RequestOptions): ApiPromise<Deal> {
    return this.call(() => {
      const path = recordPath('deals', id, 'deals.update')
      const body = parseBody(DealUpdateSchema, params, 'deals.update')
      return this.transport.request({ method: 'PATCH', path, body, schema: DealSchema, options })
    })
  }

  /** Soft-deletes a deal. */
  delete(id: string, options?: RequestOptions): ApiPromise<void> {
    return this.call(() => {
      const path = recordPath('deals', id, 'deals.delete')
      return this.transport.request<void>({ method: 'DELETE', path, options })
    })
  }

  /** Lists the signals detected for a deal (`GET /v1/deals/:id/signals`). */
  signals(id: string, params?: PagingParams, options?: RequestOptions): PagePromise<Signal, PagingParams> {
    return offsetList({
      transport: this.transport,
      path: () => recordPath('deals', id, 'deals.signals', 'signals'),
      item: SignalSchema,
      params: PagingParamsSchema,
      input: params,
      options,
      context: 'deals.signals',
    })
  }

  /** Lists the objections raised in a deal (`GET /v1/deals/:id/objections`). */
  objections(
    id: string,
    params?: PagingParams,
    options?: RequestOptions,
  ): PagePromise<Objection, PagingParams> {
    return offsetList({
      transport: this.transport,
      path: () => recordPath('deals', id, 'deals.objections', 'objections'),
      item: ObjectionSchema,
      params: PagingParamsSchema,
      input: params,
      options,
      context: 'deals.objections',
    })
  }
}
