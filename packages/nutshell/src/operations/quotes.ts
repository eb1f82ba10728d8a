import * as z from 'zod/mini'
import { InvoicesResponseSchema } from '../schemas/invoice'
import { QuoteStatusInputSchema, QuotesResponseSchema, SalesDocumentListInputSchema } from '../schemas/quote'
import { getRecord, pagedList } from './common'
import { operation } from './operation'

/** `/quotes`: priced offers for leads, their status, and invoices made from them. */
export const QUOTES = {
  list: pagedList({
    path: '/quotes',
    key: 'quotes',
    input: z.optional(SalesDocumentListInputSchema),
    answer: QuotesResponseSchema,
    noun: 'quote',
    narrowed: 'optionally for one lead or created within a date range',
  }),
  get: getRecord({
    path: '/quotes/{id}',
    answer: QuotesResponseSchema,
    key: 'quotes',
    noun: 'quote',
    detail: 'with its line items, recipient and status',
  }),
  setStatus: operation({
    method: 'POST',
    path: '/quotes/{id}/status',
    input: QuoteStatusInputSchema,
    answer: QuotesResponseSchema,
    returns: { kind: 'record', key: 'quotes' },
    effect: 'update',
    description: 'Moves a quote to another status (ready, sent, revoked, accepted or archived).',
  }),
  invoice: operation({
    method: 'POST',
    path: '/quotes/{id}/invoice',
    answer: InvoicesResponseSchema,
    returns: { kind: 'answer' },
    effect: 'create',
    description: 'Creates a new invoice copied from a quote; the answer carries it in `invoices`.',
  }),
}
