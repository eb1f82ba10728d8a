import { SdkError } from '@x/core'
import { requirementsOf, ruleFor } from '../scope/requirements'
import { type ScopeState, scopeOf } from '../scope/state'
import { knownSurfaces } from '../surfaces/known'
import type { ClientSurface } from '../surfaces/types'
import type { ToolSpec } from './tool-spec'

/** The surface of a client or scoped client, and its scope if it has one. */
export function surfaceOf(client: object): { surface: ClientSurface; scope: ScopeState | undefined } {
  const scope = scopeOf(client)
  const surface = scope?.surface ?? knownSurfaces.find((s) => s.matches(client))
  if (!surface) throw new SdkError('Tools need a NutshellClient or a NutanClient, scoped or not')
  return { surface, scope }
}

function exists(client: object, spec: ToolSpec): boolean {
  const target = Reflect.get(client, spec.object) as object | undefined
  return (
    typeof target === 'object' && target !== null && typeof Reflect.get(target, spec.method) === 'function'
  )
}

/** True when the scope grants what the tool needs at least (an input may need more, e.g. deletes in a sync). */
function granted(scope: ScopeState, spec: ToolSpec): boolean {
  const object = scope.surface.objects[spec.object]
  const rule = object && ruleFor(object, spec.method)
  if (!rule) return false
  const requirements = requirementsOf(rule, object.resource ?? spec.object, [])
  return requirements.length > 0 && requirements.every((r) => scope.policy.allows(r.resource, r.class))
}

/** The tools a client offers: all its methods' tools, or for a scoped client only the granted ones. */
export function availableTools(client: object): ToolSpec[] {
  const { surface, scope } = surfaceOf(client)
  const target = scope?.client ?? client
  return surface.tools.filter((spec) => exists(target, spec) && (!scope || granted(scope, spec)))
}
