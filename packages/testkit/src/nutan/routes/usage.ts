import type { HttpHandler } from 'msw'
import { json, type NutanRoute } from '../router'
import { nextNutanId } from '../state'
import type { NutanUsageRecord } from '../types'
import { checkFields, readObjectBody } from '../validate'

const usageRules = {
  model: { type: 'string', required: true },
  input_tokens: { type: 'integer', required: true, min: 0 },
  output_tokens: { type: 'integer', required: true, min: 0 },
  feature: { type: 'string', nullable: true },
  meeting_id: { type: 'string', nullable: true },
  recorded_at: { type: 'date' },
} as const

/** `POST /v1/tokens`: records one usage measurement. */
export function usageRoutes(route: NutanRoute): HttpHandler[] {
  return [
    route('post', '*/v1/tokens', async (ctx) => {
      const fields = checkFields(await readObjectBody(ctx.request), usageRules)
      const record = {
        id: nextNutanId(ctx.state, 'use'),
        feature: null,
        meeting_id: null,
        recorded_at: new Date(ctx.now).toISOString(),
        ...fields,
      } as NutanUsageRecord
      ctx.state.usage.push(record)
      return json(record, 201)
    }),
  ]
}
