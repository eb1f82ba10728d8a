import * as z from 'zod/mini'
import { type Declared, MoneySchema, NutshellIdSchema, recordBase, TimeValueSchema } from './common'
import { collectionResponse } from './response'

/** The statuses a quote or an invoice can be set to (`DRAFT` and `EXPIRED` are read-only). */
export const SALES_DOCUMENT_STATUSES = ['READY', 'SENT', 'REVOKED', 'ACCEPTED', 'ARCHIVED'] as const
export type SalesDocumentStatus = (typeof SALES_DOCUMENT_STATUSES)[number]

/** A product or service line of a quote or an invoice. */
export interface SalesDocumentProductLineItem
  extends Declared<z.infer<typeof salesDocumentProductLineItemObject>> {}
const salesDocumentProductLineItemObject = z.looseObject({
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
export const SalesDocumentProductLineItemSchema: z.ZodMiniType<SalesDocumentProductLineItem> =
  salesDocumentProductLineItemObject

/** An adjustment after the product subtotal (tax, shipping, a discount). */
export interface SalesDocumentSubtotalLineItem
  extends Declared<z.infer<typeof salesDocumentSubtotalLineItemObject>> {}
const salesDocumentSubtotalLineItemObject = z.looseObject({
  id: NutshellIdSchema,
  position: z.nullish(z.number()),
  label: z.nullish(z.string()),
  modifierUnit: z.nullish(z.string()),
  modifierValue: z.nullish(z.union([z.number(), z.string()])),
  operation: z.nullish(z.string()),
  total: z.nullish(MoneySchema),
})
export const SalesDocumentSubtotalLineItemSchema: z.ZodMiniType<SalesDocumentSubtotalLineItem> =
  salesDocumentSubtotalLineItemObject

/** The contact or account a quote or an invoice is addressed to. */
export interface SalesDocumentRecipient extends Declared<z.infer<typeof salesDocumentRecipientObject>> {}
const salesDocumentRecipientObject = z.looseObject({
  id: NutshellIdSchema,
  name: z.nullish(z.string()),
  email: z.nullish(z.string()),
})
export const SalesDocumentRecipientSchema: z.ZodMiniType<SalesDocumentRecipient> =
  salesDocumentRecipientObject

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
export interface Quote extends Declared<z.infer<typeof quoteObject>> {}
const quoteObject = z.looseObject({
  ...salesDocumentBase,
  acceptedTime: z.nullish(TimeValueSchema),
})
export const QuoteSchema: z.ZodMiniType<Quote> = quoteObject

/** Body of the quote endpoints. */
export const QuotesResponseSchema = collectionResponse('quotes', QuoteSchema)
export type QuotesResponse = z.infer<typeof QuotesResponseSchema>

/** A `YYYY-MM-DD` date, as the list filters take it. */
const DateSchema = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD'))

/** Filters and page of a quote or invoice list (`filter[lead]`, `filter[dateMin]`, `page[page]`, ...). */
export interface SalesDocumentListInput extends Declared<z.infer<typeof salesDocumentListInputObject>> {}
const salesDocumentListInputObject = z.strictObject({
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
export const SalesDocumentListInputSchema: z.ZodMiniType<SalesDocumentListInput> =
  salesDocumentListInputObject

/** Body of `POST /quotes/{id}/status`. */
export interface QuoteStatusInput extends Declared<z.infer<typeof quoteStatusInputObject>> {}
const quoteStatusInputObject = z.strictObject({
  status: z.enum(SALES_DOCUMENT_STATUSES),
  acceptedName: z.optional(z.string()),
  acceptedEmail: z.optional(z.string()),
})
export const QuoteStatusInputSchema: z.ZodMiniType<QuoteStatusInput> = quoteStatusInputObject
