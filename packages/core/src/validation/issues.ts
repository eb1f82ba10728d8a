import type { ValidationIssue } from '../errors'

/** The subset of a zod issue this module reads (zod/mini ships no message locale). */
interface RawIssue {
  code?: string
  path?: readonly PropertyKey[]
  message?: string
  expected?: unknown
  minimum?: unknown
  maximum?: unknown
  inclusive?: boolean
  values?: readonly unknown[]
  keys?: readonly string[]
  format?: string
  origin?: string
  errors?: readonly (readonly RawIssue[])[]
}

/** For a union of literal choices (e.g. sort fields), the allowed values its branches name. */
function unionChoices(issue: RawIssue): unknown[] {
  const values = (issue.errors ?? [])
    .flat()
    .flatMap((inner) => (inner.code === 'invalid_value' ? (inner.values ?? []) : []))
  return [...new Set(values)]
}

/** Formats a zod path as `filter.createdTime` or `upserts.contacts[3].id`. */
export function formatPath(path: readonly PropertyKey[] = []): string {
  let out = ''
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`
    else out += out ? `.${String(key)}` : String(key)
  }
  return out
}

function explain(issue: RawIssue): string {
  if (issue.message && issue.message !== 'Invalid input') return issue.message
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${String(issue.expected)}`
    case 'too_small':
      return issue.origin === 'string' || issue.origin === 'array'
        ? `must have at least ${String(issue.minimum)} ${issue.origin === 'string' ? 'characters' : 'items'}`
        : `must be ${issue.inclusive === false ? '>' : '>='} ${String(issue.minimum)}`
    case 'too_big':
      return issue.origin === 'string' || issue.origin === 'array'
        ? `must have at most ${String(issue.maximum)} ${issue.origin === 'string' ? 'characters' : 'items'}`
        : `must be ${issue.inclusive === false ? '<' : '<='} ${String(issue.maximum)}`
    case 'invalid_value':
      return `must be one of ${(issue.values ?? []).map((v) => JSON.stringify(v)).join(', ')}`
    case 'unrecognized_keys':
      return `unknown field(s) ${(issue.keys ?? []).join(', ')}`
    case 'invalid_format':
      return `must be a valid ${issue.format ?? 'value'}`
    case 'invalid_union': {
      const choices = unionChoices(issue)
      return choices.length
        ? `must be one of ${choices.map((v) => JSON.stringify(v)).join(', ')}`
        : 'does not match any allowed form'
    }
    default:
      return issue.message ?? 'is invalid'
  }
}

/** Turns zod issues into SDK validation issues with readable messages and field paths. */
export function toIssues(raw: readonly RawIssue[], prefix?: string): ValidationIssue[] {
  return raw.map((issue) => {
    const path = formatPath(issue.path)
    const full = prefix
      ? path
        ? path.startsWith('[')
          ? prefix + path
          : `${prefix}.${path}`
        : prefix
      : path
    return { path: full, message: explain(issue), code: issue.code }
  })
}
