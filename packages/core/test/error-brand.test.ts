// The dual package hazard: the ESM and CJS builds (or two installed copies) each define their own error
// classes. Brands make `instanceof` hold across copies; a fresh module graph stands in for the other build.
import { describe, expect, expectTypeOf, it, vi } from 'vitest'
import * as here from '../src'
import {
  AbortError,
  ApiError,
  brandErrorClass,
  errorBrand,
  InputValidationError,
  NotFoundError,
  SdkError,
  ServerError,
  TimeoutError,
} from '../src'

const init = { status: 404, message: 'gone', method: 'GET', path: '/leads/1' }

async function otherCopy(): Promise<typeof here> {
  vi.resetModules()
  const other = (await import('../src/index')) as typeof here
  expect(other.NotFoundError).not.toBe(NotFoundError)
  return other
}

describe('instanceof across copies of @x/core', () => {
  it("an error from the other copy is an instance of this copy's class and of every class above it", async () => {
    const other = await otherCopy()
    const error = new other.NotFoundError(init)
    expect(Object.getPrototypeOf(error)).not.toBe(NotFoundError.prototype)
    expect(error instanceof NotFoundError).toBe(true)
    expect(error instanceof ApiError).toBe(true)
    expect(error instanceof SdkError).toBe(true)
    expect(error instanceof Error).toBe(true)
    expect(error instanceof ServerError).toBe(false)
    expect(error instanceof AbortError).toBe(false)
  })

  it("and the other way round: this copy's errors are the other copy's", async () => {
    const other = await otherCopy()
    const errors = [
      new NotFoundError(init),
      new AbortError('stop', { cause: 'left' }),
      new TimeoutError({ method: 'GET', path: '/x' }, 5),
      new InputValidationError([{ path: 'stgae', message: 'unknown field stgae' }]),
    ]
    expect(errors[0] instanceof other.NotFoundError).toBe(true)
    expect(errors[0] instanceof other.ApiError).toBe(true)
    expect(errors[1] instanceof other.AbortError).toBe(true)
    expect(errors[2] instanceof other.TimeoutError).toBe(true)
    expect(errors[3] instanceof other.InputValidationError).toBe(true)
    for (const error of errors) expect(error instanceof other.SdkError).toBe(true)
    expect(errors[1] instanceof other.ApiError).toBe(false)
  })

  it('every class of the family is branded, by its own name', () => {
    const classes = Object.entries(here).filter(
      ([, value]) =>
        typeof value === 'function' && (value as { prototype?: unknown }).prototype instanceof Error,
    )
    expect(classes.length).toBeGreaterThan(12)
    for (const [name, Class] of classes) {
      const error = Object.create((Class as typeof SdkError).prototype) as SdkError
      expect(Object.hasOwn(Class as object, Symbol.for('@x/core/error:brand')), name).toBe(true)
      expect((Class as unknown as Record<symbol, symbol>)[Symbol.for('@x/core/error:brand')]).toBe(
        errorBrand(name),
      )
      expect(error instanceof (Class as typeof SdkError), name).toBe(true)
    }
  })

  it('brands are hidden: JSON, keys and equality are unchanged', () => {
    const error = new NotFoundError(init)
    expect(
      Object.getOwnPropertySymbols(error).every(
        (s) => !Object.getOwnPropertyDescriptor(error, s)?.enumerable,
      ),
    ).toBe(true)
    expect(Object.hasOwn(error, errorBrand('NotFoundError'))).toBe(true)
    expect(Object.hasOwn(error, errorBrand('ApiError'))).toBe(true)
    expect(Object.hasOwn(error, errorBrand('ServerError'))).toBe(false)
    expect(JSON.parse(JSON.stringify(error))).toEqual(error.toJSON())
  })

  it('anything else is no instance: null, primitives, plain errors, look-alikes without the brand', () => {
    for (const value of [null, undefined, 0, 'NotFoundError', {}, new Error('x'), { name: 'NotFoundError' }])
      expect(value instanceof NotFoundError).toBe(false)
  })

  it('a subclass outside core matches by prototype, or by a brand it gives itself', async () => {
    class Plain extends NotFoundError {}
    expect(new Plain(init) instanceof Plain).toBe(true)
    expect(new Plain(init) instanceof NotFoundError).toBe(true)
    expect(new NotFoundError(init) instanceof Plain).toBe(false)
    class Branded extends ApiError {
      static {
        brandErrorClass(Branded, 'test:BrandedError')
      }
    }
    class Twin extends ApiError {}
    brandErrorClass(Twin, 'test:BrandedError')
    expect(new Twin(init) instanceof Branded).toBe(true)
    expect(new Branded(init) instanceof ApiError).toBe(true)
    const other = await otherCopy()
    expect(new Branded(init) instanceof other.ApiError).toBe(true)
  })

  it('instanceof still narrows the type', () => {
    const error: unknown = new NotFoundError(init)
    if (error instanceof NotFoundError) expectTypeOf(error).toEqualTypeOf<NotFoundError>()
    if (error instanceof ApiError) expectTypeOf(error.status).toEqualTypeOf<number>()
    expect.assertions(0)
  })
})
