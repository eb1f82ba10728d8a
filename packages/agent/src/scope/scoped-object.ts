import type { ObjectSurface } from '../surfaces/types'
import { ruleFor } from './requirements'
import { scopedMethod, unknownMethod } from './scoped-method'
import type { ScopeState } from './state'

/** A view of one client property (`client.leads`) that exposes only its methods, each policy-checked. */
export function scopedObject(
  state: ScopeState,
  name: string,
  surface: ObjectSurface,
  target: object,
): object {
  const resource = surface.resource ?? name
  const methods = new Map<string, (...args: unknown[]) => unknown>()
  const methodFor = (method: string) => {
    let fn = methods.get(method)
    if (!fn) {
      const rule = ruleFor(surface, method)
      const place = { object: name, method, resource }
      fn = rule ? scopedMethod(state, place, rule, target) : unknownMethod(state, place)
      methods.set(method, fn)
    }
    return fn
  }
  // An empty stand-in as the Proxy's target, so nothing that reads a Proxy's target directly
  // (`util.inspect`, a debugger) reaches the client object and its transport.
  const standIn = Object.create(null) as object
  return new Proxy(standIn, {
    get(_t, prop) {
      if (typeof prop !== 'string' || prop === 'then') return undefined
      // Data fields (a transport, a cache) stay hidden; any function is policy-checked, unknown ones denied.
      return typeof Reflect.get(target, prop) === 'function' ? methodFor(prop) : undefined
    },
    has: (_t, prop) => typeof prop === 'string' && typeof Reflect.get(target, prop) === 'function',
    ownKeys: () => [],
    getOwnPropertyDescriptor: () => undefined,
    getPrototypeOf: () => null,
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false,
    setPrototypeOf: () => false,
    preventExtensions: () => false,
  })
}
