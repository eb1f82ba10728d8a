import * as z from 'zod/mini'
import { InvoiceStatusInputSchema, InvoicesResponseSchema } from '../schemas/invoice'
import { SalesDocumentListInputSchema } from '../schemas/quote'
import { getRecord, pagedList } from './common'
import { operation } from './operation'

/** `/invoices`: bills for leads and their status (accepted means paid). */
export const INVOICES = {
  list: pagedList({
    path: '/invoices',
    key: 'invoices',
    input: z.optional(SalesDocumentListInputSchema),
    answer: InvoicesResponseSchema,
    noun: 'invoice',
    narrowed: 'optionally for one lead or created within a date range',
  }),
  get: getRecord({
    path: '/invoices/{id}',
    answer: InvoicesResponseSchema,
    key: 'invoices',
    noun: 'invoice',
    detail: 'with its line items, recipient, status and payment details',
  }),
  setStatus: operation({
    method: 'POST',
    path: '/invoices/{id}/status',
    input: InvoiceStatusInputSchema,
    answer: InvoicesResponseSchema,
    returns: { kind: 'record', key: 'invoices' },
    effect: 'update',
    description: 'Moves an invoice to another status; accepted marks it paid, with an optional note.',
  }),
}
