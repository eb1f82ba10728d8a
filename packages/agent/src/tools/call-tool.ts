import { InputValidationError, parseInput } from '@x/core'
import { startCall } from '../scope/recorder'
import { surfaceOf } from './available'
import type { ToolSpec } from './tool-spec'

/** What a list method's first page becomes in a tool result. */
function isPage(value: unknown): value is { items: unknown[]; total?: number; hasNextPage(): boolean } {
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as { items?: unknown }).items) &&
    typeof (value as { hasNextPage?: unknown }).hasNextPage === 'function'
  )
}

/** Makes a method's result plain JSON for the model: a page becomes `{ items, total, hasNextPage }`. */
function toToolResult(value: unknown): unknown {
  if (isPage(value))
    return { items: value.items, total: value.total ?? null, hasNextPage: value.hasNextPage() }
  return value === undefined ? { ok: true } : value
}

/** The tool's method on this client (through its scope, if any); undefined if the client lacks it. */
function methodOf(client: object, spec: ToolSpec): ((...args: unknown[]) => unknown) | undefined {
  const target = Reflect.get(client, spec.object) as object | undefined
  const method = target && Reflect.get(target, spec.method)
  return typeof method === 'function' ? method.bind(target) : undefined
}

/**
 * Runs the tool an LLM asked for: validates `input` with the tool's schema (InputValidationError
 * naming the field), then calls the method through `client`, so a scoped client checks and audits it.
 */
export async function callTool(client: object, name: string, input: unknown): Promise<unknown> {
  const { surface, scope } = surfaceOf(client)
  const spec = surface.tools.find((t) => t.name === name)
  const method = spec && methodOf(client, spec)
  if (!spec || !method)
    throw new InputValidationError([{ path: 'name', message: `unknown tool "${name}"` }], 'callTool')
  let args: unknown[]
  try {
    args = spec.args(parseInput(spec.input, input ?? {}, `tool ${name}`) as Record<string, unknown>)
  } catch (error) {
    if (scope) {
      const resource = surface.objects[spec.object]?.resource ?? spec.object
      startCall(scope, { resource, method: spec.method, ids: [] }).fail(error)
    }
    throw error
  }
  return toToolResult(await method(...args))
}
