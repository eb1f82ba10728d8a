import { StagesResponseSchema } from '../schemas/stage'
import { operation } from './operation'

/** `/stages`: the stages (milestones) leads move through, across all pipelines. */
export const STAGE_OPERATIONS = {
  list: operation({
    method: 'GET',
    path: '/stages',
    answer: StagesResponseSchema,
    returns: { kind: 'list', key: 'stages', paging: 'none' },
    effect: 'read',
    description: 'Lists every stage of every pipeline (one page).',
  }),
}
