import { OutcomeSchema, OutcomesResponseSchema } from '../schemas/outcome'
import { operation } from './operation'

/** Operations of this group (filled from Nutshell's OpenAPI document). */
export const OUTCOME_OPERATIONS = {
  list: operation({
    method: 'GET',
    path: '/outcomes',
    answer: OutcomesResponseSchema,
    returns: { kind: 'list', key: 'outcomes', paging: 'none' },
    effect: 'read',
    description: "Lists the account's lead outcomes: won, lost, canceled and its own reasons (one page).",
  }),
  get: operation({
    method: 'GET',
    path: '/outcomes/{id}',
    answer: OutcomeSchema,
    returns: { kind: 'record' },
    effect: 'read',
    description: 'Fetches one lead outcome (won, lost, canceled or a custom one).',
  }),
}
