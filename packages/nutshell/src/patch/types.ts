/** One JSON Patch operation in Nutshell's path form. `remove` from a link list carries no value. */
export type PatchOperation =
  | { op: 'add'; path: string; value: unknown }
  | { op: 'replace'; path: string; value: unknown }
  | { op: 'remove'; path: string }
  | { op: 'move'; path: string; from: string }
  | { op: 'copy'; path: string; from: string }
  | { op: 'test'; path: string; value: unknown }

/** A link given in a plain change object: one id (or null to clear), a whole new list, or list edits. */
export type LinkChange =
  | string
  | null
  | readonly string[]
  | { readonly add?: readonly string[]; readonly remove?: readonly string[] }

/**
 * A partial record for `update(id, changes)`: fields are replaced, multi-value fields (emails, phones,
 * addresses, urls) are replaced whole, `links` take a LinkChange each, `customFields` are set by name.
 */
export type RecordChanges<T = Record<string, unknown>> = {
  [K in Exclude<
    keyof T,
    'id' | 'type' | 'links' | 'customFields' | 'href' | 'htmlUrl' | 'htmlUrlPath'
  >]?: T[K]
} & {
  links?: Record<string, LinkChange>
  customFields?: Record<string, unknown>
  [field: string]: unknown
}
