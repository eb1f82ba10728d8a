import { PagingParamsSchema } from '../schemas/common'
import {
  DealCreateInputSchema,
  DealListParamsSchema,
  DealSchema,
  DealUpdateInputSchema,
} from '../schemas/deal'
import { ObjectionSchema } from '../schemas/objection'
import { SignalSchema } from '../schemas/signal'
import { createRecord, deleteRecord, listRecords, updateRecord } from './common'

/** A `status` other than open (won, lost) or the `closed` stage settles the deal: such a write closes it. */
export function settlesDeal(fields: unknown): boolean {
  if (!fields || typeof fields !== 'object') return false
  // Keys are read case aside (`Status`): the input is loose, and the service may read them so.
  const folded = Object.fromEntries(Object.entries(fields).map(([key, value]) => [key.toLowerCase(), value]))
  const { status, stage } = folded as { status?: unknown; stage?: unknown }
  return (status !== undefined && status !== null && status !== 'open') || stage === 'closed'
}
const SETTLES_DEAL = { close: settlesDeal }

/** `/v1/deals`: list, create, update and soft-delete deals; a deal's signals and objections. */
export const DEAL_OPERATIONS = {
  list: listRecords({
    path: '/deals',
    input: DealListParamsSchema,
    item: DealSchema,
    description: 'Lists deals (`stage`, `status` filters): a page (`await`) or every deal (`for await`).',
  }),
  create: createRecord({
    path: '/deals',
    input: DealCreateInputSchema,
    record: DealSchema,
    noun: 'deal',
    effectFields: SETTLES_DEAL,
  }),
  update: updateRecord({
    path: '/deals/{id}',
    input: DealUpdateInputSchema,
    record: DealSchema,
    noun: 'deal',
    effectFields: SETTLES_DEAL,
  }),
  delete: deleteRecord({ path: '/deals/{id}', description: 'Soft-deletes a deal.' }),
  signals: listRecords({
    path: '/deals/{id}/signals',
    input: PagingParamsSchema,
    item: SignalSchema,
    description: 'Lists the signals detected for a deal.',
  }),
  objections: listRecords({
    path: '/deals/{id}/objections',
    input: PagingParamsSchema,
    item: ObjectionSchema,
    description: 'Lists the objections raised in a deal.',
  }),
}
