import { type ApiPromise, parseBody, type RequestOptions } from '@x/core'
import {
  type UsageRecord,
  type UsageRecordParams,
  UsageRecordParamsSchema,
  UsageRecordSchema,
} from '../schemas/usage'
import { APIResource } from './resource'

/** `/v1/tokens`: usage metering (model tokens consumed by a feature). */
export class Usage extends APIResource {
  /** Records one usage measurement (`POST /v1/tokens`). Not retried where the server may have recorded it. */
  record(params: UsageRecordParams, options?: RequestOptions): ApiPromise<UsageRecord> {
    return this.call(() => {
      const body = parseBody(UsageRecordParamsSchema, params, 'usage.record')
      return this.transport.request({
        method: 'POST',
        path: '/tokens',
        body,
        schema: UsageRecordSchema,
        options,
      })
    })
  }
}
