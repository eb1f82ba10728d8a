import type { RestContext } from './context'

/** A REST route: a method, a path under /rest with `:param` segments, and its handler. */
export interface RestRoute {
  method: string
  path: string
  handler: (ctx: RestContext) => Response | Promise<Response>
}

interface CompiledRoute extends RestRoute {
  segments: string[]
}

/** Matches paths under /rest to routes; literal segments win over parameters by declaration order. */
export class RestRouter {
  #routes: CompiledRoute[] = []

  /** Adds routes. */
  add(...routes: RestRoute[]): this {
    for (const route of routes)
      this.#routes.push({ ...route, segments: route.path.split('/').filter(Boolean) })
    return this
  }

  /** The route and path parameters for a method and path (relative to /rest), if any route matches. */
  match(method: string, path: string): { route: RestRoute; params: Record<string, string> } | undefined {
    const parts = path.split('/').filter(Boolean)
    for (const route of this.#routes) {
      if (route.method !== method || route.segments.length !== parts.length) continue
      const params: Record<string, string> = {}
      const ok = route.segments.every((segment, index) => {
        const part = parts[index]!
        if (segment.startsWith(':')) {
          params[segment.slice(1)] = decodeURIComponent(part)
          return true
        }
        return segment.toLowerCase() === part.toLowerCase()
      })
      if (ok) return { route, params }
    }
    return undefined
  }
}
