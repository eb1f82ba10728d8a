import { normaliseId } from '../ids'
import { closeLead, reopenLead, setStageset } from '../mutations'
import { badRequest, json } from '../responses'
import { type RestContext, readJson } from './context'
import { recordFor } from './lookup'
import { listBody } from './render'

function field(body: unknown, key: string): unknown {
  return body && typeof body === 'object' ? (body as Record<string, unknown>)[key] : undefined
}

/** `POST /leads/{id}/status` `{ outcomeId }`: closes the lead as the outcome's status (won, lost, canceled). */
export async function close(ctx: RestContext): Promise<Response> {
  const lead = recordFor(ctx, 'leads', ctx.params.id!)
  const body = await readJson(ctx, 'leads')
  const outcomeId = normaliseId(field(body, 'outcomeId') ?? field(body, 'outcome'), 'outcomes')
  if (!outcomeId) badRequest('leads', 'outcomeId is required, e.g. {"outcomeId":"1-outcomes"}')
  closeLead(ctx.db, lead, outcomeId, ctx.user.userId, ctx.now)
  return json(listBody('leads', [lead], 1, ctx))
}

/** `POST /leads/{id}/reopen`. */
export function reopen(ctx: RestContext): Response {
  const lead = recordFor(ctx, 'leads', ctx.params.id!)
  reopenLead(ctx.db, lead, ctx.user.userId, ctx.now)
  return json(listBody('leads', [lead], 1, ctx))
}

/** `POST /leads/{id}/stageset` `{ stageset }`: moves the lead to another pipeline. */
export async function stageset(ctx: RestContext): Promise<Response> {
  const lead = recordFor(ctx, 'leads', ctx.params.id!)
  const body = await readJson(ctx, 'leads')
  const id = normaliseId(field(body, 'stageset') ?? field(body, 'pipeline'), 'stagesets')
  if (!id) badRequest('leads', 'stageset is required, e.g. {"stageset":"1-stagesets"}')
  setStageset(ctx.db, lead, id, ctx.user.userId, ctx.now)
  return json(listBody('leads', [lead], 1, ctx))
}
