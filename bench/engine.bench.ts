/**
 * Engine benchmark: match latency, brute-force ratio, recall against brute force, memory and
 * load time at 1,000 / 10,000 / 100,000 assets of real code. Each size runs in a child process
 * that loads fingerprints from a file, as the connector loads them from SQLite at start.
 * Run: npx tsx bench/engine.bench.ts
 */
import { spawnSync } from 'node:child_process'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { createEngine } from '../src/connector/server/engine'
import { createScannableEngine } from '../src/connector/server/engine/test-support/full-scan'
import {
  contiguousPart,
  editLines,
  seededRandom,
} from '../src/connector/server/engine/test-support/variants'
import { foundIn } from './connector-stats'
import { buildCorpus, readFingerprints, writeFingerprints } from './engine-corpus'

const MAX_SIZE = 100_000
const SIZES = [1_000, 10_000, MAX_SIZE]
const QUERIES = 400
const BRUTE_QUERIES = 40
/** Recall as the connector bench's: the brute-force top 5 at >= 0.7, in /suggestion's 10. */
const TOP = 5
const LIMIT = 10
const FLOOR = 0.7
/**
 * The run's own files, named by the parent's pid (children are told it): two runs at once, from
 * two checkouts, used to share one file, and a child read the other run's half-written corpus.
 */
const childAt = process.argv.indexOf('--child')
const runId = (childAt >= 0 ? process.argv[childAt + 2] : undefined) ?? String(process.pid)
const file = join(tmpdir(), `clipwise-engine-bench-${runId}.bin`)
const queriesFile = join(tmpdir(), `clipwise-engine-bench-${runId}-queries.json`)

const pct = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN

function prepare(): void {
  const t0 = performance.now()
  const corpus = buildCorpus(MAX_SIZE + 2_000)
  const library = corpus.slice(0, MAX_SIZE)
  const unrelated = corpus.slice(library.length)
  writeFingerprints(file, library)
  const random = seededRandom(11)
  const queries: { [size: number]: string[] } = {}
  for (const size of SIZES) {
    const list: string[] = []
    for (let i = 0; i < QUERIES; i++) {
      const kind = i % 4
      const source = library[Math.floor(random() * size)] ?? ''
      list.push(
        kind === 0
          ? contiguousPart(source, random)
          : kind === 1
            ? editLines(source, random)
            : kind === 2
              ? source
              : (unrelated[i] ?? ''),
      )
    }
    queries[size] = list
  }
  writeFileSync(queriesFile, JSON.stringify(queries))
  console.log(
    `corpus: ${library.length} distinct snippets of real code (+${unrelated.length} unrelated) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  )
}

/**
 * Reads `size` stored fingerprints into the engine in one `load`, as the connector does at start
 * (the file buffer is released afterwards).
 */
function loadInto(engine: ReturnType<typeof createEngine>, size: number): void {
  const stored = [...readFingerprints(readFileSync(file), size)]
  engine.load(stored.map((fingerprint, i) => ({ assetId: `asset-${i}`, fingerprint })))
}

function child(size: number): void {
  const rssBefore = process.memoryUsage().rss
  const t0 = performance.now()
  const engine = createScannableEngine()
  loadInto(engine, size)
  const loadMs = performance.now() - t0
  const queries =
    (JSON.parse(readFileSync(queriesFile, 'utf8')) as Record<string, string[]>)[String(size)] ?? []
  ;(globalThis as { gc?: () => void }).gc?.()
  const rss = process.memoryUsage().rss
  for (const q of queries.slice(0, 50)) engine.match(q) // warm-up
  const times: number[] = []
  for (const q of queries) {
    const s = performance.now()
    engine.match(q, 5)
    times.push(performance.now() - s)
  }
  times.sort((a, b) => a - b)
  const brute: number[] = []
  let relevant = 0
  let found = 0
  for (const q of queries
    .slice(0, BRUTE_QUERIES * 4)
    .filter((_, i) => i % 4 !== 3)
    .slice(0, BRUTE_QUERIES)
    .concat(queries.filter((_, i) => i % 4 === 3).slice(0, 10))) {
    const s = performance.now()
    const top = engine.scanAll(q, TOP)
    brute.push(performance.now() - s)
    const answer = engine.match(q, LIMIT)
    for (const m of top) {
      if (m.similarity < FLOOR) continue
      relevant++
      // As the connector bench counts: renamed look-alikes make hundreds of assets score >= 0.7
      // (every one of them was a "pair" before, and recall read 0.11 at 100,000).
      if (foundIn(answer, m, top.length)) found++
    }
  }
  brute.sort((a, b) => a - b)
  const med = pct(times, 0.5)
  console.log(
    JSON.stringify({
      size,
      matchMedianMs: med,
      matchP99Ms: pct(times, 0.99),
      bruteMedianMs: pct(brute, 0.5),
      ratio: pct(brute, 0.5) / med,
      recall: relevant === 0 ? 1 : found / relevant,
      relevant,
      rssMB: rss / 2 ** 20,
      rssBeforeMB: rssBefore / 2 ** 20,
      loadMs,
    }),
  )
}

function main(): void {
  if (childAt >= 0) return child(Number(process.argv[childAt + 1]))
  prepare()
  const rows: Record<string, number>[] = []
  for (const size of SIZES) {
    const run = spawnSync(
      process.execPath,
      ['--expose-gc', ...process.execArgv, __filename, '--child', String(size), runId],
      { encoding: 'utf8' },
    )
    const line = run.stdout.trim().split('\n').pop() ?? '{}'
    if (run.status !== 0) console.error(run.stderr)
    rows.push(JSON.parse(line) as Record<string, number>)
  }
  rmSync(file, { force: true })
  rmSync(queriesFile, { force: true })
  const f = (n: number | undefined, d = 2): string => (n === undefined ? '-' : n.toFixed(d))
  console.log(
    '\n| assets | match median ms | match p99 ms | brute-force median ms | ratio | recall@0.7 (pairs) | RSS MB (process at start) | load ms |',
  )
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|')
  for (const r of rows) {
    console.log(
      `| ${r.size} | ${f(r.matchMedianMs, 3)} | ${f(r.matchP99Ms, 3)} | ${f(r.bruteMedianMs)} | ${f(r.ratio, 0)}× | ${f(r.recall, 3)} (${r.relevant}) | ${f(r.rssMB, 0)} (${f(r.rssBeforeMB, 0)}) | ${f(r.loadMs, 0)} |`,
    )
  }
  console.log(
    '\nLoad = reading the fingerprint file + decoding + indexing (`engine.load`, as at connector start); the connector adds its SQLite read (see the connector bench: start in-process ms). Queries: 1/4 partial copies, 1/4 edited, 1/4 exact, 1/4 unrelated.',
  )
}

main()
