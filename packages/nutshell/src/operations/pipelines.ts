import * as z from 'zod/mini'
import { operation } from './operation'

/** Operations of this group (filled from Nutshell's OpenAPI document). */
export const PIPELINE_OPERATIONS = {
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
