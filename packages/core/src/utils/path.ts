import { InputValidationError } from '../errors/validation-errors'

// What no path parameter may hold: separators and delimiters a URL parser acts on (`/`, `\`, `?`, `#`),
// C0 and C1 control characters, and lone surrogates (which encodeURIComponent throws on).
const FORBIDDEN =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's job
  /[/\\?#\u0000-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

function refuse(field: string, message: string, context: string | undefined): never {
  throw new InputValidationError([{ path: field, message }], context)
}

/**
 * Checks one path parameter and percent-encodes it for a single path segment. Refused, as an
 * `InputValidationError` naming `field` (`id`, `ids[2]`) and `context` (`leads.delete`): an empty value,
 * `.` and `..`, anything holding `/`, `\`, `?`, `#`, a control character or a lone surrogate, a number
 * that is not a safe integer, and any value that is neither a string nor a number. So no parameter can
 * move a request to another path.
 */
export function pathParam(value: unknown, context?: string, field = 'id'): string {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) refuse(field, 'must be a whole number (a safe integer)', context)
    return String(value)
  }
  if (typeof value !== 'string') refuse(field, 'expected a string or a number', context)
  if (value === '') refuse(field, 'must not be empty', context)
  if (value === '.' || value === '..') refuse(field, 'must not be "." or ".."', context)
  if (FORBIDDEN.test(value)) {
    refuse(field, 'must not contain "/", "\\", "?", "#", control characters or lone surrogates', context)
  }
  return encodeURIComponent(value)
}

/**
 * Fills a path template's `{name}` placeholders, each value checked and encoded by `pathParam`:
 * `buildPath('/leads/{id}/watch', { id }, 'leads.watch')`. A placeholder without a value is refused.
 */
export function buildPath(
  template: string,
  params: Readonly<Record<string, unknown>>,
  context?: string,
): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) =>
    pathParam(Object.hasOwn(params, name) ? params[name] : undefined, context, name),
  )
}
