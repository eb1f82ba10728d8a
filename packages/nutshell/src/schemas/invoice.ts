import * as z from 'zod/mini'
import { type Declared, TimeValueSchema } from './common'
import { SALES_DOCUMENT_STATUSES, salesDocumentBase } from './quote'
import { collectionResponse } from './response'

/** An invoice: a bill for a lead, often made from a quote; `displayStatus` `ACCEPTED` means paid. */
export interface Invoice extends Declared<z.infer<typeof invoiceObject>> {}
const invoiceObject = z.looseObject({
  ...salesDocumentBase,
  paidTime: z.nullish(TimeValueSchema),
  completionComment: z.nullish(z.string()),
})
export const InvoiceSchema: z.ZodMiniType<Invoice> = invoiceObject

/** Body of the invoice endpoints (and of `POST /quotes/{id}/invoice`). */
export const InvoicesResponseSchema = collectionResponse('invoices', InvoiceSchema)
export type InvoicesResponse = z.infer<typeof InvoicesResponseSchema>

/** Body of `POST /invoices/{id}/status`; `comment` is kept as the payment or completion note. */
export interface InvoiceStatusInput extends Declared<z.infer<typeof invoiceStatusInputObject>> {}
const invoiceStatusInputObject = z.strictObject({
  status: z.enum(SALES_DOCUMENT_STATUSES),
  comment: z.optional(z.string()),
  acceptedName: z.optional(z.string()),
  acceptedEmail: z.optional(z.string()),
})
export const InvoiceStatusInputSchema: z.ZodMiniType<InvoiceStatusInput> = invoiceStatusInputObject
