/** Nutshell's `meta` block (instance ids are fixed for the simulator). */
export function instanceMeta(): { instanceId: string; siteId: string | null } {
  return { instanceId: '112233', siteId: null }
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
}

/** The reason phrase of a status. */
export function reason(status: number): string {
  return REASONS[status] ?? 'Error'
}

/** A JSON response (the body may be any JSON value, including a bare string). */
export function json(body: unknown, status = 200, headers?: Record<string, string>): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  })
}

/** An empty response (204, 304). */
export function empty(status: number, headers?: Record<string, string>): Response {
  return new Response(null, { status, headers })
}

/** An HTML error page like the ones Nutshell serves for 401 and 404 under /rest. */
export function htmlPage(status: number): Response {
  const title = status === 404 ? 'Page Not Found' : status === 401 ? 'Unauthorized' : reason(status)
  const message =
    status === 404
      ? 'The page you were looking for could not be found.'
      : status === 401
        ? 'You need to log in to see this page.'
        : 'Something went wrong on our end. Please try again in a moment.'
  const body = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>${title} | Nutshell</title></head>
<body class="error-page">
<div class="error"><h1>${status} ${title}</h1><p>${message}</p></div>
</body>
</html>
`
  return new Response(body, { status, headers: { 'content-type': 'text/html; charset=UTF-8' } })
}

/** Nutshell's validation error body: an empty list of `type` plus an `errors` array. */
export function restErrors(
  status: number,
  type: string,
  detail: string,
  title = 'Invalid request',
): Response {
  return json(
    {
      meta: instanceMeta(),
      links: {},
      [type]: [],
      errors: [
        {
          id: null,
          type: 'errors',
          code: null,
          detail,
          href: null,
          status: String(status),
          title,
          field: null,
        },
      ],
    },
    status,
  )
}

/** A failure a route raises; the router sends its response. */
export class RestFailure extends Error {
  readonly response: Response
  constructor(response: Response) {
    super(`Nutshell simulator answered ${response.status}`)
    this.response = response
  }
}

/** Throws a 400 in Nutshell's `errors` shape. */
export function badRequest(type: string, detail: string, title?: string): never {
  throw new RestFailure(restErrors(400, type, detail, title))
}

/** Throws Nutshell's HTML 404 page. */
export function notFound(): never {
  throw new RestFailure(htmlPage(404))
}
