import { OutcomeSchema, OutcomesResponseSchema } from '../schemas/outcome'
import { getRecord, listAll } from './common'

/** Operations of this group (filled from Nutshell's OpenAPI document). */
export const OUTCOME_OPERATIONS = {
  list: listAll({
    path: '/outcomes',
    answer: OutcomesResponseSchema,
    key: 'outcomes',
    description: "Lists the account's lead outcomes: won, lost, canceled and its own reasons (one page).",
  }),
  get: getRecord({
    path: '/outcomes/{id}',
    answer: OutcomeSchema,
    noun: 'lead outcome (won, lost, canceled or a custom one)',
  }),
}
