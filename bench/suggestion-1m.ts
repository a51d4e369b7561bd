// The /suggestion match at 1,000,000 snippets, in-process, for two or more checkouts compared in
// one window: a library built as the team bench builds it (the first 100,000 texts of the bench
// corpus, then copies with the same fingerprint and exact hash under new asset ids, ten of each)
// and its queries (re-indented texts drawn from the first 300,000 of the corpus, seed 7). Each run
// is a child process of one checkout's engine; runs alternate between checkouts. Prints match CPU
// median / p99, how many queries ran the deep pass (second `candidates` call), and a digest of
// every answer (equal digests, equal answers), then where the slowest 1% of queries spent their
// time. Never fails on time.
// Run: node --import tsx bench/suggestion-1m.ts [--trees=/work/a,/work/b] [--runs=2] [--size=N]
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { reindent, seededRandom } from '../src/connector/server/engine/test-support/variants'
import { buildCorpus, fingerprintBytes, readFingerprints } from './engine-corpus'

const arg = (name: string): string | undefined =>
  new RegExp(`--${name}=(\\S+)`).exec(process.argv.join(' '))?.[1]
const SIZE = Number(arg('size') ?? 1_000_000)
const DISTINCT = 100_000
const BASE = 300_000
const QUERIES = 600
const WARMUP = 100
const LIMIT = 10
const dir = join(tmpdir(), 'clipwise-suggestion-1m')

interface Engine {
  fingerprint(text: string): { exactHash: string; data: Uint8Array }
  load(
    assets: Iterable<{ assetId: string; fingerprint: { exactHash: string; data: Uint8Array } }>,
  ): void
  match(text: string, limit?: number): { assetId: string; similarity: number; exact: boolean }[]
}
interface Index {
  candidates(sketch: unknown, wanted?: number, more?: { deep?: boolean }): unknown
}
type EngineModule = { createEngine(options?: { index?: unknown }): Engine }
type IndexModule = {
  createNearIndex(): Index
  /** Absent in checkouts before posting reads were counted. */
  inspectNearIndex?(index: Index): { entriesRead?: number }
}

const load = async (tree: string) => ({
  engine: (await import(join(tree, 'src/connector/server/engine/index.ts'))) as EngineModule,
  index: (await import(
    join(tree, 'src/connector/server/engine/reuse/near-index.ts')
  )) as IndexModule,
})

/** The corpus texts (cached: both checkouts read the same ones). */
function corpus(): string[] {
  const file = join(dir, `corpus-${BASE}.json`)
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as string[]
  const texts = buildCorpus(BASE)
  writeFileSync(file, JSON.stringify(texts))
  return texts
}

/** The distinct texts' fingerprints by a checkout's engine, cached under its format's magic. */
function fingerprints(engine: Engine, texts: readonly string[]): Buffer {
  const format = Buffer.from(engine.fingerprint('format').data.subarray(0, 4)).toString('hex')
  const file = join(dir, `fingerprints-${DISTINCT}-${format}.bin`)
  if (existsSync(file)) return readFileSync(file)
  const bytes = fingerprintBytes(engine, texts.slice(0, DISTINCT))
  writeFileSync(file, bytes)
  return bytes
}

function uuidOf(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`
}

function* assets(bytes: Buffer) {
  const random = seededRandom(5)
  for (const fingerprint of readFingerprints(bytes, SIZE))
    yield { assetId: uuidOf(random), fingerprint }
}

async function child(tree: string): Promise<void> {
  const { engine: e, index: i } = await load(tree)
  const texts = corpus()
  const index = i.createNearIndex()
  const engine = e.createEngine({ index })
  const bytes = fingerprints(engine, texts)
  const t0 = performance.now()
  engine.load(assets(bytes))
  const loadMs = performance.now() - t0
  const random = seededRandom(7)
  const queries = Array.from({ length: QUERIES + WARMUP }, () =>
    reindent(texts[Math.floor(random() * texts.length)] ?? ''),
  )
  // The deep pass is the query's second `candidates` call, with `deep` (both versions).
  let deep = 0
  let firstMs = 0
  let deepMs = 0
  // This query's share of them, for the slowest queries' breakdown.
  let queryFirst = 0
  let queryDeep = 0
  const candidates = index.candidates.bind(index)
  index.candidates = (sketch, wanted, more) => {
    const t = performance.now()
    const found = candidates(sketch, wanted, more)
    const spent = performance.now() - t
    if (more?.deep) {
      deep++
      deepMs += spent
      queryDeep += spent
    } else {
      firstMs += spent
      queryFirst += spent
    }
    return found
  }
  const reads = () => i.inspectNearIndex?.(index).entriesRead ?? NaN
  for (const q of queries.slice(0, WARMUP)) engine.match(q, LIMIT)
  deep = 0
  firstMs = 0
  deepMs = 0
  const cpu: number[] = []
  const wall: number[] = []
  const digest = createHash('sha1')
  const parts: { wall: number; first: number; deep: number; reads: number; lines: number }[] = []
  for (const q of queries.slice(WARMUP)) {
    queryFirst = 0
    queryDeep = 0
    const read = reads()
    const w = performance.now()
    const before = process.cpuUsage()
    const found = engine.match(q, LIMIT)
    const used = process.cpuUsage(before)
    wall.push(performance.now() - w)
    cpu.push((used.user + used.system) / 1000)
    const lines = q.split('\n').length
    parts.push({
      wall: wall.at(-1) ?? 0,
      first: queryFirst,
      deep: queryDeep,
      reads: reads() - read,
      lines,
    })
    for (const m of found) digest.update(`${m.assetId} ${m.similarity} ${m.exact};`)
    digest.update('\n')
  }
  const pct = (xs: number[], p: number) =>
    [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? NaN
  console.log(
    JSON.stringify({
      tree,
      loadS: loadMs / 1000,
      cpuMedian: pct(cpu, 0.5),
      cpuP99: pct(cpu, 0.99),
      wallMedian: pct(wall, 0.5),
      wallP99: pct(wall, 0.99),
      deep,
      firstMs,
      deepMs,
      answers: digest.digest('hex').slice(0, 12),
      // The slowest 1% by wall time: where their time went (the rest is sketching the query
      // and re-scoring candidates).
      tail: parts
        .sort((a, b) => b.wall - a.wall)
        .slice(0, Math.ceil(parts.length / 100))
        .map(
          (p) =>
            `${p.wall.toFixed(1)} ms: first ${p.first.toFixed(1)}, deep ${p.deep.toFixed(1)}, rest ${(p.wall - p.first - p.deep).toFixed(1)}; ${p.reads} entries read; ${p.lines} lines`,
        ),
    }),
  )
}

async function main(): Promise<void> {
  const childAt = process.argv.indexOf('--child')
  if (childAt >= 0) return child(process.argv[childAt + 1] ?? '.')
  mkdirSync(dir, { recursive: true })
  const trees = (arg('trees') ?? process.cwd()).split(',')
  const runs = Number(arg('runs') ?? 2)
  console.log(`${SIZE} snippets, ${QUERIES} queries (limit ${LIMIT}), runs alternate by checkout`)
  console.log(
    '| run | checkout | load s | CPU median ms | CPU p99 ms | wall median | wall p99 | deep passes | candidates ms first / deep | answers |',
  )
  console.log('|---:|---|---:|---:|---:|---:|---:|---:|---|---|')
  const tails: string[] = []
  for (let run = 1; run <= runs; run++) {
    for (const tree of trees) {
      const out = spawnSync(
        process.execPath,
        ['--expose-gc', ...process.execArgv, __filename, '--child', tree, `--size=${SIZE}`],
        { encoding: 'utf8', maxBuffer: 1 << 24 },
      )
      if (out.status !== 0) console.error(out.stderr)
      const r = JSON.parse(out.stdout.trim().split('\n').pop() ?? '{}') as Record<
        string,
        number
      > & { tail?: string[] }
      const f = (n: number | undefined, d = 2) => (n === undefined ? '-' : n.toFixed(d))
      console.log(
        `| ${run} | ${tree} | ${f(r.loadS, 1)} | ${f(r.cpuMedian)} | ${f(r.cpuP99)} | ${f(r.wallMedian)} | ${f(r.wallP99)} | ${r.deep} | ${f(r.firstMs, 0)} / ${f(r.deepMs, 0)} | ${r.answers} |`,
      )
      tails.push(`slowest 1% of run ${run}, ${tree}:`, ...(r.tail ?? []).map((t) => `  ${t}`))
    }
  }
  console.log(tails.join('\n'))
}

void main()
