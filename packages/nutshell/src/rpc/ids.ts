import { InputValidationError } from '@x/core'

/**
 * The integer JSON-RPC id for an id a caller holds: an integer, `"1003"`, or the REST form
 * `"1003-leads"` (whose type must match). Throws InputValidationError before any request.
 */
export function toRpcId(id: unknown, restType: string, context: string, field = 'id'): number {
  if (typeof id === 'number' && Number.isSafeInteger(id) && id > 0) return id
  if (typeof id === 'string') {
    const match = /^(\d+)(?:-([A-Za-z]+))?$/.exec(id.trim())
    if (match && (match[2] === undefined || match[2].toLowerCase() === restType.toLowerCase())) {
      const n = Number(match[1])
      if (Number.isSafeInteger(n) && n > 0) return n
    }
  }
  throw new InputValidationError(
    [{ path: field, message: `must be a positive integer or an id like "12-${restType}"` }],
    context,
  )
}
