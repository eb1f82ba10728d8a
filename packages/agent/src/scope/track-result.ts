import { resultId } from '../audit/values'
import { AuditedPagePromise, isPagePromise } from './audited-page'
import type { Recorder } from './recorder'

type Thenable = PromiseLike<unknown> & object

function isThenable(value: unknown): value is Thenable {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as PromiseLike<unknown>).then === 'function'
  )
}

/** The result and its HTTP response, from `.withResponse()` when the result offers it. */
function observe(result: Thenable): Promise<{ data: unknown; requestId?: string | undefined }> {
  const withResponse = (result as { withResponse?: unknown }).withResponse
  if (typeof withResponse !== 'function') return Promise.resolve(result).then((data) => ({ data }))
  return Promise.resolve(
    (withResponse as () => PromiseLike<{ data: unknown; response?: { requestId?: string } }>).call(result),
  ).then((r) => ({ data: r.data, requestId: r.response?.requestId }))
}

/** Methods that hand the caller the outcome: they wait until the audit record is out. */
function isSettling(prop: string | symbol): boolean {
  return (
    prop === 'then' ||
    prop === 'catch' ||
    prop === 'finally' ||
    (typeof prop === 'string' && /^with[A-Z]/.test(prop))
  )
}

/**
 * Returns the client's result, its shape intact (ApiPromise, RecordPromise with `.withRelated()`,
 * paged list, promise or value), emitting the call's audit record when it settles: before the
 * caller's `await` resumes. A list makes its requests lazily, so it emits one record per page it
 * fetches instead (`begin` starts each).
 */
export function trackResult(result: unknown, recorder: Recorder, begin: () => Recorder): unknown {
  if (isPagePromise(result)) return new AuditedPagePromise(result, begin)
  if (!isThenable(result)) {
    recorder.ok({ ids: resultId(result) })
    return result
  }
  const recorded = observe(result).then(
    (r) => recorder.ok({ requestId: r.requestId, ids: resultId(r.data) }),
    (error: unknown) => recorder.fail(error),
  )
  return new Proxy(result, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target)
      if (typeof value !== 'function') return value
      if (!isSettling(prop)) return value.bind(target)
      return (...args: unknown[]) => recorded.then(() => value.apply(target, args))
    },
  })
}
