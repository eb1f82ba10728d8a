import type * as z from 'zod/mini'

/**
 * Every field of a record as the service sent it, declared or not, for reading a field the record's
 * type does not declare yet: `fieldsOf(lead).newField`. Record types have no index signature, so a
 * typo such as `lead.staus` does not compile; this is the way around it, on purpose.
 */
export function fieldsOf(record: object): Readonly<Record<string, unknown>> {
  return record as Readonly<Record<string, unknown>>
}

/**
 * Only the fields of a record that its schema does not declare (what the service added since):
 * `extraFields(lead, LeadSchema)`. The record is not changed; the result is a frozen copy.
 */
export function extraFields(record: object, schema: z.ZodMiniType): Readonly<Record<string, unknown>> {
  const shape = (schema as { _zod?: { def?: { shape?: Record<string, unknown> } } })._zod?.def?.shape ?? {}
  const extra: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(record)) if (!Object.hasOwn(shape, key)) extra[key] = value
  return Object.freeze(extra)
}
