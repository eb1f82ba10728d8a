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

/** `key` appended to a formatted path: `filter.key`, `[3].key`, or `key` at the top. */
function join(base: string, key: string): string {
  if (!base || !key) return base || key
  return key.startsWith('[') ? base + key : `${base}.${key}`
}

/**
 * Turns zod issues into SDK validation issues with readable messages and field paths. Every issue names
 * a path, never `""`: under `prefix` (the argument's name, e.g. `options`, or a field it is nested in);
 * an unknown key names the key itself (`stgae`, `filter.stgae`), one issue per key; and a problem with
 * the whole value (of the wrong type, say) names the argument: `prefix`, else `argument` (default `input`).
 */
export function toIssues(raw: readonly RawIssue[], prefix?: string, argument = 'input'): ValidationIssue[] {
  const name = (path: string) => (prefix ? join(prefix, path) : path || argument)
  return raw.flatMap((issue) => {
    const path = formatPath(issue.path)
    if (issue.code === 'unrecognized_keys' && issue.keys?.length) {
      return issue.keys.map((key) => ({
        path: name(join(path, key)),
        message: `unknown field ${key}`,
        code: issue.code,
      }))
    }
    return [{ path: name(path), message: explain(issue), code: issue.code }]
  })
}
