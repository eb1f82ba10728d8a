/** The kinds of operation a policy grants, from harmless to irreversible. */
export const METHOD_CLASSES = ['read', 'create', 'update', 'close', 'delete', 'erase'] as const

/** One kind of operation: `read`, `create`, `update`, `close`, `delete` (and undelete) or `erase`. */
export type MethodClass = (typeof METHOD_CLASSES)[number]

/** Shorthand grants. `write` is read + create + update + close: deletes and erasure always need their own grant. */
export const GRANT_LEVELS = {
  none: [],
  read: ['read'],
  write: ['read', 'create', 'update', 'close'],
} as const satisfies Record<string, readonly MethodClass[]>

/** A shorthand grant: `none`, `read` or `write`. */
export type GrantLevel = keyof typeof GRANT_LEVELS
