import { PermissionDeniedError, SdkError } from '@x/core'
import type { AuditSink } from '../audit/types'
import { parsePolicy } from '../policy/parse-policy'
import type { Policy } from '../policy/types'
import { knownSurfaces } from '../surfaces/known'
import type { ClientSurface } from '../surfaces/types'
import { scopedObject } from './scoped-object'
import { registerScope, type ScopeState, scopeOf } from './state'

/** Who the agent is, where its audit records go, and what they may hold. */
export interface ScopeOptions {
  /** The agent's name in errors and audit records. Default `agent`. */
  agent?: string
  /** Receives one record per call, allowed or denied (see `jsonLinesAudit` in `@x/agent/node`). */
  audit?: AuditSink
  /** Also record each call's input arguments (record field values). Off by default. */
  includeFieldValues?: boolean
  /** Describes a client other than NutshellClient and NutanClient. */
  surface?: ClientSurface
}

function surfaceFor(client: object, given: ClientSurface | undefined): ClientSurface {
  const surface = given ?? scopeOf(client)?.surface ?? knownSurfaces.find((s) => s.matches(client))
  if (!surface)
    throw new SdkError(
      'scoped() needs a NutshellClient or a NutanClient (or a `surface` describing the client)',
    )
  return surface
}

/**
 * Returns a client of the same type that allows only what `policy` grants, checked before any
 * request, and audits every call. Deny by default: unlisted resources, unknown methods and
 * everything else on the client (its transport, options, tokens) are unavailable.
 */
export function scoped<C extends object>(
  client: C,
  policy: Policy<Extract<keyof C, string>>,
  options: ScopeOptions = {},
): C {
  const surface = surfaceFor(client, options.surface)
  const state: ScopeState = {
    client,
    surface,
    policy: parsePolicy(policy, surface.resources),
    agent: options.agent ?? 'agent',
    audit: options.audit,
    includeFieldValues: options.includeFieldValues ?? false,
  }
  const objects = new Map<string, object>()
  const objectFor = (name: string): object | undefined => {
    const target = Reflect.get(client, name)
    if (typeof target !== 'object' || target === null) return undefined
    let view = objects.get(name)
    if (!view) {
      view = scopedObject(state, name, surface.objects[name]!, target)
      objects.set(name, view)
    }
    return view
  }
  // A credential-free view for logs: who the agent is and what it may do.
  const describe = () => ({
    agent: state.agent,
    client: surface.name,
    grants: Object.fromEntries(surface.resources.map((r) => [r, state.policy.granted(r)])),
  })
  const exposed = (prop: string | symbol): boolean =>
    typeof prop === 'string' && Object.hasOwn(surface.objects, prop)
  // The Proxy's target is an empty stand-in with the client's prototype (so `instanceof` still works), not
  // the client: `util.inspect` and other tools that read a Proxy's target directly then find nothing.
  const standIn = Object.create(Object.getPrototypeOf(client) as object | null) as C
  const view = new Proxy(standIn, {
    get(_target, prop) {
      if (exposed(prop)) return objectFor(prop as string)
      if (prop === 'toJSON') return describe
      if (prop === 'constructor') return Reflect.get(client, prop)
      if (typeof prop !== 'string' || prop === 'then' || !(prop in client)) return undefined
      throw new PermissionDeniedError({
        status: 403,
        message: `agent "${state.agent}" may not use client.${prop}: a scoped client exposes only its resources`,
        method: prop,
        path: `client.${prop}`,
        code: 'scope_denied',
      })
    },
    has: (_target, prop) => exposed(prop),
    ownKeys: () => Reflect.ownKeys(client).filter(exposed),
    getOwnPropertyDescriptor(_target, prop) {
      if (!exposed(prop) || !Object.hasOwn(client, prop)) return undefined
      return { value: objectFor(prop as string), writable: false, enumerable: true, configurable: true }
    },
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false,
    setPrototypeOf: () => false,
    preventExtensions: () => false,
  })
  registerScope(view, state)
  return view
}
