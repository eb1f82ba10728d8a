import * as z from 'zod/mini'
import { InvoiceStatusInputSchema, InvoicesResponseSchema } from '../schemas/invoice'
import { SalesDocumentListInputSchema } from '../schemas/quote'
import { operation } from './operation'

/** `/invoices`: bills for leads and their status (accepted means paid). */
export const INVOICES = {
  list: operation({
    method: 'GET',
    path: '/invoices',
    input: z.optional(SalesDocumentListInputSchema),
    answer: InvoicesResponseSchema,
    returns: { kind: 'list', key: 'invoices', paging: 'page' },
    effect: 'read',
    description: 'Lists invoices, optionally for one lead or created within a date range.',
  }),
  get: operation({
    method: 'GET',
    path: '/invoices/{id}',
    answer: InvoicesResponseSchema,
    returns: { kind: 'record', key: 'invoices' },
    effect: 'read',
    description: 'Fetches one invoice with its line items, recipient, status and payment details.',
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
