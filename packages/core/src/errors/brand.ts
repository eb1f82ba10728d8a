/**
 * Brands that make `instanceof` work across copies of this package (the ESM and CJS builds loaded side
 * by side, or two installed versions: the "dual package hazard"). Each SDK error class owns a registered
 * symbol, `Symbol.for('@x/core/error:<Name>')`; an instance carries the symbol of its class and of every
 * class above it, so `instanceof ApiError` holds for a NotFoundError thrown by the other build.
 */

/** The static property naming a class's brand. */
export const BRAND_KEY: unique symbol = Symbol.for('@x/core/error:brand')

/** The registered symbol an error class of the given name is branded with. */
export function errorBrand(name: string): symbol {
  return Symbol.for(`@x/core/error:${name}`)
}

/**
 * Gives an error class (SdkError or a subclass) its brand, `Symbol.for('@x/core/error:<name>')`, so its
 * `instanceof` holds for instances made by another copy of the class. Call it once, in a `static {}`
 * block or right after the class; a subclass without a brand of its own falls back to the prototype chain.
 */
export function brandErrorClass(target: abstract new (...args: never[]) => Error, name: string): void {
  Object.defineProperty(target, BRAND_KEY, { value: errorBrand(name), enumerable: false })
}

type Branded = { [BRAND_KEY]?: symbol }

/** The brand a class declares itself (not one it inherits), if any. */
export function ownBrand(target: unknown): symbol | undefined {
  if (typeof target !== 'function' || !Object.hasOwn(target, BRAND_KEY)) return undefined
  return (target as Branded)[BRAND_KEY]
}

/** Marks `instance` with the brand of every class from `target` (its `new.target`) up the chain. */
export function brandInstance(instance: object, target: unknown): void {
  for (let c = target; typeof c === 'function' && c !== Error; c = Object.getPrototypeOf(c)) {
    const brand = ownBrand(c)
    if (brand && !Object.hasOwn(instance, brand))
      Object.defineProperty(instance, brand, { value: true, enumerable: false })
  }
}

/** `value instanceof target` by prototype chain, or by the brand `target` declares. */
export function hasBrand(target: unknown, value: unknown): boolean {
  if (typeof target === 'function' && Function.prototype[Symbol.hasInstance].call(target, value)) return true
  const brand = ownBrand(target)
  if (brand === undefined || value === null || (typeof value !== 'object' && typeof value !== 'function'))
    return false
  return (value as Record<symbol, unknown>)[brand] === true
}
