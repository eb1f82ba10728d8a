import { InputValidationError, pathParam } from '@x/core'
import { jsonCopy, leadingId } from '../audit/values'
import type { Requirement } from '../policy/types'
import type { MethodRule } from '../surfaces/types'
import { DeniedCall, permissionDenied } from './denied'
import { copyArgs } from './plain-copy'
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

/** A rule's view of the arguments that may fail on odd input: the fallback then. */
function safely<T>(compute: () => T, fallback: T): T {
  try {
    return compute()
  } catch {
    return fallback
  }
}

/** An id as the clients accept it in a path; one they refuse (`..`, `a/b`) names no record, so the audit lists none. */
function isPathId(id: string): boolean {
  return safely(() => {
    pathParam(id)
    return true
  }, false)
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
  const context = `${place.object}.${place.method}`
  return (...given: unknown[]) => {
    // The one copy of the input that is checked and then sent: nothing the caller holds is read again.
    let args: unknown[]
    let requirements: Requirement[]
    try {
      args = copyArgs(given, rule.inputs ?? 1, rule.functionArgs ?? [], context)
      // A rule normalises the copy as the client will (patch paths, RPC params, sync rows); input the
      // client would refuse is refused here, before the policy, with the client's own error.
      requirements = requirementsOf(rule, place.resource, args)
    } catch (thrown) {
      // Anything else (a revoked Proxy, a rule that cannot read the input) is refused the same way.
      const error =
        thrown instanceof InputValidationError
          ? thrown
          : new InputValidationError(
              [{ path: 'arguments', message: 'cannot be read as plain data' }],
              context,
            )
      startCall(state, { resource: place.resource, method: place.method, ids: [] }).fail(error)
      return new DeniedCall(error)
    }
    const info: CallInfo = {
      resource: resourceLabel(requirements, place.resource),
      method: safely(() => rule.label?.(args) ?? place.method, place.method),
      ids: safely(() => (rule.ids ?? leadingId)(args), []).filter(isPathId),
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
      // The same frozen copy the policy saw.
      result = Reflect.apply(Reflect.get(target, place.method) as (...a: unknown[]) => unknown, target, args)
    } catch (error) {
      recorder.fail(error)
      throw error
    }
    return trackResult(result, recorder, begin)
  }
}
