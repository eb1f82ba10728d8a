import type { z } from 'zod/mini'

/** One client method offered to an LLM as a tool. */
export interface ToolSpec {
  /** `<object>_<method>`, e.g. `leads_list` (LLM APIs allow `[a-zA-Z0-9_-]{1,64}`). */
  name: string
  /** The client property holding the method (`leads`). */
  object: string
  /** The method name (`list`). */
  method: string
  description: string
  /** An object schema of the tool's input; `id` stands for a leading id argument. */
  input: z.ZodMiniType
  /** Turns the validated input into the method's arguments. */
  args(input: Record<string, unknown>): unknown[]
}
