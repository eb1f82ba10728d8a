import { InputValidationError } from '@x/core'

/** Deeper than any real input: stops a hostile nesting from exhausting the stack. */
const MAX_DEPTH = 64

function refuse(path: string, message: string, context: string): never {
  throw new InputValidationError([{ path, message }], context)
}

const isPlainPrototype = (proto: object | null) => proto === null || proto === Object.prototype

/**
 * One deep, frozen copy of a call argument as plain data, so the policy checks exactly what the client
 * sends. Each property is read once, through its descriptor: a getter runs once, a Proxy answers each
 * trap once, and what a second read would say never matters because nobody reads the caller's value
 * again. Only JSON-like data passes (plain objects, arrays, strings, finite numbers, booleans, null,
 * undefined, and a `Date`, copied by its time): a function (so a `toJSON`), a symbol, a bigint, a class
 * instance or a cycle is refused with an InputValidationError, because its meaning could change later.
 */
export function plainCopy(value: unknown, path: string, context: string): unknown {
  // Copies by original: an object shared twice is read once; one still being copied is a cycle.
  const done = new Map<object, unknown>()
  const open = new Set<object>()

  const copy = (node: unknown, at: string, depth: number): unknown => {
    switch (typeof node) {
      case 'string':
      case 'boolean':
      case 'undefined':
        return node
      case 'number':
        return Number.isFinite(node) ? node : refuse(at, 'must be a finite number', context)
      case 'object':
        break
      default:
        return refuse(at, `a ${typeof node} is not plain data`, context)
    }
    if (node === null) return null
    if (done.has(node)) return done.get(node)
    if (open.has(node)) return refuse(at, 'must not refer to itself (a cycle)', context)
    if (depth > MAX_DEPTH) return refuse(at, `nested deeper than ${MAX_DEPTH} levels`, context)
    // `Date` first: its time is read by the intrinsic, not by a method the caller could replace.
    if (node instanceof Date) {
      const time = Date.prototype.getTime.call(node)
      const out = Object.freeze(new Date(time))
      done.set(node, out)
      return out
    }
    open.add(node)
    const array = Array.isArray(node)
    if (!array && !isPlainPrototype(Object.getPrototypeOf(node))) {
      return refuse(at, 'expected plain data (an object literal or an array)', context)
    }
    const out: Record<string, unknown> | unknown[] = array ? [] : {}
    for (const key of Reflect.ownKeys(node)) {
      const descriptor = Reflect.getOwnPropertyDescriptor(node, key)
      if (!descriptor?.enumerable) continue
      if (array && key === 'length') continue
      if (typeof key === 'symbol') return refuse(at, 'a symbol key is not plain data', context)
      // The one read of this property: the descriptor's value, or its getter called once.
      const raw = 'value' in descriptor ? descriptor.value : descriptor.get?.call(node)
      // defineProperty, not assignment: a `__proto__` key stays data instead of replacing the prototype.
      Object.defineProperty(out, key, {
        value: copy(raw, array ? `${at}[${key}]` : `${at}.${key}`, depth + 1),
        enumerable: true,
        writable: true,
        configurable: true,
      })
    }
    open.delete(node)
    Object.freeze(out)
    done.set(node, out)
    return out
  }

  return copy(value, path, 0)
}

/**
 * A call's arguments as the scoped client checks and sends them: the first `inputs` copied by
 * `plainCopy` (a function kept only at an index listed in `functionArgs`, such as editWithRev's changes
 * callback, whose rule then asks for the strongest grant the edit could need), the rest (per-call options:
 * a signal, a timeout) passed as given, since no rule reads them.
 */
export function copyArgs(
  args: readonly unknown[],
  inputs: number,
  functionArgs: readonly number[],
  context: string,
): unknown[] {
  return args.map((arg, i) => {
    if (i > inputs) return undefined
    if (i === inputs) return agentOptions(arg, context)
    if (typeof arg === 'function' && functionArgs.includes(i)) return arg
    return plainCopy(arg, `arguments[${i}]`, context)
  })
}

/**
 * The per-call options an agent may set: time limits, retries, validation, a conditional read, a
 * re-read after an update, a sync batch's size and progress callback. None of them changes what is sent
 * or to whom; `headers` could (an override header, a second credential), so it is refused.
 */
const AGENT_OPTIONS = new Set([
  'signal',
  'timeout',
  'deadline',
  'maxRetries',
  'maxRetryAfter',
  'validation',
  'etag',
  'returnRecord',
  'batchSize',
  'onProgress',
])

/** A copy of the per-call options holding only what an agent may set, each read once. */
function agentOptions(options: unknown, context: string): unknown {
  if (options === undefined) return undefined
  if (typeof options !== 'object' || options === null) {
    throw new InputValidationError([{ path: 'options', message: 'expected an object' }], context)
  }
  const copy: Record<string, unknown> = {}
  for (const key of Reflect.ownKeys(options)) {
    if (typeof key !== 'string' || !AGENT_OPTIONS.has(key)) {
      throw new InputValidationError(
        [{ path: `options.${String(key)}`, message: 'is not an option an agent may set' }],
        context,
      )
    }
    copy[key] = (options as Record<string, unknown>)[key]
  }
  return Object.freeze(copy)
}
