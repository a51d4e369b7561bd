// Why /suggestion misses what brute force finds: the connector bench's recall measured
// in-process on the same queries (or another seed's, to tune on one and report on the other),
// with each miss placed: never gathered as a candidate, gathered past the re-score budget, or
// re-scored and out-ranked. Also the match's CPU time and the young-generation collections it
// causes (run with --trace-gc: the lines between TIMED START and TIMED END). Prints figures.
// Run: node --import tsx bench/connector-recall.ts [N=100000] [data folder] [seed=N] [queries=300]
//   [rounds=3]
// The brute-force top 5 of each query is cached next to the data folder (it takes minutes).
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { createEngine, normalizeSnippet } from '../src/connector/server/engine'
import {
  createNearIndex,
  inspectNearIndex,
  MAX_CANDIDATES,
} from '../src/connector/server/engine/reuse/near-index'
import { scanIndex } from '../src/connector/server/engine/test-support/full-scan'
import { sketchOf } from '../src/connector/server/engine/reuse/sketch'
import { loadFingerprints } from '../src/connector/server/load-fingerprints'
import { openStore } from '../src/connector/server/storage'
import { createQueryStream, fillLibrary } from './connector-queries'
import { foundIn } from './connector-stats'
import { buildCorpus } from './engine-corpus'

const size = Number(process.argv[2] ?? 100_000)
const dataDir = process.argv[3] ?? `/tmp/clipwise-bench-library-${size}`
const seed = Number(process.argv[4] ?? size)
const count = Number(process.argv[5] ?? 300)
/** Timed rounds over the queries; each query's CPU time is its fastest round (the machine is shared). */
const rounds = Number(process.argv[6] ?? 3)
/** As the connector bench: /suggestion asks for 10, recall is over the brute-force top 5. */
const LIMIT = 10
const TOP = 5
const FLOOR = 0.7

const corpus = buildCorpus(size + 3_000)
fillLibrary(dataDir, corpus.slice(0, size))
const copied = createQueryStream(corpus.slice(0, size), corpus.slice(size), seed)
const queries = Array.from({ length: count }, (_, i) => copied(i))
const store = openStore(dataDir)
const index = createNearIndex()
const engine = createEngine({ index })
let entries = [...store.iterateFingerprints()]
// A folder filled by an older engine format: recomputed and saved first (a throwaway index), so
// that every stored fingerprint loads below in storage order.
if (entries.some((e) => engine.isCurrent?.(e.fingerprint) === false)) {
  loadFingerprints(store, createEngine())
  entries = [...store.iterateFingerprints()]
}
// Loaded in this order, so slot i holds entries[i] (candidates are named by slot).
engine.load(entries)
const { shapeOf, headOf } = inspectNearIndex(index)
const slotOf = new Map(entries.map((e, slot) => [e.assetId, slot]))

type Truth = { assetId: string; similarity: number }[]
const cache = `${dataDir}.brute-${seed}-${count}.json`
const truth: Truth[] = existsSync(cache)
  ? (JSON.parse(readFileSync(cache, 'utf8')) as Truth[])
  : queries.map((q) =>
      scanIndex(index, sketchOf(normalizeSnippet(q)))
        .slice(0, TOP)
        .map(({ assetId, similarity }) => ({ assetId, similarity })),
    )
if (!existsSync(cache)) writeFileSync(cache, JSON.stringify(truth))

for (const q of queries) engine.match(q, LIMIT) // warm-up
// The deep pass is a query's second `candidates` search, the one with `deep`.
let deepPasses = 0
const candidates = index.candidates.bind(index)
index.candidates = (sketch, wanted, more) => {
  if (more?.deep) deepPasses++
  return candidates(sketch, wanted, more)
}
console.log('TIMED START')
const cpuMs = queries.map(() => Infinity)
let answers: ReturnType<typeof engine.match>[] = []
for (let round = 0; round < rounds; round++)
  answers = queries.map((q, i) => {
    const before = process.cpuUsage()
    const answer = engine.match(q, LIMIT)
    const used = process.cpuUsage(before)
    cpuMs[i] = Math.min(cpuMs[i] ?? Infinity, (used.user + used.system) / 1000)
    return answer
  })
console.log('TIMED END')
index.candidates = candidates

let found = 0
let pairs = 0
const kinds = new Map<string, number>()
const budget = LIMIT * 4
for (const [i, answer] of answers.entries()) {
  const top = truth[i] ?? []
  for (const m of top) {
    if (m.similarity < FLOOR) continue
    pairs++
    if (foundIn(answer, m, top.length)) {
      found++
      continue
    }
    const sketch = sketchOf(normalizeSnippet(queries[i] ?? ''))
    // Candidates are the heads of groups of copies.
    const slot = headOf(slotOf.get(m.assetId) ?? -1)
    const all = index.candidates(sketch, size).slots
    const at = all.indexOf(slot)
    const deep = index.candidates(sketch, size, { deep: true }).slots.indexOf(slot)
    // How many families of equal shape (renamed variants) rank before the miss.
    const places = Math.max(MAX_CANDIDATES, budget)
    const before = at >= 0 ? new Set(all.slice(0, at).map(shapeOf)).size : -1
    const kind =
      at >= 0 && at < places
        ? 're-scored, out-ranked'
        : at >= 0
          ? 'gathered past the re-score budget'
          : deep >= 0
            ? 'gathered only by a deep pass'
            : 'never gathered (no anchor or shingle in common under the caps)'
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1)
    console.log(
      `  q${i} (${i % 2 === 0 ? 'near copy' : 'unseen'}) missed ${m.assetId} at ${m.similarity.toFixed(3)}: ${kind}` +
        ` (candidate position ${at}, ${before} shape families before it, deep ${deep}); answered ${answer.map((a) => a.similarity.toFixed(2)).join(' ')}`,
    )
  }
}
const sorted = [...cpuMs].sort((a, b) => a - b)
const at = (p: number) =>
  (sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0).toFixed(2)
console.log(
  `\n${size} assets, seed ${seed}, ${count} queries: recall@${FLOOR} ${(found / Math.max(1, pairs)).toFixed(3)} (${found}/${pairs} pairs); match CPU ms (fastest of ${rounds} rounds) median ${at(0.5)}, p99 ${at(0.99)}; deep pass in ${deepPasses / rounds} queries`,
)
for (const [kind, n] of kinds) console.log(`  misses ${kind}: ${n}`)
console.log(
  'slowest',
  cpuMs
    .map((ms, i) => [i, ms.toFixed(2)])
    .sort((a, b) => Number(b[1]) - Number(a[1]))
    .slice(0, 8)
    .join(' '),
)
store.close()
