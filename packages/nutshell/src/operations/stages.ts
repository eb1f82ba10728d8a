import { StagesResponseSchema } from '../schemas/stage'
import { listAll } from './common'

/** `/stages`: the stages (milestones) leads move through, across all pipelines. */
export const STAGE_OPERATIONS = {
  list: listAll({
    path: '/stages',
    answer: StagesResponseSchema,
    key: 'stages',
    description: 'Lists every stage of every pipeline (one page).',
  }),
}
