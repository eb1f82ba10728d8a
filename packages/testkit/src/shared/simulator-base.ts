// Only msw's side-effect-free subpaths at runtime: the root entry also loads msw's `ws` module,
// which opens a BroadcastChannel on import that Deno cannot unref, so `deno run` would never exit.
import type { RequestHandler } from 'msw'
import { http } from 'msw/http'
import { type FaultController, FaultEngine, type FaultOptions } from './faults'
import { createInProcessFetch } from './in-process-fetch'
import type { ListeningServer, ListenOptions } from './listen'
import { createPipeline, type Pipeline, type PipelineState } from './pipeline'
import type { RequestLogEntry } from './request-log'
import type { ServiceProfile } from './service-profile'

/** What every simulator offers, whatever service it simulates. */
export interface SimulatorBase {
  /** msw handlers for `setupServer(...)` / `setupWorker(...)`; they match the service's paths on any origin. */
  handlers: RequestHandler[]
  /** A `fetch` answered in process by the same pipeline; no network. */
  fetch: typeof globalThis.fetch
  /** Serves the simulator on a loopback port (`http://127.0.0.1:<port>`), with CORS for browser pages. */
  listen(options?: ListenOptions): Promise<ListeningServer>
  /** Run-time control of the injected faults. */
  faults: FaultController
  /** The last 10,000 handled requests, oldest first. */
  requests: RequestLogEntry[]
}

/** The base plus the hooks a simulator needs to assemble itself. */
export interface SimulatorCore extends SimulatorBase {
  pipeline: Pipeline
  /** Clears the request log, the counters and the faults back to their initial options. */
  resetBase(): void
}

/** Assembles handlers, fetch and listen() around one pipeline for a service. */
export function createSimulatorCore(
  profile: ServiceProfile,
  options: { seed: number; faults?: FaultOptions },
): SimulatorCore {
  const engine = new FaultEngine(options.faults, options.seed)
  const state: PipelineState = { count: 0, requests: [] }
  const pipeline = createPipeline(profile, engine, state)
  const handler = http.all(
    ({ request }) => profile.owns(new URL(request.url)),
    ({ request }) => pipeline(request),
  )
  return {
    handlers: [handler],
    fetch: createInProcessFetch(pipeline),
    // Loaded lazily so the rest of the testkit never imports Node modules.
    listen: async (listenOptions) => {
      const { listenOn } = await import('./listen')
      return listenOn(
        pipeline,
        { allowHeaders: profile.allowHeaders, exposeHeaders: profile.exposeHeaders },
        listenOptions,
      )
    },
    faults: engine.controller,
    requests: state.requests,
    pipeline,
    resetBase: () => {
      state.count = 0
      state.requests.length = 0
      engine.reset()
      profile.reset()
    },
  }
}
