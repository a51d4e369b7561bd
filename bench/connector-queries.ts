// The copies the connector benchmarks send to /suggestion, in one place so that the in-process
// probes (connector-recall.ts, connector-phases.ts) ask exactly what the HTTP bench asks.
import { existsSync, mkdirSync } from 'node:fs'
import { createEngine } from '../src/connector/server/engine'
import { seededRandom } from '../src/connector/server/engine/test-support/variants'
import { openStore } from '../src/connector/server/storage'

/** A copy as it comes back from another editor: re-indented, CRLF line ends. */
export const recopy = (text: string): string =>
  text
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\r\n')

/** A near copy of a saved snippet: re-indented, CRLF, one inner line dropped when it has 6+. */
export function nearCopy(text: string, pick: () => number): string {
  const lines = text.split('\n')
  if (lines.length >= 6) lines.splice(1 + Math.floor(pick() * (lines.length - 2)), 1)
  return recopy(lines.join('\n'))
}

/**
 * The i-th copy of a stream seeded by `seed` (the bench seeds it with the library size): even
 * ones are near copies of saved snippets (reuse through the index), odd ones unseen code from the
 * first 1,000 of `fresh`. Each call draws from the one random stream, so call in order.
 */
export function createQueryStream(
  saved: readonly string[],
  fresh: readonly string[],
  seed: number,
): (i: number) => string {
  const pick = seededRandom(seed)
  return (i) =>
    i % 2 === 0
      ? nearCopy(saved[Math.floor(pick() * saved.length)] ?? '', pick)
      : (fresh[Math.floor(pick() * 1000)] ?? '')
}

/**
 * Saves `snippets` straight into the data folder `dir` (fingerprints from the real engine, one
 * transaction per 1,000), so that 100,000 assets do not take minutes of HTTP saves at fsync pace;
 * language enrichment is skipped. Returns the assets' ids.
 */
export function prefill(dir: string, snippets: readonly string[]): Set<string> {
  const store = openStore(dir)
  const engine = createEngine()
  const ids = new Set<string>()
  try {
    const app = store.upsertApplication(
      { name: 'OPEN_SOURCE', version: '0.0.0-bench', platform: 'LINUX' },
      new Date(),
    )
    for (let at = 0; at < snippets.length; at += 1_000) {
      const batch = snippets.slice(at, at + 1_000).map((text, i) => ({
        applicationId: app.id,
        name: `snippet ${at + i}`,
        text,
        language: 'js',
        generic: 'CODE',
        mechanism: 'MANUAL',
        tags: [],
        sensitives: [],
        fingerprint: engine.fingerprint(text),
      }))
      for (const record of store.importAssets(batch, new Date())) ids.add(record.id)
    }
    return ids
  } finally {
    store.close()
  }
}

/**
 * `prefill` into a new data folder at `dir`, unless `dir` exists already: the in-process probes
 * reuse one folder between runs instead of fingerprinting 100,000 snippets each time.
 */
export function fillLibrary(dir: string, snippets: readonly string[]): void {
  if (existsSync(dir)) return
  mkdirSync(dir, { recursive: true })
  prefill(dir, snippets)
}
