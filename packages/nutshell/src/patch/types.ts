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

/** Fields `update()` never changes (the service refuses them). */
type FixedField = 'id' | 'type' | 'links' | 'customFields' | 'href' | 'htmlUrl' | 'htmlUrlPath'

/** The keys of `T` that are not index signatures. */
type DeclaredKeys<T> = keyof {
  [K in keyof T as string extends K ? never : number extends K ? never : symbol extends K ? never : K]: 0
}

/** A field's new value: its own type, and a `Date` for a time (sent as an ISO string; tasks: unix seconds). */
type ChangeOf<K, V> = K extends `${string}Time` ? V | Date : V

/** Link changes by relation name: the record's declared links, each a LinkChange. */
type LinkChanges<T> = T extends { links?: infer L }
  ? { [K in keyof NonNullable<L>]?: LinkChange }
  : Record<string, LinkChange>

/**
 * A partial record for `update(id, changes)`: fields are replaced, multi-value fields (emails, phones,
 * addresses, urls) are replaced whole, `links` take a LinkChange each, `customFields` are set by name.
 *
 * For a record type (`RecordChanges<Lead>`) only the record's declared fields are accepted, each with its
 * own type (`{ confidence: 'high' }` and `{ staus: 'open' }` do not compile); custom fields go under
 * `customFields`. A string-keyed `T` (the default) accepts any field.
 */
export type RecordChanges<T = Record<string, unknown>> = string extends keyof T
  ? {
      [K in Exclude<keyof T, FixedField>]?: T[K]
    } & {
      links?: Record<string, LinkChange>
      customFields?: Record<string, unknown>
      [field: string]: unknown
    }
  : {
      [K in Exclude<DeclaredKeys<T>, FixedField>]?: ChangeOf<K, T[K]>
    } & {
      links?: LinkChanges<T>
      /** Custom field values by the field's name. */
      customFields?: Record<string, unknown>
    }
