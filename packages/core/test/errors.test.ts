import { HttpResponse, http } from 'msw'
import { describe, expect, it } from 'vitest'
import {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  SdkError,
  ServerError,
} from '../src'
import { BASE, makeTransport, useServer } from './helpers'

const server = useServer()
const html404 =
  '<!DOCTYPE html><html><head><title>Page Not Found</title></head><body><h1>404</h1>' +
  'x'.repeat(5000) +
  '</body></html>'

async function failWith(response: Response, method: 'GET' | 'POST' = 'GET') {
  server.use(http.all(`${BASE}/thing`, () => response))
  const error = await makeTransport({ maxRetries: 0 })
    .request({ method, path: '/thing' })
    .then(
      () => undefined,
      (e: unknown) => e,
    )
  expect(error).toBeInstanceOf(SdkError)
  return error as ApiError
}

describe('error bodies become typed errors', () => {
  it('maps a Nutshell errors[] 400 to BadRequestError with details', async () => {
    const body = {
      meta: {},
      links: {},
      accounts: [],
      errors: [
        {
          id: null,
          type: 'errors',
          code: null,
          detail: 'Invalid page number: -1',
          status: '400',
          title: 'Invalid filter',
          field: null,
        },
      ],
    }
    const error = await failWith(
      HttpResponse.json(body, { status: 400, headers: { 'x-request-id': 'req-1' } }),
    )
    expect(error).toBeInstanceOf(BadRequestError)
    expect(error.details[0]?.message).toBe('Invalid page number: -1')
    expect(error.message).toContain('Invalid page number: -1')
    expect(error.requestId).toBe('req-1')
    expect(error.status).toBe(400)
    expect(error.method).toBe('GET')
    expect(error.path).toBe('/v1/thing')
  })

  it('uses a JSON string body as the message', async () => {
    const text = 'application/json-patch+json is required, see http://jsonapi.org'
    const error = await failWith(HttpResponse.json(text, { status: 400 }))
    expect(error).toBeInstanceOf(BadRequestError)
    expect(error.message).toContain(text)
  })

  it('turns an HTML 401 page into AuthenticationError with a short message, not the HTML', async () => {
    const error = await failWith(
      new HttpResponse('<html><head><title>Unauthorized</title></head><body>Denied</body></html>', {
        status: 401,
        headers: { 'content-type': 'text/html' },
      }),
    )
    expect(error).toBeInstanceOf(AuthenticationError)
    expect(error.message).toContain('Unauthorized')
    expect(error.message).not.toContain('<')
  })

  it('turns an HTML 404 page into NotFoundError with a bounded message', async () => {
    const error = await failWith(
      new HttpResponse(html404, { status: 404, headers: { 'content-type': 'text/html' } }),
    )
    expect(error).toBeInstanceOf(NotFoundError)
    expect(error.message).toContain('Page Not Found')
    expect(error.message.length).toBeLessThan(200)
  })

  it('maps {code,message} and "Internal Error" 500s to ServerError', async () => {
    const a = await failWith(
      HttpResponse.json({ code: 500, message: 'Internal Server Error' }, { status: 500 }),
      'POST',
    )
    expect(a).toBeInstanceOf(ServerError)
    expect(a.code).toBe(500)
    expect(a.message).toContain('Internal Server Error')
    const b = await failWith(HttpResponse.json('Internal Error', { status: 500 }), 'POST')
    expect(b).toBeInstanceOf(ServerError)
    expect(b.message).toContain('Internal Error')
  })

  it('survives an empty body and a truncated JSON body', async () => {
    const empty = await failWith(new HttpResponse(null, { status: 403 }))
    expect(empty).toBeInstanceOf(PermissionDeniedError)
    expect(empty.message).toContain('403')
    const truncated = await failWith(
      new HttpResponse('{"error":"conflict","mess', {
        status: 409,
        headers: { 'content-type': 'application/json' },
      }),
    )
    expect(truncated).toBeInstanceOf(ConflictError)
    expect(truncated.message).toContain('truncated')
  })

  it('reads Nutan-style {error,message,details} bodies', async () => {
    const error = await failWith(
      HttpResponse.json(
        {
          error: 'validation_error',
          message: 'Invalid contact',
          details: [{ field: 'email', message: 'must be an email' }],
        },
        { status: 400 },
      ),
    )
    expect(error.code).toBe('validation_error')
    expect(error.details).toEqual([expect.objectContaining({ field: 'email', message: 'must be an email' })])
  })

  it('gives 429 as RateLimitError carrying retryAfterMs', async () => {
    const error = await failWith(
      HttpResponse.json({ error: 'rate_limited' }, { status: 429, headers: { 'retry-after': '7' } }),
    )
    expect(error).toBeInstanceOf(RateLimitError)
    expect(error.retryAfterMs).toBe(7000)
  })

  it('keeps every API error an ApiError and an SdkError', async () => {
    const error = await failWith(new HttpResponse('nope', { status: 418 }))
    expect(error).toBeInstanceOf(ApiError)
    expect(error.status).toBe(418)
    expect(error.message).toContain('nope')
  })
})

describe('a generic validation headline names the fields its details name', () => {
  it("Nutan's 400 says which field, not only 'Request validation failed'", async () => {
    const error = (await failWith(
      Response.json(
        {
          error: 'validation_error',
          message: 'Request validation failed',
          details: [{ field: 'stage', message: 'must be one of lead, proposal, closed' }],
        },
        { status: 400 },
      ),
    )) as BadRequestError
    expect(error).toBeInstanceOf(BadRequestError)
    expect(error.message).toContain('Request validation failed: stage: must be one of lead, proposal, closed')
    expect(error.details[0]?.field).toBe('stage')
  })

  it('a headline that already names the field is left as it is', async () => {
    const error = (await failWith(
      Response.json(
        { message: 'stage is invalid', details: [{ field: 'stage', message: 'bad' }] },
        { status: 400 },
      ),
    )) as BadRequestError
    expect(error.message).toContain('stage is invalid')
    expect(error.message).not.toContain('stage: bad')
  })
})
