import type { ValidationIssue } from '@x/core'
import { GRANT_LEVELS, type GrantLevel, METHOD_CLASSES, type MethodClass } from './method-class'
import { PolicyError } from './policy-error'
import type { Policy } from './types'

/** A validated policy, ready to answer "may this resource do that?". */
export interface CompiledPolicy {
  /** True when the policy grants `cls` on `resource`. */
  allows(resource: string, cls: MethodClass): boolean
  /** The method classes granted on `resource`, in canonical order. */
  granted(resource: string): MethodClass[]
}

const quote = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ')

function isLevel(value: unknown): value is GrantLevel {
  return typeof value === 'string' && Object.hasOwn(GRANT_LEVELS, value)
}

function isClass(value: unknown): value is MethodClass {
  return (METHOD_CLASSES as readonly unknown[]).includes(value)
}

function grantIssues(value: unknown, path: string): ValidationIssue[] {
  if (isLevel(value)) return []
  if (typeof value === 'string')
    return [
      {
        path,
        message: `unknown grant '${value}' (expected ${quote(Object.keys(GRANT_LEVELS))} or a list of method classes)`,
      },
    ]
  if (!Array.isArray(value))
    return [{ path, message: `expected ${quote(Object.keys(GRANT_LEVELS))} or a list of method classes` }]
  return value.flatMap((item, i) =>
    isClass(item)
      ? []
      : [
          {
            path: `${path}[${i}]`,
            message: `unknown method class ${JSON.stringify(item)} (expected one of ${quote(METHOD_CLASSES)})`,
          },
        ],
  )
}

function toClasses(grant: Policy[string]): Set<MethodClass> {
  if (grant === undefined) return new Set()
  return new Set(isLevel(grant) ? GRANT_LEVELS[grant] : grant)
}

/**
 * Validates a policy against the resources a client has and compiles it. Throws PolicyError naming
 * every unknown resource, grant and method class. Unlisted resources get the `'*'` grant, or none.
 */
export function parsePolicy(policy: unknown, resources: readonly string[]): CompiledPolicy {
  if (!policy || typeof policy !== 'object' || Array.isArray(policy))
    throw new PolicyError([{ path: '', message: 'expected an object of grants per resource' }])
  const entries = Object.entries(policy)
  const issues: ValidationIssue[] = []
  for (const [resource, grant] of entries) {
    if (resource !== '*' && !resources.includes(resource))
      issues.push({
        path: resource,
        message: `unknown resource '${resource}' (this client has ${quote(resources)})`,
      })
    issues.push(...grantIssues(grant, resource))
  }
  if (issues.length) throw new PolicyError(issues)
  const grants = new Map(entries.map(([resource, grant]) => [resource, toClasses(grant as Policy[string])]))
  const fallback = grants.get('*') ?? new Set<MethodClass>()
  const classesOf = (resource: string) => grants.get(resource) ?? fallback
  return {
    allows: (resource, cls) => classesOf(resource).has(cls),
    granted: (resource) => METHOD_CLASSES.filter((cls) => classesOf(resource).has(cls)),
  }
}
