// A @x/testkit simulator (from its build) behind a loopback server, as its own process, with a fixed-window
// rate limit of `--limit` requests per `--window-ms`. Prints {"url", ...credentials} once listening.
// Usage: node scripts/bench/sim-server.ts --api nutshell|nutan --limit N --window-ms W
import { parseArgs } from 'node:util'

const { values } = parseArgs({
  options: {
    api: { type: 'string' },
    limit: { type: 'string' },
    'window-ms': { type: 'string' },
  },
})
const faults = { rateLimit: { limit: Number(values.limit), windowMs: Number(values['window-ms']) } }
const testkit = await import('@x/testkit')

let announce: Record<string, string>
let listen: () => Promise<{ url: string }>
if (values.api === 'nutshell') {
  const sim = testkit.createNutshellSimulator({ faults })
  listen = () => sim.listen()
  announce = { email: sim.credentials.email, apiKey: sim.credentials.apiKey }
} else if (values.api === 'nutan') {
  // Only the scaled-down window limits: Nutan's own per-minute tiers would dominate a seconds-long run.
  const sim = testkit.createNutanSimulator({
    faults,
    rateLimits: { globalPerMinute: Number.POSITIVE_INFINITY, strictPerMinute: Number.POSITIVE_INFINITY },
  })
  listen = () => sim.listen()
  announce = { accessToken: sim.issueTokens().access_token }
} else {
  throw new Error('--api must be nutshell or nutan')
}
const server = await listen()
process.stdout.write(`${JSON.stringify({ url: server.url, ...announce })}\n`)
process.stdin.resume()
process.stdin.on('end', () => process.exit(0))
process.stdin.on('close', () => process.exit(0))
