import { OutcomeSchema } from '../schemas/outcome'
import { operation } from './operation'

/** Operations of this group (filled from Nutshell's OpenAPI document). */
export const OUTCOME_OPERATIONS = {
  get: operation({
    method: 'GET',
    path: '/outcomes/{id}',
    answer: OutcomeSchema,
    returns: { kind: 'record' },
    effect: 'read',
    description: 'Fetches one lead outcome (won, lost, canceled or a custom one).',
  }),
}
