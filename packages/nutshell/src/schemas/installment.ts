import * as z from 'zod/mini'
import { NutshellIdSchema } from './common'

/** One payment of a lead's installment schedule. */
export const LeadInstallmentSchema = z.looseObject({
  id: NutshellIdSchema,
  type: z.optional(z.string()),
  dueTime: z.nullish(z.string()),
  description: z.nullish(z.string()),
  value: z.nullish(
    z.looseObject({
      currency: z.nullish(z.string()),
      amount: z.nullish(z.union([z.number(), z.string()])),
    }),
  ),
  failedTime: z.nullish(z.string()),
  isPaid: z.nullish(z.boolean()),
})
export type LeadInstallment = z.infer<typeof LeadInstallmentSchema>

/** Body of `GET` and `POST /leads/{id}/installments`: `{ installments: [...] }`. */
export const LeadInstallmentsResponseSchema = z.looseObject({
  installments: z.array(LeadInstallmentSchema),
})
export type LeadInstallmentsResponse = z.infer<typeof LeadInstallmentsResponseSchema>

/** One installment sent to `POST /leads/{id}/installments` (the body is an array of these). */
export const LeadInstallmentInputSchema = z.strictObject({
  /** An existing installment's id; without it the installment is new. */
  id: z.optional(z.string()),
  /** ISO 8601, `2026-01-01T00:00:00+0000`. */
  dueTime: z.string(),
  description: z.optional(z.string()),
  /** The amount as a string, `"1000"`. */
  value: z.string(),
  isFailed: z.boolean(),
})
export type LeadInstallmentInput = z.infer<typeof LeadInstallmentInputSchema>
