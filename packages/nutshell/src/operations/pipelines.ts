import * as z from 'zod/mini'
import { PipelinesResponseSchema } from '../schemas/pipeline'
import { listAll } from './common'
import { operation } from './operation'

/** Operations of this group (filled from Nutshell's OpenAPI document). */
export const PIPELINE_OPERATIONS = {
  // The REST API calls pipelines stagesets.
  list: listAll({
    path: '/stagesets',
    answer: PipelinesResponseSchema,
    key: 'stagesets',
    description: 'Lists the pipelines (stagesets) leads can be assigned to (one page).',
  }),
  export: operation({
    method: 'GET',
    path: '/stagesets/{id}/export',
    // A CSV file, answered as its text.
    answer: z.string(),
    returns: { kind: 'answer' },
    effect: 'read',
    description: "Exports, as CSV, the leads' movements through one pipeline.",
  }),
}
