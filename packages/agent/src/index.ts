export { PermissionDeniedError } from '@x/core'
export type { AuditOutcome, AuditRecord, AuditSink } from './audit/types'
export { GRANT_LEVELS, type GrantLevel, METHOD_CLASSES, type MethodClass } from './policy/method-class'
export { type CompiledPolicy, parsePolicy } from './policy/parse-policy'
export { PolicyError } from './policy/policy-error'
export type { Grant, Policy, Requirement } from './policy/types'
export { DeniedCall } from './scope/denied'
export { type ScopeOptions, scoped } from './scope/scoped'
export { nutanSurface } from './surfaces/nutan'
export { nutshellSurface } from './surfaces/nutshell'
export type { ClientSurface, MethodRule, Needs, ObjectSurface } from './surfaces/types'
export { callTool } from './tools/call-tool'
export { toolDefinitions } from './tools/definitions'
export {
  type McpTool,
  type OpenAITool,
  type ToolDefinition,
  type ToolFormat,
  type ToolShapes,
  toMcpTools,
  toOpenAITools,
} from './tools/format'
export type { JsonSchema } from './tools/json-schema'
export type { ToolSpec } from './tools/tool-spec'
