// The timed side of the connector benchmark, in a process of its own that holds only the queries:
// it asks through the app's own client (`createConnectorClient`, got over a keep-alive socket), as
// the tray does. Timed from the benchmark process, which holds the whole 100,000-snippet corpus,
// that process's own major GCs (4-7 ms) landed inside requests and made up most of the p99.
// Input: a JSON file named by the first argument; output: one JSON line on stdout.
import { readFileSync } from 'node:fs'
import { createConnectorClient } from '../src/connector/client'
import type { SeededConnectorCreation } from '../src/shared/wire'

/** What the benchmark asks of this process. */
export interface ClientJob {
  url: string
  /** Sent first, untimed. */
  warmup: string[]
  /** Sent one after another to /suggestion, each timed. */
  suggest: string[]
  /** Saved one after another through /reaction, each timed. */
  save: string[]
}

/** What it answers. */
export interface ClientResult {
  suggestMs: number[]
  /** The `distribution` of each /suggestion answer (asset id → similarity). */
  distributions: Record<string, number>[]
  saveMs: number[]
}

const seed = (raw: string): SeededConnectorCreation => ({
  asset: { format: { fragment: { string: { raw } } } },
})

async function run(job: ClientJob): Promise<ClientResult> {
  const client = createConnectorClient({
    baseUrl: job.url,
    appVersion: '0.0.0-bench',
    platform: process.platform,
  })
  await client.connect()
  for (const text of job.warmup) await client.suggest(seed(text))
  ;(globalThis as { gc?: () => void }).gc?.()
  const result: ClientResult = { suggestMs: [], distributions: [], saveMs: [] }
  for (const text of job.suggest) {
    const t = performance.now()
    const answer = await client.suggest(seed(text))
    result.suggestMs.push(performance.now() - t)
    result.distributions.push(answer.distribution ?? {})
  }
  for (const text of job.save) {
    const t = performance.now()
    await client.react({ save: true, seed: seed(text) })
    result.saveMs.push(performance.now() - t)
  }
  return result
}

const file = process.argv[2]
if (file) {
  run(JSON.parse(readFileSync(file, 'utf8')) as ClientJob)
    .then((result) => process.stdout.write(`${JSON.stringify(result)}\n`))
    .catch((error: unknown) => {
      console.error(error)
      process.exitCode = 1
    })
}
