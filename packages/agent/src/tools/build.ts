import * as z from 'zod/mini'
import type { ToolSpec } from './tool-spec'

/** A record id as a tool takes it. */
export const ToolIdSchema = z.union([z.string().check(z.minLength(1)), z.int()])

/** A tool whose input object is passed to the method as its one argument (`list`, `create`). */
export function inputTool(
  object: string,
  method: string,
  description: string,
  input: z.ZodMiniType,
): ToolSpec {
  return { name: `${object}_${method}`, object, method, description, input, args: (i) => [i] }
}

/** A tool taking no input (`pipelines.list()`). */
export function noInputTool(object: string, method: string, description: string): ToolSpec {
  return {
    name: `${object}_${method}`,
    object,
    method,
    description,
    input: z.strictObject({}),
    args: () => [],
  }
}

/**
 * A tool for a method taking an id first (`get(id)`, `close(id, outcome)`): its input is
 * `{ id, ...fields }` and the fields become the following arguments, in order.
 */
export function idTool(
  object: string,
  method: string,
  description: string,
  fields: Record<string, z.ZodMiniType> = {},
): ToolSpec {
  const names = Object.keys(fields)
  return {
    name: `${object}_${method}`,
    object,
    method,
    description,
    input: z.strictObject({ id: ToolIdSchema, ...fields }),
    args: (i) => [i.id, ...names.map((n) => i[n])],
  }
}
