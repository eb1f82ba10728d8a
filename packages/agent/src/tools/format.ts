import type { JsonSchema } from './json-schema'

/** A tool in the shape Anthropic's Messages API takes (`tools: [...]`). */
export interface ToolDefinition {
  name: string
  description: string
  input_schema: JsonSchema
}

/** A tool in the shape OpenAI's Chat Completions API takes. */
export interface OpenAITool {
  type: 'function'
  function: { name: string; description: string; parameters: JsonSchema }
}

/** A tool in the shape the Model Context Protocol's `tools/list` returns. */
export interface McpTool {
  name: string
  description: string
  inputSchema: JsonSchema
}

/** Which LLM API's tool shape to produce. */
export type ToolFormat = 'anthropic' | 'openai' | 'mcp'

/** The tool shape of each format. */
export interface ToolShapes {
  anthropic: ToolDefinition
  openai: OpenAITool
  mcp: McpTool
}

/** Converts tool definitions to OpenAI's Chat Completions shape. */
export function toOpenAITools(tools: readonly ToolDefinition[]): OpenAITool[] {
  return tools.map((t) => ({
    type: 'function',
    function: { name: t.name, description: t.description, parameters: t.input_schema },
  }))
}

/** Converts tool definitions to the Model Context Protocol's shape. */
export function toMcpTools(tools: readonly ToolDefinition[]): McpTool[] {
  return tools.map((t) => ({ name: t.name, description: t.description, inputSchema: t.input_schema }))
}
