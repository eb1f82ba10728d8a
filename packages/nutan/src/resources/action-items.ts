import { type ApiPromise, type PagePromise, parseBody, type RequestOptions } from '@x/core'
import {
  type ActionItem,
  type ActionItemCreateParams,
  ActionItemCreateSchema,
  type ActionItemListParams,
  ActionItemListParamsSchema,
  ActionItemSchema,
  type ActionItemUpdateParams,
  ActionItemUpdateSchema,
} from '../schemas/action-item'
import { offsetList } from './offset-list'
import { APIResource, recordPath } from './resource'

/** `/v1/action-items`: list, create, update and delete action items. */
export class ActionItems extends APIResource {
  /** Lists action items (`status`, `meeting_id`, `deal_id` filters). */
  list(
    params?: ActionItemListParams,
    options?: RequestOptions,
  ): PagePromise<ActionItem, ActionItemListParams> {
    return offsetList({
      transport: this.transport,
      path: '/action-items',
      item: ActionItemSchema,
      params: ActionItemListParamsSchema,
      input: params,
      options,
      context: 'actionItems.list',
    })
  }

  /** Creates an action item. */
  create(params: ActionItemCreateParams, options?: RequestOptions): ApiPromise<ActionItem> {
    return this.call(() => {
      const body = parseBody(ActionItemCreateSchema, params, 'actionItems.create')
      return this.transport.request({
        method: 'POST',
        path: '/action-items',
        body,
        schema: ActionItemSchema,
        options,
      })
    })
  }

  /** Updates the given fields of an action item. */
  update(id: string, params: ActionItemUpdateParams, options?: RequestOptions): ApiPromise<ActionItem> {
    return this.call(() => {
      const path = recordPath('action-items', id, 'actionItems.update')
      const body = parseBody(ActionItemUpdateSchema, params, 'actionItems.update')
      return this.transport.request({ method: 'PATCH', path, body, schema: ActionItemSchema, options })
    })
  }

  /** Deletes an action item. */
  delete(id: string, options?: RequestOptions): ApiPromise<void> {
    return this.call(() => {
      const path = recordPath('action-items', id, 'actionItems.delete')
      return this.transport.request<void>({ method: 'DELETE', path, options })
    })
  }
}
