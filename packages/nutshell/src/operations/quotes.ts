import * as z from 'zod/mini'
import { InvoicesResponseSchema } from '../schemas/invoice'
import { QuoteStatusInputSchema, QuotesResponseSchema, SalesDocumentListInputSchema } from '../schemas/quote'
import { operation } from './operation'

/** `/quotes`: priced offers for leads, their status, and invoices made from them. */
export const QUOTES = {
  list: operation({
    method: 'GET',
    path: '/quotes',
    input: z.optional(SalesDocumentListInputSchema),
    answer: QuotesResponseSchema,
    returns: { kind: 'list', key: 'quotes', paging: 'page' },
    effect: 'read',
    description: 'Lists quotes, optionally for one lead or created within a date range.',
  }),
  get: operation({
    method: 'GET',
    path: '/quotes/{id}',
    answer: QuotesResponseSchema,
    returns: { kind: 'record', key: 'quotes' },
    effect: 'read',
    description: 'Fetches one quote with its line items, recipient and status.',
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
