import { UsageRecordInputSchema, UsageRecordSchema } from '../schemas/usage'
import { operation } from './operation'

/** `/v1/tokens`: usage metering (model tokens consumed by a feature). */
export const USAGE_OPERATIONS = {
  record: operation({
    method: 'POST',
    path: '/tokens',
    input: UsageRecordInputSchema,
    answer: UsageRecordSchema,
    returns: { kind: 'record' },
    effect: 'create',
    description: 'Records one usage measurement; not retried where the server may have recorded it.',
  }),
}
