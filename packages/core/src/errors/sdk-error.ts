import { brandErrorClass, brandInstance, hasBrand } from './brand'

/** Fields every SDK error can serialize; never holds a credential. */
export interface ErrorJson {
  name: string
  message: string
  [key: string]: unknown
}

/** Base class of every error the SDKs throw. */
export class SdkError extends Error {
  static {
    brandErrorClass(SdkError, 'SdkError')
  }

  /**
   * `instanceof` by brand as well as by prototype: an error thrown by the other build of this package
   * (ESM next to CJS) still matches its class and every class above it (see `brandErrorClass`).
   */
  static override [Symbol.hasInstance]<T>(
    this: abstract new (
      ...args: never[]
    ) => T,
    value: unknown,
  ): value is T {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class `instanceof` asks about (a subclass), not SdkError
    return hasBrand(this, value)
  }

  override name = 'SdkError'

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    brandInstance(this, new.target)
  }

  /** A plain, credential-free view of the error for logs and JSON. */
  toJSON(): ErrorJson {
    return { name: this.name, message: this.message }
  }

  /**
   * What `console.log` and Node's `util.inspect` print: the stack and `toJSON()`, nothing else. (A
   * registered symbol, so no `node:` import is needed; other runtimes ignore it.)
   */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    const { name: _name, message: _message, ...fields } = this.toJSON()
    const shown = Object.keys(fields).length ? ` ${JSON.stringify(fields)}` : ''
    const cause = this.cause instanceof Error ? `\n  [cause]: ${this.cause.stack ?? this.cause.message}` : ''
    return `${this.stack ?? `${this.name}: ${this.message}`}${shown}${cause}`
  }
}
