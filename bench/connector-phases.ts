// Where a /suggestion's time goes, in-process: the connector's own `suggest` over a data folder of
// N saved snippets, with the engine's and the store's methods timed as it calls them, then the
// answer serialised as the route does. For the slowest 1% of queries too. Prints figures only.
// Run: node --expose-gc --import tsx bench/connector-phases.ts [N=100000] [data folder]
// (the folder is filled once and reused; --trace-gc shows collections between TIMED START/END).
import { createEngine } from '../src/connector/server/engine'
import { loadFingerprints } from '../src/connector/server/load-fingerprints'
import { suggest, type ServiceContext } from '../src/connector/server/connector-service'
import { openStore } from '../src/connector/server/storage'
import { createQueryStream, fillLibrary } from './connector-queries'
import { buildCorpus } from './engine-corpus'

const size = Number(process.argv[2] ?? 100_000)
const dataDir = process.argv[3] ?? `/tmp/clipwise-bench-library-${size}`
const corpus = buildCorpus(size + 3_000)
fillLibrary(dataDir, corpus.slice(0, size))
const copied = createQueryStream(corpus.slice(0, size), corpus.slice(size), size)

const store = openStore(dataDir)
const engine = createEngine()
loadFingerprints(store, engine)
const app = store.upsertApplication(
  { name: 'OPEN_SOURCE', version: '0', platform: 'LINUX' },
  new Date(),
)
const spent = new Map<string, number>()
function timeAll<T extends object>(target: T, prefix: string): T {
  return new Proxy(target, {
    get(obj, key, recv) {
      const value = Reflect.get(obj, key, recv) as unknown
      if (typeof value !== 'function') return value
      return (...args: unknown[]) => {
        const t = performance.now()
        try {
          return (value as (...a: unknown[]) => unknown).apply(obj, args)
        } finally {
          const name = `${prefix}.${String(key)}`
          spent.set(name, (spent.get(name) ?? 0) + performance.now() - t)
        }
      }
    },
  })
}
const ctx: ServiceContext = {
  store: timeAll(store, 'store'),
  engine: timeAll(engine, 'engine'),
  now: () => new Date(),
  version: '0',
  connected: new Set([app.id]),
}
const queries = Array.from({ length: 1000 }, (_, i) => copied(i))
const warm = Array.from({ length: 200 }, (_, i) => copied(1000 + i))
const seed = (raw: string) => ({ asset: { format: { fragment: { string: { raw } } } } })
for (const q of warm) JSON.stringify(suggest(ctx, app, seed(q)))
;(globalThis as { gc?: () => void }).gc?.()
spent.clear()
const rows: { i: number; total: number; phases: Map<string, number> }[] = []
for (let round = 0; round < 2; round++) {
  if (round === 1) console.log('TIMED START')
  for (const [i, q] of queries.entries()) {
    spent.clear()
    const t = performance.now()
    const answer = suggest(ctx, app, seed(q))
    const s = performance.now()
    JSON.stringify(answer)
    spent.set('json', performance.now() - s)
    const total = performance.now() - t
    if (round === 1) rows.push({ i, total, phases: new Map(spent) })
  }
}
console.log('TIMED END')
const q = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? 0
const totals = rows.map((r) => r.total)
console.log(
  `${size} assets: suggest+json median ${q(totals, 0.5).toFixed(2)} ms, p99 ${q(totals, 0.99).toFixed(2)} ms`,
)
const names = [...new Set(rows.flatMap((r) => [...r.phases.keys()]))]
const slow = [...rows].sort((a, b) => b.total - a.total).slice(0, Math.ceil(rows.length / 100))
for (const name of names) {
  const xs = rows.map((r) => r.phases.get(name) ?? 0)
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length
  const slowMean = slow.reduce((a, r) => a + (r.phases.get(name) ?? 0), 0) / slow.length
  console.log(
    `  ${name.padEnd(34)} mean ${mean.toFixed(3)}  median ${q(xs, 0.5).toFixed(3)}  p99 ${q(xs, 0.99).toFixed(3)}  slowest-1% mean ${slowMean.toFixed(3)}`,
  )
}
const other = rows.map((r) => r.total - [...r.phases.values()].reduce((a, b) => a + b, 0))
console.log(
  `  ${'other (redact echo, render, glue)'.padEnd(34)} median ${q(other, 0.5).toFixed(3)}  p99 ${q(other, 0.99).toFixed(3)}`,
)
for (const r of slow) {
  console.log(
    `  slow q${r.i} ${r.total.toFixed(2)} ms: ${[...r.phases]
      .filter(([, v]) => v > 0.2)
      .map(([k, v]) => `${k} ${v.toFixed(2)}`)
      .join(', ')}`,
  )
}
store.close()
