import { brandErrorClass } from './brand'
import { type ErrorJson, SdkError } from './sdk-error'

/** One problem found by a schema, with the path to the offending field. */
export interface ValidationIssue {
  path: string
  message: string
  code?: string
}

function describe(issues: ValidationIssue[]): string {
  const shown = issues.slice(0, 3).map((i) => (i.path ? `${i.path}: ${i.message}` : i.message))
  const more = issues.length > 3 ? ` (+${issues.length - 3} more)` : ''
  return shown.join('; ') + more
}

/** The caller's input failed validation; thrown before any request is sent. */
export class InputValidationError extends SdkError {
  static {
    brandErrorClass(InputValidationError, 'InputValidationError')
  }
  override name = 'InputValidationError'
  readonly issues: ValidationIssue[]
  /**
   * The first offending field path, e.g. `filter.createdTime`, `limit`, an unknown key (`stgae`), or the
   * argument's name (`id`, `input`, `options`) when the whole value is wrong. Never empty.
   */
  readonly field: string

  constructor(issues: ValidationIssue[], context?: string) {
    super(`Invalid input${context ? ` to ${context}` : ''}: ${describe(issues)}`)
    this.issues = issues
    this.field = issues.find((i) => i.path)?.path ?? 'input'
  }

  override toJSON(): ErrorJson {
    return { name: this.name, message: this.message, field: this.field, issues: this.issues }
  }
}

/** The server's body did not fit the schema (thrown in `'strict'` validation mode). */
export class ResponseValidationError extends SdkError {
  static {
    brandErrorClass(ResponseValidationError, 'ResponseValidationError')
  }
  override name = 'ResponseValidationError'
  readonly issues: ValidationIssue[]
  readonly method: string
  readonly path: string

  constructor(issues: ValidationIssue[], place: { method: string; path: string }) {
    super(`Unexpected response from ${place.method} ${place.path}: ${describe(issues)}`)
    this.issues = issues
    this.method = place.method
    this.path = place.path
  }

  override toJSON(): ErrorJson {
    return {
      name: this.name,
      message: this.message,
      method: this.method,
      path: this.path,
      issues: this.issues,
    }
  }
}
