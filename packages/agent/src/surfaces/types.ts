import type { MethodClass } from '../policy/method-class'
import type { Requirement } from '../policy/types'
import type { ToolSpec } from '../tools/tool-spec'

/** What a method needs: fixed classes on its object's resource, or requirements computed from its arguments. */
export type Needs =
  | MethodClass
  | readonly MethodClass[]
  | ((args: readonly unknown[]) => readonly Requirement[])

/** How the policy and the audit see one method. */
export interface MethodRule {
  needs: Needs
  /** How many leading arguments are the call's input (the rest are per-call options). Default 1. */
  inputs?: number
  /**
   * Input arguments documented to be a function (editWithRev's changes callback): kept as given, not
   * copied, so the rule must ask for every grant the function's result could need.
   */
  functionArgs?: readonly number[]
  /** The record ids the call touches. Default: the first argument, when it is an id. */
  ids?: (args: readonly unknown[]) => string[]
  /** The method name the audit shows, when the property name says too little (`rpc.call`). */
  label?: (args: readonly unknown[]) => string
}

/** One property of a client (a resource object such as `client.leads`, or `client.rpc`). */
export interface ObjectSurface {
  /** The policy resource fixed `needs` refer to. Default: the property name. */
  resource?: string
  methods: Readonly<Record<string, MethodClass | MethodRule>>
  /** The rule for a method missing from `methods` (JSON-RPC's typed helpers); none means denied. */
  fallback?: (method: string) => MethodRule | undefined
}

/** Everything `scoped()` and `toolDefinitions()` know about one kind of client. */
export interface ClientSurface {
  /** `nutshell`, `nutan`, or a custom name. */
  name: string
  /** The resource names a policy may use. */
  resources: readonly string[]
  /** The client properties a scoped client exposes; all others are hidden. */
  objects: Readonly<Record<string, ObjectSurface>>
  /** The methods offered to an LLM as tools. */
  tools: readonly ToolSpec[]
  /** True when `client` is this kind of client. */
  matches(client: object): boolean
}
