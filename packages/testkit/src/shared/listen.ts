// The only file in @x/testkit that uses Node APIs: a loopback HTTP server in front of the pipeline.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { corsHeaders, preflightHeaders } from './cors'
import type { Pipeline } from './pipeline'

/** Where to listen; port 0 (the default) picks a free port. */
export interface ListenOptions {
  port?: number
  host?: string
}

/** A running loopback server: its base URL (no trailing slash) and how to stop it. */
export interface ListeningServer {
  url: string
  close(): Promise<void>
}

interface CorsConfig {
  allowHeaders: readonly string[]
  exposeHeaders: readonly string[]
}

async function readBody(req: IncomingMessage): Promise<Uint8Array<ArrayBuffer> | undefined> {
  if (req.method === 'GET' || req.method === 'HEAD') return undefined
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return chunks.length === 0 ? undefined : new Uint8Array(Buffer.concat(chunks))
}

function toHeaders(req: IncomingMessage): Headers {
  const headers = new Headers()
  for (let i = 0; i < req.rawHeaders.length; i += 2)
    headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!)
  return headers
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}

async function serve(
  pipeline: Pipeline,
  cors: CorsConfig,
  fallbackHost: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const origin = single(req.headers.origin)
  if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
    const requested = single(req.headers['access-control-request-headers'])
    res.writeHead(204, preflightHeaders(origin, requested, cors.allowHeaders, cors.exposeHeaders))
    res.end()
    return
  }
  const controller = new AbortController()
  res.on('close', () => {
    if (!res.writableFinished)
      controller.abort(new DOMException('The client closed the connection', 'AbortError'))
  })
  const body = await readBody(req)
  const request = new Request(`http://${req.headers.host ?? fallbackHost}${req.url ?? '/'}`, {
    method: req.method ?? 'GET',
    headers: toHeaders(req),
    body,
    signal: controller.signal,
  })
  const response = await pipeline(request)
  if (response.type === 'error') {
    req.socket.destroy()
    return
  }
  const headers: Record<string, string | string[]> = corsHeaders(origin, cors.exposeHeaders)
  response.headers.forEach((value, name) => {
    headers[name] = value
  })
  const payload = response.body ? Buffer.from(await response.arrayBuffer()) : undefined
  res.writeHead(response.status, response.statusText || undefined, headers)
  res.end(req.method === 'HEAD' ? undefined : payload)
}

/** Serves the pipeline on a loopback port, with CORS so browser pages can call it. */
export function listenOn(
  pipeline: Pipeline,
  cors: CorsConfig,
  options: ListenOptions = {},
): Promise<ListeningServer> {
  const host = options.host ?? '127.0.0.1'
  let address = host
  const server = createServer((req, res) => {
    serve(pipeline, cors, address, req, res).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy()
        return
      }
      const aborted = error instanceof DOMException && error.name === 'AbortError'
      if (aborted) return
      res.writeHead(500, {
        'content-type': 'application/json',
        ...corsHeaders(single(req.headers.origin), cors.exposeHeaders),
      })
      res.end(JSON.stringify({ code: 500, message: String(error) }))
    })
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => {
      const { port } = server.address() as AddressInfo
      const shownHost = host.includes(':') ? `[${host}]` : host
      address = `${shownHost}:${port}`
      resolve({
        url: `http://${address}`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()))
            server.closeAllConnections()
          }),
      })
    })
  })
}
