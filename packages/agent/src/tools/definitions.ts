import { availableTools } from './available'
import { type ToolDefinition, type ToolFormat, type ToolShapes, toMcpTools, toOpenAITools } from './format'
import { inputJsonSchema } from './json-schema'

/**
 * The methods a client (or scoped client: only what its policy grants) offers an LLM, as tools
 * with JSON Schema inputs generated from the SDK's zod schemas. Anthropic's shape by default;
 * `{ format: 'openai' }` or `{ format: 'mcp' }` for the others.
 */
export function toolDefinitions<F extends ToolFormat = 'anthropic'>(
  client: object,
  options: { format?: F } = {},
): ToolShapes[F][] {
  const tools: ToolDefinition[] = availableTools(client).map((spec) => ({
    name: spec.name,
    description: spec.description,
    input_schema: inputJsonSchema(spec.input),
  }))
  const format = options.format ?? 'anthropic'
  if (format === 'openai') return toOpenAITools(tools) as ToolShapes[F][]
  if (format === 'mcp') return toMcpTools(tools) as ToolShapes[F][]
  return tools as ToolShapes[F][]
}
