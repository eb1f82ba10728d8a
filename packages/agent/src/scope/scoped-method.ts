import { jsonCopy, leadingId } from '../audit/values'
import type { Requirement } from '../policy/types'
import type { MethodRule } from '../surfaces/types'
import { DeniedCall, permissionDenied } from './denied'
import { type CallInfo, startCall } from './recorder'
import { requirementsOf, resourceLabel } from './requirements'
import type { ScopeState } from './state'
import { trackResult } from './track-result'

/** Where a method lives: the client property, the method name and the policy resource its rule refers to. */
export interface MethodPlace {
  object: string
  method: string
  resource: string
}

function safely<T>(compute: () => T, fallback: T): T {
  try {
    return compute()
  } catch {
    return fallback
  }
}

/** A method that is not in the surface: every call is denied and audited. */
export function unknownMethod(state: ScopeState, place: MethodPlace): (...args: unknown[]) => unknown {
  return () => {
    const error = permissionDenied(state.agent, `${place.object}.${place.method}`, [])
    startCall(state, { resource: place.resource, method: place.method, ids: [] }).denied(error, [])
    return new DeniedCall(error)
  }
}

/**
 * Wraps one client method: checks the policy before anything else (a denied call never reaches the
 * client, so never validates input or sends a request), then audits the call however it ends.
 */
export function scopedMethod(
  state: ScopeState,
  place: MethodPlace,
  rule: MethodRule,
  target: object,
): (...args: unknown[]) => unknown {
  return (...args: unknown[]) => {
    const requirements = safely<Requirement[]>(() => requirementsOf(rule, place.resource, args), [])
    const info: CallInfo = {
      resource: resourceLabel(requirements, place.resource),
      method: safely(() => rule.label?.(args) ?? place.method, place.method),
      ids: safely(() => (rule.ids ?? leadingId)(args), []),
      input: state.includeFieldValues ? jsonCopy(args.slice(0, rule.inputs ?? 1)) : undefined,
    }
    const missing = requirements.filter((r) => !state.policy.allows(r.resource, r.class))
    if (missing.length || !requirements.length) {
      // A label such as `rpc.deleteLead` is already the full path.
      const path = info.method.includes('.') ? info.method : `${place.object}.${info.method}`
      const error = permissionDenied(state.agent, path, missing)
      startCall(state, info).denied(error, missing)
      return new DeniedCall(error)
    }
    const begin = () => startCall(state, info)
    const recorder = begin()
    let result: unknown
    try {
      result = Reflect.apply(Reflect.get(target, place.method) as (...a: unknown[]) => unknown, target, args)
    } catch (error) {
      recorder.fail(error)
      throw error
    }
    return trackResult(result, recorder, begin)
  }
}
