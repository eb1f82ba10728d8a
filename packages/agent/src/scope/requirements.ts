import type { MethodClass } from '../policy/method-class'
import type { Requirement } from '../policy/types'
import type { MethodRule, ObjectSurface } from '../surfaces/types'

/** The rule for `object.method`, or undefined when the method is unknown (and so denied). */
export function ruleFor(surface: ObjectSurface, method: string): MethodRule | undefined {
  const entry = Object.hasOwn(surface.methods, method) ? surface.methods[method] : surface.fallback?.(method)
  if (entry === undefined) return undefined
  return typeof entry === 'string' ? { needs: entry } : entry
}

/** What one call with these arguments needs from the policy. */
export function requirementsOf(rule: MethodRule, resource: string, args: readonly unknown[]): Requirement[] {
  if (typeof rule.needs === 'function') return [...rule.needs(args)]
  const classes: readonly MethodClass[] = typeof rule.needs === 'string' ? [rule.needs] : rule.needs
  return classes.map((cls) => ({ resource, class: cls }))
}

/** The resources a set of requirements touches, as the audit names them. */
export function resourceLabel(requirements: readonly Requirement[], fallback: string): string {
  const names = [...new Set(requirements.map((r) => r.resource))]
  return names.length ? names.join(',') : fallback
}
