import { type NutanErrorDetail, NutanHttpError, validationError } from './errors'

type FieldType = 'string' | 'email' | 'date' | 'number' | 'integer' | 'boolean'

/** How one input field is checked. */
export interface FieldRule {
  type: FieldType
  required?: boolean
  nullable?: boolean
  min?: number
  max?: number
}

export type FieldRules = Record<string, FieldRule>

const MESSAGES: Record<FieldType, string> = {
  string: 'Must be a string',
  email: 'Must be an email address',
  date: 'Must be an ISO 8601 date',
  number: 'Must be a number',
  integer: 'Must be an integer',
  boolean: 'Must be a boolean',
}

function fits(rule: FieldRule, value: unknown): boolean {
  switch (rule.type) {
    case 'string':
      return typeof value === 'string' && (!rule.required || value.trim() !== '')
    case 'email':
      return typeof value === 'string' && /^[^@\s]+@[^@\s]+$/.test(value)
    case 'date':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value))
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
    case 'integer':
      return Number.isInteger(value)
    case 'boolean':
      return typeof value === 'boolean'
  }
}

/** Reads a request body as a JSON object (or form fields), answering 400 when it is neither. */
export async function readObjectBody(request: Request): Promise<Record<string, unknown>> {
  const text = await request.text()
  if ((request.headers.get('content-type') ?? '').includes('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(text))
  }
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    throw new NutanHttpError(400, 'invalid_json', 'Request body must be valid JSON')
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new NutanHttpError(400, 'invalid_json', 'Request body must be a JSON object')
  }
  return body as Record<string, unknown>
}

/**
 * Checks `body` against `rules` and returns only the known fields. A `partial` check (PATCH)
 * skips the required rule. Every problem is reported at once, without echoing values.
 */
export function checkFields(
  body: Record<string, unknown>,
  rules: FieldRules,
  opts: { partial?: boolean; prefix?: string } = {},
): Record<string, unknown> {
  const picked: Record<string, unknown> = {}
  const details: NutanErrorDetail[] = []
  for (const [field, rule] of Object.entries(rules)) {
    const path = `${opts.prefix ?? ''}${field}`
    const value = body[field]
    if (value === undefined) {
      if (rule.required && !opts.partial) details.push({ field: path, message: 'Required' })
      continue
    }
    if (value === null) {
      if (rule.nullable && !rule.required) picked[field] = null
      else details.push({ field: path, message: 'Must not be null' })
      continue
    }
    if (!fits(rule, value)) {
      details.push({ field: path, message: rule.required && value === '' ? 'Required' : MESSAGES[rule.type] })
      continue
    }
    if (typeof value === 'number' && ((rule.min ?? -Infinity) > value || (rule.max ?? Infinity) < value)) {
      details.push({ field: path, message: `Must be between ${rule.min ?? '-∞'} and ${rule.max ?? '∞'}` })
      continue
    }
    picked[field] = value
  }
  if (details.length > 0) throw validationError(details)
  return picked
}
