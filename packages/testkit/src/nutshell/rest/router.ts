import type { RestContext } from './context'

/** Answers one REST operation. */
export type RestHandler = (ctx: RestContext) => Response | Promise<Response>

/** Handlers keyed by `"METHOD /path/{param}"`, the path as Nutshell's OpenAPI document spells it. */
export type RestTable = Record<string, RestHandler>

interface CompiledRoute {
  key: string
  method: string
  segments: string[]
  handler: RestHandler
}

const isParam = (segment: string) => segment.startsWith('{') && segment.endsWith('}')

/** Splits a table key, `"GET /leads/{id}"`, into its method and path segments. */
export function parseOperationKey(key: string): { method: string; segments: string[] } {
  const match = /^([A-Z]+) (\/\S*)$/.exec(key)
  if (!match) throw new Error(`Not an operation key: ${key}`)
  return { method: match[1]!, segments: match[2]!.split('/').filter(Boolean) }
}

/** A literal segment sorts before a parameter at the first place two templates differ. */
function specificity(route: CompiledRoute): string {
  return route.segments.map((segment) => (isParam(segment) ? '1' : '0')).join('')
}

/**
 * Matches paths under /rest against the table's templates. A literal segment wins over a parameter
 * (`/leads/list` before `/leads/{id}`); literals match case-insensitively, as the service does.
 */
export class RestRouter {
  #routes: CompiledRoute[]

  constructor(...tables: RestTable[]) {
    this.#routes = tables
      .flatMap((table) =>
        Object.entries(table).map(([key, handler]) => ({ key, handler, ...parseOperationKey(key) })),
      )
      .sort((a, b) => specificity(a).localeCompare(specificity(b)))
  }

  /** The operation key, handler and path parameters for a method and path (relative to /rest), if any. */
  match(
    method: string,
    path: string,
  ): { key: string; handler: RestHandler; params: Record<string, string> } | undefined {
    const parts = path.split('/').filter(Boolean)
    for (const route of this.#routes) {
      if (route.method !== method || route.segments.length !== parts.length) continue
      const params: Record<string, string> = {}
      const ok = route.segments.every((segment, index) => {
        const part = parts[index]!
        if (isParam(segment)) {
          params[segment.slice(1, -1)] = decodeURIComponent(part)
          return true
        }
        return segment.toLowerCase() === part.toLowerCase()
      })
      if (ok) return { key: route.key, handler: route.handler, params }
    }
    return undefined
  }
}
