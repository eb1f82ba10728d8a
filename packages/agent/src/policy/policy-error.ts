import { type ErrorJson, SdkError, type ValidationIssue } from '@x/core'

/** A policy that is not valid for the client it scopes; thrown by `scoped()` and `parsePolicy()`. */
export class PolicyError extends SdkError {
  override name = 'PolicyError'
  readonly issues: ValidationIssue[]

  constructor(issues: ValidationIssue[]) {
    super(`Invalid policy: ${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')}`)
    this.issues = issues
  }

  override toJSON(): ErrorJson {
    return { name: this.name, message: this.message, issues: this.issues }
  }
}
