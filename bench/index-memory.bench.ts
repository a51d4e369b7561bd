/**
 * Engine index memory at scale, in-process: RSS and bytes per snippet after `engine.load` of
 * 100,000 / 300,000 / 1,000,000 snippets, load time, and match median / p99. The library is
 * 200,000 distinct snippets of real code fingerprinted here; past that, each fingerprint is filed
 * again under a new asset id and exact hash (as the team bench's copies: the same sketch, so the
 * same anchors). Each size runs in its own child process (`--expose-gc`), which also prints a
 * digest of every answer so that two versions of the index can be checked for the same answers.
 * Never fails on time.
 * Run: npm run bench -- index [--sizes=100000,1000000]
 */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createEngine } from '../src/connector/server/engine'
import {
  contiguousPart,
  editLines,
  seededRandom,
} from '../src/connector/server/engine/test-support/variants'
import { buildCorpus, readFingerprints, writeFingerprints } from './engine-corpus'

const DISTINCT = 200_000
const SIZES = (/--sizes=([\d,]+)/.exec(process.argv.join(' '))?.[1] ?? '100000,300000,1000000')
  .split(',')
  .map(Number)
const QUERIES = 400
const WARMUP = 50
/**
 * The stored format's magic and version, from a fingerprint made now: the cached files are named
 * by it, since a file written by an older engine decodes to no sketch at all (at 1,000,000 such
 * assets the index held only its slot table: 125 B/snippet, answers from exact hashes alone).
 */
const format = Buffer.from(createEngine().fingerprint('format').data.subarray(0, 4)).toString('hex')
const file = join(tmpdir(), `clipwise-index-bench-${DISTINCT}-${format}.bin`)
const queriesFile = join(tmpdir(), `clipwise-index-bench-${DISTINCT}-${format}-queries.json`)

const pct = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN
const mib = (bytes: number): number => bytes / 2 ** 20
const peakMiB = (): number =>
  Number(/^VmHWM:\s+(\d+)/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]) / 1024

/** Fingerprints the corpus once (kept in tmpdir: both versions compared read the same file). */
function prepare(): void {
  if (existsSync(file) && existsSync(queriesFile)) return
  const t0 = performance.now()
  const corpus = buildCorpus(DISTINCT + QUERIES)
  const library = corpus.slice(0, DISTINCT)
  const unrelated = corpus.slice(library.length)
  writeFingerprints(file, library)
  const random = seededRandom(23)
  const queries = Array.from({ length: QUERIES }, (_, i) => {
    const source = library[Math.floor(random() * library.length)] ?? ''
    const kind = i % 4
    if (kind === 0) return contiguousPart(source, random)
    if (kind === 1) return editLines(source, random)
    return kind === 2 ? source : (unrelated[i] ?? '')
  })
  writeFileSync(queriesFile, JSON.stringify(queries))
  console.log(
    `corpus: ${library.length} distinct snippets fingerprinted in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  )
}

/** A UUID-shaped asset id from the seeded generator (the connector's ids are random UUIDs). */
function uuidOf(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`
}

/** `size` assets streamed from the fingerprint file, as the connector streams SQLite rows. */
function* assets(bytes: Buffer, size: number) {
  const random = seededRandom(5)
  let i = 0
  for (const { exactHash: real, data } of readFingerprints(bytes, size)) {
    const exactHash =
      i < DISTINCT ? real : createHash('sha256').update(`${real}:${i}`).digest('base64url')
    i++
    yield { assetId: uuidOf(random), fingerprint: { exactHash, data } }
  }
}

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined)

/**
 * Loads `size` assets and measures memory around it. The file is read before the first measure
 * and is still held at the second, so both count it; it is dropped when this returns.
 */
function loadMeasured(engine: ReturnType<typeof createEngine>, size: number) {
  const bytes = readFileSync(file)
  gc()
  const before = process.memoryUsage()
  const t0 = performance.now()
  engine.load(assets(bytes, size))
  const loadMs = performance.now() - t0
  gc()
  const after = process.memoryUsage()
  return { before, after, loadMs, peak: peakMiB() - mib(bytes.byteLength) }
}

function child(size: number): void {
  const queries = JSON.parse(readFileSync(queriesFile, 'utf8')) as string[]
  const engine = createEngine()
  const { before, after, loadMs, peak } = loadMeasured(engine, size)
  gc()
  const rss = process.memoryUsage().rss
  for (const q of queries.slice(0, WARMUP)) engine.match(q)
  const times: number[] = []
  const digest = createHash('sha1')
  for (const q of queries) {
    const s = performance.now()
    const found = engine.match(q, 5)
    times.push(performance.now() - s)
    for (const m of found) digest.update(`${m.assetId} ${m.similarity} ${m.exact};`)
    digest.update('\n')
  }
  times.sort((a, b) => a - b)
  console.log(
    JSON.stringify({
      size,
      rssMiB: mib(rss),
      bytesPerSnippet: (after.rss - before.rss) / size,
      heapPerSnippet: (after.heapUsed - before.heapUsed) / size,
      peakMiB: peak,
      highWaterMiB: peakMiB(),
      loadMs,
      matchMedianMs: pct(times, 0.5),
      matchP99Ms: pct(times, 0.99),
      answers: digest.digest('hex').slice(0, 12),
    }),
  )
}

function main(): void {
  const childAt = process.argv.indexOf('--child')
  if (childAt >= 0) return child(Number(process.argv[childAt + 1]))
  prepare()
  const f = (n: number | undefined, d = 0): string => (n === undefined ? '-' : n.toFixed(d))
  console.log(
    '\n| snippets | RSS MiB | B/snippet (RSS) | JS heap B/snippet | peak RSS MiB | high-water MiB | load ms | match median ms | match p99 ms | answers |',
  )
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|')
  for (const size of SIZES) {
    const run = spawnSync(
      process.execPath,
      ['--expose-gc', ...process.execArgv, __filename, '--child', String(size)],
      { encoding: 'utf8' },
    )
    if (run.status !== 0) console.error(run.stderr)
    const r = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as Record<string, number>
    console.log(
      `| ${size} | ${f(r.rssMiB)} | ${f(r.bytesPerSnippet)} | ${f(r.heapPerSnippet)} | ${f(r.peakMiB)} | ${f(r.highWaterMiB)} | ${f(r.loadMs)} | ${f(r.matchMedianMs, 3)} | ${f(r.matchP99Ms, 3)} | ${r.answers} |`,
    )
  }
  console.log(
    '\nRSS: the process after load, the fingerprint file dropped. B/snippet: RSS after load minus before, over snippets (the index and what the engine keeps). Peak: high-water RSS less the file, read after load; high-water: the whole high-water RSS of the process (file included), read after the queries. Answers: digest of every match (asset ids, similarities); equal digests, equal answers.',
  )
}

main()
