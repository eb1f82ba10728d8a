import * as z from 'zod/mini'
import { type Declared, NutshellIdSchema, toRestIsoTime, typedSchema } from './common'

/** One payment of a lead's installment schedule. */
export interface LeadInstallment extends Declared<z.infer<typeof leadInstallmentObject>> {}
const leadInstallmentObject = z.looseObject({
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
export const LeadInstallmentSchema: z.ZodMiniType<LeadInstallment> = leadInstallmentObject

/** Body of `GET` and `POST /leads/{id}/installments`: `{ installments: [...] }`. */
export const LeadInstallmentsResponseSchema = z.looseObject({
  installments: z.array(LeadInstallmentSchema),
})
export type LeadInstallmentsResponse = z.infer<typeof LeadInstallmentsResponseSchema>

/** One installment sent to `POST /leads/{id}/installments` (the body is an array of these). */
export interface LeadInstallmentInput {
  /** An existing installment's id; without it the installment is new. */
  id?: string
  /** When it is due: a `Date`, or ISO 8601 (`"2026-01-01T00:00:00+0000"`, the form a `Date` is sent in). */
  dueTime: Date | string
  description?: string
  /** The amount as a string, `"1000"`. */
  value: string
  isFailed: boolean
}
const leadInstallmentInputObject = z.strictObject({
  /** An existing installment's id; without it the installment is new. */
  id: z.optional(z.string()),
  /** ISO 8601, `2026-01-01T00:00:00+0000`. */
  dueTime: z.union([z.string(), z.date()]),
  description: z.optional(z.string()),
  /** The amount as a string, `"1000"`. */
  value: z.string(),
  isFailed: z.boolean(),
})
export const LeadInstallmentInputSchema = typedSchema<LeadInstallmentInput>()(leadInstallmentInputObject)

/** Installments as sent: a `Date` `dueTime` becomes ISO 8601 (`"2026-01-01T00:00:00+0000"`). */
export function installmentsBody(installments: readonly LeadInstallmentInput[]): unknown {
  return installments.map((i) =>
    i.dueTime instanceof Date ? { ...i, dueTime: toRestIsoTime(i.dueTime) } : i,
  )
}
