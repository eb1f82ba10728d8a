import * as z from 'zod/mini'
import { MoneySchema, NutshellIdSchema, recordBase, TimeValueSchema } from './common'
import { collectionResponse } from './response'

/** The statuses a quote or an invoice can be set to (`DRAFT` and `EXPIRED` are read-only). */
export const SALES_DOCUMENT_STATUSES = ['READY', 'SENT', 'REVOKED', 'ACCEPTED', 'ARCHIVED'] as const
export type SalesDocumentStatus = (typeof SALES_DOCUMENT_STATUSES)[number]

/** A product or service line of a quote or an invoice. */
export const SalesDocumentProductLineItemSchema = z.looseObject({
  id: NutshellIdSchema,
  position: z.nullish(z.number()),
  product: z.nullish(NutshellIdSchema),
  name: z.nullish(z.string()),
  description: z.nullish(z.string()),
  sku: z.nullish(z.string()),
  quantity: z.nullish(z.union([z.number(), z.string()])),
  term: z.nullish(z.string()),
  price: z.nullish(MoneySchema),
  total: z.nullish(MoneySchema),
  discountUnit: z.nullish(z.string()),
  discountNumber: z.nullish(z.union([z.number(), z.string()])),
})
export type SalesDocumentProductLineItem = z.infer<typeof SalesDocumentProductLineItemSchema>

/** An adjustment after the product subtotal (tax, shipping, a discount). */
export const SalesDocumentSubtotalLineItemSchema = z.looseObject({
  id: NutshellIdSchema,
  position: z.nullish(z.number()),
  label: z.nullish(z.string()),
  modifierUnit: z.nullish(z.string()),
  modifierValue: z.nullish(z.union([z.number(), z.string()])),
  operation: z.nullish(z.string()),
  total: z.nullish(MoneySchema),
})
export type SalesDocumentSubtotalLineItem = z.infer<typeof SalesDocumentSubtotalLineItemSchema>

/** The contact or account a quote or an invoice is addressed to. */
export const SalesDocumentRecipientSchema = z.looseObject({
  id: NutshellIdSchema,
  name: z.nullish(z.string()),
  email: z.nullish(z.string()),
})
export type SalesDocumentRecipient = z.infer<typeof SalesDocumentRecipientSchema>

/** Fields quotes and invoices share. */
export const salesDocumentBase = {
  ...recordBase,
  number: z.nullish(z.string()),
  displayStatus: z.nullish(z.string()),
  total: z.nullish(MoneySchema),
  productLineItems: z.nullish(z.array(SalesDocumentProductLineItemSchema)),
  subtotalLineItems: z.nullish(z.array(SalesDocumentSubtotalLineItemSchema)),
  recipient: z.nullish(SalesDocumentRecipientSchema),
  validThroughTime: z.nullish(TimeValueSchema),
  createdTime: z.nullish(TimeValueSchema),
  publishedTime: z.nullish(TimeValueSchema),
  sentTime: z.nullish(TimeValueSchema),
  acceptedName: z.nullish(z.string()),
  acceptedEmail: z.nullish(z.string()),
  deletedTime: z.nullish(TimeValueSchema),
}

/** A quote: a priced offer sent to a customer for a lead. */
export const QuoteSchema = z.looseObject({
  ...salesDocumentBase,
  acceptedTime: z.nullish(TimeValueSchema),
})
export type Quote = z.infer<typeof QuoteSchema>

/** Body of the quote endpoints. */
export const QuotesResponseSchema = collectionResponse('quotes', QuoteSchema)
export type QuotesResponse = z.infer<typeof QuotesResponseSchema>

/** A `YYYY-MM-DD` date, as the list filters take it. */
const DateSchema = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD'))

/** Filters and page of a quote or invoice list (`filter[lead]`, `filter[dateMin]`, `page[page]`, ...). */
export const SalesDocumentListInputSchema = z.strictObject({
  filter: z.optional(
    z.strictObject({
      lead: z.optional(NutshellIdSchema),
      dateMin: z.optional(DateSchema),
      dateMax: z.optional(DateSchema),
    }),
  ),
  page: z.optional(z.int().check(z.nonnegative())),
  limit: z.optional(z.int().check(z.positive())),
})
export type SalesDocumentListInput = z.infer<typeof SalesDocumentListInputSchema>

/** Body of `POST /quotes/{id}/status`. */
export const QuoteStatusInputSchema = z.strictObject({
  status: z.enum(SALES_DOCUMENT_STATUSES),
  acceptedName: z.optional(z.string()),
  acceptedEmail: z.optional(z.string()),
})
export type QuoteStatusInput = z.infer<typeof QuoteStatusInputSchema>
