// The team library at scale: a private PostgreSQL cluster holding N teammates' snippets (default
// 1,000,000: the machine's real code and renamed-and-edited copies of it, up to --distinct texts
// fingerprinted here, then whitespace copies made by PostgreSQL itself), then a fresh
// `clipwise connector --team` process that pulls them all. Prints the engine index's bytes per
// snippet by structure, the first pull's time and rate, the connector's RSS after it, /suggestion
// median and p99 (timed from a lean client process, ratio to the same connector before the pull),
// and steady-state sync lag: a teammate pushes, and the time until this connector suggests that
// save for reuse. Never fails on time.
// Run: npm run bench -- team [--size=100000] [--distinct=100000] [--profile=DIR] [--keep=DIR]
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { randomUUID } from 'node:crypto'
import { createEngine } from '../src/connector/server/engine'
import { decodeSketch } from '../src/connector/server/engine/reuse/codec'
import { createNearIndex, inspectNearIndex } from '../src/connector/server/engine/reuse/near-index'
import { contentHash } from '../src/connector/server/team/apply-pull'
import { pushBatch } from '../src/connector/server/team/remote'
import { clientConfig } from '../src/connector/server/team/team-options'
import {
  postgresUnavailable,
  startTestPostgres,
  type TestPostgres,
} from '../src/connector/server/team/test-support/postgres'
import { eventually, teamClient } from '../src/connector/server/team/test-support/team-client'
import {
  editLines,
  renameIdentifiers,
  reindent,
  seededRandom,
} from '../src/connector/server/engine/test-support/variants'
import { spawnConnector, waitForUrl } from '../src/connector/server/test-support/spawn-connector'
import { bundleCli } from './connector-process'
import { printTable, summarize } from './connector-stats'
import { buildCorpus } from './engine-corpus'
import type { ClientJob, ClientResult } from './suggestion-client'

const SIZE = Number(/--size=(\d+)/.exec(process.argv.join(' '))?.[1] ?? 1_000_000)
/** `--profile=DIR`: the pulling connector writes a CPU profile of its run there (`node --cpu-prof`). */
const PROFILE = /--profile=(\S+)/.exec(process.argv.join(' '))?.[1]
/** `--keep=DIR`: the pulled connector's data folder is moved there at the end (to study it again). */
const KEEP = /--keep=(\S+)/.exec(process.argv.join(' '))?.[1]
/**
 * Distinct texts fingerprinted here (default up to 100,000); the rest of the library is made by
 * PostgreSQL itself as whitespace copies of them (see `copyOnServer`).
 */
const DISTINCT = Math.min(
  SIZE,
  Number(/--distinct=(\d+)/.exec(process.argv.join(' '))?.[1] ?? 100_000),
)
const SEED_BATCH = 5_000
const QUERIES = 1_000
const WARMUP = 200
const LAG_SAMPLES = 40
const TEAMMATES = ['alex', 'sam', 'kim', 'lee', 'ana', 'raj', 'eva', 'tom', 'mia', 'joe']

/** The process's RSS now (`VmRSS`), or its high-water mark since it started (`VmHWM`). */
function residentMiB(pid: number | undefined, field: 'VmRSS' | 'VmHWM' = 'VmRSS'): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    return Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1]) / 1024
  } catch {
    return Number.NaN
  }
}

/** N distinct snippets: real ones first, then edited copies of them, made batch by batch. */
function* snippets(base: readonly string[], total: number): Generator<string> {
  const seen = new Set<string>()
  const random = seededRandom(15)
  let made = 0
  for (const text of base) {
    if (made >= total) return
    seen.add(contentHash(text))
    made++
    yield text
  }
  for (let round = 0; made < total && round < 20; round++) {
    for (const text of base) {
      if (made >= total) return
      const variant = editLines(
        round % 2 ? reindent(renameIdentifiers(text)) : renameIdentifiers(text),
        random,
      )
      const hash = contentHash(variant)
      if (seen.has(hash)) continue
      seen.add(hash)
      made++
      yield variant
    }
  }
}

/** Fills the team library straight in PostgreSQL (as N saves by ten teammates would). */
async function seedLibrary(cluster: TestPostgres, base: readonly string[]): Promise<number> {
  const client = new pg.Client({
    connectionString: `postgres://postgres@/team?host=${encodeURIComponent(cluster.socketDir)}&port=${cluster.port}`,
  })
  await client.connect()
  let count = 0
  try {
    // The writers' trigger would make the seeding role the owner of every snippet.
    await client.query('ALTER TABLE clipwise_assets DISABLE TRIGGER clipwise_assets_writers')
    // Each teammate's connector sends its fingerprint with the text (pullers of the same engine
    // format use it).
    const engine = createEngine()
    let batch: string[] = []
    const flush = async () => {
      const hashes = batch.map(contentHash)
      const prints = batch.map((text) => engine.fingerprint(text))
      const owners = batch.map((_, i) => TEAMMATES[(count + i) % TEAMMATES.length] as string)
      const at = new Date(Date.now() - 86_400_000).toISOString()
      await client.query(
        `INSERT INTO clipwise_contents (hash, text, byte_size, exact_hash, fingerprint)
         SELECT h, t, octet_length(t), e, f
         FROM unnest($1::text[], $2::text[], $3::text[], $4::bytea[]) AS u(h, t, e, f)
         ON CONFLICT DO NOTHING`,
        [hashes, batch, prints.map((p) => p.exactHash), prints.map((p) => Buffer.from(p.data))],
      )
      await client.query(
        `INSERT INTO clipwise_assets (id, seq, owner, owner_name, content, created_at, name, name_at,
           name_by, tags, tags_at, tags_by, language, language_at, language_by)
         SELECT gen_random_uuid()::text, nextval('clipwise_seq'), o, initcap(o), h, $3, 'snippet ' || n,
           $3, o, '{}', $3, o, 'txt', $3, o
         FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS u(h, o, n)`,
        [hashes, owners, at],
      )
      count += batch.length
      batch = []
      if (count % 100_000 === 0) console.log(`  seeded ${count.toLocaleString()}`)
    }
    for (const text of snippets(base, DISTINCT)) {
      batch.push(text)
      if (batch.length === SEED_BATCH) await flush()
    }
    if (batch.length > 0) await flush()
    count += await copyOnServer(client, SIZE - count, engine)
    await client.query('ALTER TABLE clipwise_assets ENABLE TRIGGER clipwise_assets_writers')
    await client.query('ANALYZE')
  } finally {
    await client.end()
  }
  return count
}

/**
 * Tops the library up to its size in PostgreSQL alone (1,000,000 fingerprints made in Node took
 * ~25 min here): copies of the distinct texts with `g` spaces at the end of their first line. The
 * engine drops trailing spaces when it normalises, so each copy is a text of its own (its own
 * content hash) whose sender's fingerprint is still valid for it, as a teammate's would be.
 * Returns how many snippets it made.
 */
async function copyOnServer(
  client: pg.Client,
  wanted: number,
  engine: ReturnType<typeof createEngine>,
): Promise<number> {
  let made = 0
  if (wanted <= 0) return 0
  await client.query('CREATE TEMP TABLE originals AS SELECT * FROM clipwise_contents')
  for (let g = 1; made < wanted; g++) {
    const spaced = `CASE WHEN position(chr(10) in c.text) > 0
      THEN overlay(c.text placing repeat(' ', ${g}) || chr(10) from position(chr(10) in c.text) for 1)
      ELSE c.text || repeat(' ', ${g}) END`
    const result = await client.query(
      `WITH source AS (
         SELECT ${spaced} AS t, c.exact_hash, c.fingerprint FROM originals c LIMIT $1
       ), made AS (
         INSERT INTO clipwise_contents (hash, text, byte_size, exact_hash, fingerprint)
         SELECT translate(rtrim(encode(sha256(convert_to(t, 'UTF8')), 'base64'), '='), '+/', '-_'),
           t, octet_length(t), exact_hash, fingerprint FROM source
         ON CONFLICT DO NOTHING RETURNING hash
       )
       INSERT INTO clipwise_assets (id, seq, owner, owner_name, content, created_at, name, name_at,
         name_by, tags, tags_at, tags_by, language, language_at, language_by)
       SELECT gen_random_uuid()::text, nextval('clipwise_seq'), o, initcap(o), hash, $3,
         'snippet ' || (n + $4), $3, o, '{}', $3, o, 'txt', $3, o
       FROM (SELECT hash, row_number() OVER () AS n FROM made) m,
         LATERAL (SELECT ($2::text[])[1 + (n % ${TEAMMATES.length})] AS o) w`,
      [wanted - made, TEAMMATES, new Date(Date.now() - 86_400_000).toISOString(), made],
    )
    made += result.rowCount ?? 0
    console.log(`  copied ${made.toLocaleString()} on the server (${g} trailing spaces)`)
    if ((result.rowCount ?? 0) === 0) break
  }
  const sample = await client.query<{ text: string; exact_hash: string }>(
    `SELECT text, exact_hash FROM clipwise_contents c
     WHERE NOT EXISTS (SELECT 1 FROM originals o WHERE o.hash = c.hash) LIMIT 500`,
  )
  const valid = sample.rows.filter((r) => engine.exactHash?.(r.text) === r.exact_hash).length
  console.log(
    `  copies whose sent fingerprint is valid for their text: ${valid}/${sample.rowCount}`,
  )
  return made
}

/**
 * Bytes per snippet of the engine's index, by structure, measured in this process on the distinct
 * fingerprints (a copy costs the same as its original: every slot keeps its sketch and postings).
 */
async function measureIndex(cluster: TestPostgres): Promise<void> {
  const rows = (
    await cluster.admin(
      'team',
      `SELECT exact_hash, fingerprint FROM clipwise_contents c
       WHERE fingerprint IS NOT NULL ORDER BY c.created_at, c.hash LIMIT ${DISTINCT}`,
    )
  ).rows as { exact_hash: string; fingerprint: Buffer }[]
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined)
  gc()
  const before = process.memoryUsage()
  const index = createNearIndex()
  index.load(rows, (r) => ({
    assetId: randomUUID(),
    exactHash: r.exact_hash,
    sketch: decodeSketch(new Uint8Array(r.fingerprint)),
  }))
  gc()
  const after = process.memoryUsage()
  const inside = inspectNearIndex(index)
  const f = inside.bytes()
  const per = (bytes: number) => (bytes / inside.slots).toFixed(0)
  const heap = after.heapUsed - before.heapUsed
  printTable(
    ['index bytes/snippet', 'sketch pool', 'postings', 'slot table', 'JS heap', 'sum'],
    [
      [
        `${inside.slots.toLocaleString()} snippets`,
        per(f.sketches),
        per(f.postings),
        per(f.slots),
        per(heap),
        per(f.sketches + f.postings + f.slots + heap),
      ],
    ],
  )
  console.log(
    "  postings: compacted runs of 4-byte slots (keys once, by hash bucket) and a chained tail of new saves; slot table: ids, exact hashes, anchor counts and their lookups in typed arrays; the sketch pool holds each sketch's u16 parts",
  )
}

async function timeSuggestions(url: string, queries: string[]): Promise<ClientResult> {
  const dir = mkdtempSync(join(tmpdir(), 'clipwise-team-client-'))
  const file = join(dir, 'job.json')
  const job: ClientJob = { url, warmup: queries.slice(0, WARMUP), suggest: queries, save: [] }
  writeFileSync(file, JSON.stringify(job))
  const child = spawn(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', join(import.meta.dirname, 'suggestion-client.ts'), file],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  )
  let out = ''
  child.stdout.on('data', (c: Buffer) => (out += c.toString()))
  await once(child, 'exit')
  rmSync(dir, { recursive: true, force: true })
  return JSON.parse(out) as ClientResult
}

async function main() {
  const skip = postgresUnavailable()
  if (skip) {
    console.log(`team bench skipped: ${skip}`)
    return
  }
  console.log(`team library of ${SIZE.toLocaleString()} snippets`)
  const cluster = await startTestPostgres({
    hosts: ['127.0.0.1'],
    settings: { shared_buffers: "'256MB'", max_wal_size: "'2GB'" },
  })
  const work = mkdtempSync(join(tmpdir(), 'clipwise-team-bench-'))
  const stops: (() => Promise<void>)[] = []
  try {
    await cluster.createTeamDatabase('team', { reader: 'reader-pw', writer: 'writer-pw' })
    const base = buildCorpus(Math.min(SIZE, 300_000))
    let t = performance.now()
    const seeded = await seedLibrary(cluster, base)
    console.log(
      `seeded ${seeded.toLocaleString()} in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    )
    await measureIndex(cluster)
    const random = seededRandom(7)
    const queries = Array.from({ length: QUERIES + WARMUP }, () =>
      reindent(base[Math.floor(random() * base.length)] ?? ''),
    )

    const cli = bundleCli()
    const start = async (role: 'reader' | 'baseline', share: boolean) => {
      process.env.PGPASSWORD = `${role}-pw`
      const team =
        role === 'baseline'
          ? []
          : [
              '--team',
              cluster.url(role, 'team', '127.0.0.1'),
              ...(share ? ['--share-new-saves'] : []),
            ]
      const proc = spawnConnector(join(work, role), team, cli)
      stops.push(async () => {
        proc.child.kill('SIGTERM')
        await proc.exited
      })
      return { url: await waitForUrl(proc, 60_000), pid: proc.child.pid }
    }

    const baseline = await start('baseline', false)
    const before = await timeSuggestions(baseline.url, queries.slice(0, 300))
    await stops.pop()?.()

    t = performance.now()
    if (PROFILE) process.env.NODE_OPTIONS = `--cpu-prof --cpu-prof-dir=${PROFILE}`
    const reader = await start('reader', false)
    delete process.env.NODE_OPTIONS
    const readerClient = await teamClient(reader.url)
    const cursorGoal = Number(
      (await cluster.admin('team', 'SELECT max(seq)::bigint AS m FROM clipwise_assets')).rows[0].m,
    )
    let peak = 0
    // How long the connector keeps a request waiting while it pulls (its one thread applies rows).
    const statusMs: number[] = []
    await eventually(
      'the first pull',
      async () => {
        // One question each 250 ms at most: each costs the connector work of its own.
        await new Promise((resolve) => setTimeout(resolve, 230))
        peak = Math.max(peak, residentMiB(reader.pid))
        const asked = performance.now()
        const { cursor } = await readerClient.status()
        statusMs.push(performance.now() - asked)
        return cursor >= cursorGoal
      },
      3_600_000,
    )
    const pullSeconds = (performance.now() - t) / 1000
    // The kernel's high-water mark sees the peaks that a sample each 250 ms misses (a merge of
    // the index's postings lasts less).
    const highWater = residentMiB(reader.pid, 'VmHWM')
    await new Promise((resolve) => setTimeout(resolve, 3_000))
    const rssAfterPull = residentMiB(reader.pid)
    const timed = await timeSuggestions(reader.url, queries)
    const rssAfterQueries = residentMiB(reader.pid)

    // A teammate's push, made as their connector makes it (same statements, same lock, NOTIFY).
    const writer = new pg.Client(
      clientConfig({ url: cluster.url('writer', 'team', '127.0.0.1'), password: 'writer-pw' }),
    )
    await writer.connect()
    stops.push(() => writer.end())
    const engine = createEngine()
    const lags: number[] = []
    for (let i = 0; i < LAG_SAMPLES; i++) {
      const text = `export function teamLag${i}(order) {\n  const total = order.lines.reduce((s, l) => s + l.qty * l.price * ${i + 3}, 0)\n  return Math.round(total * 100) / 100\n}`
      const at = new Date().toISOString()
      const stamp = { at, by: 'writer' }
      const saved = performance.now()
      await pushBatch(writer, [
        {
          kind: 'put',
          id: `lag-${i}-${Date.now()}`,
          ownerName: 'Writer',
          hash: contentHash(text),
          text,
          fingerprint: engine.fingerprint(text),
          createdAt: at,
          values: { name: `lag ${i}`, tags: [], language: 'js' },
          stamps: { name: stamp, tags: stamp, language: stamp },
        },
      ])
      await eventually(
        'the lag sample',
        async () => (await readerClient.suggest(text)).reuse.suggested,
        30_000,
      ).catch(async (error: unknown) => {
        throw new Error(`${String(error)}; reader: ${JSON.stringify(await readerClient.status())}`)
      })
      lags.push(performance.now() - saved)
    }

    const s = summarize(timed.suggestMs)
    const b = summarize(before.suggestMs)
    const lag = summarize(lags)
    const waited = summarize(statusMs)
    printTable(
      [
        'team snippets',
        'first pull s',
        'rows/s',
        'RSS MiB',
        'peak MiB in pull',
        'suggest med ms',
        'p99 ms',
        'p99 ratio',
        'lag med ms',
        'lag p99 ms',
        'status in pull med / p99 / max ms',
      ],
      [
        [
          seeded.toLocaleString(),
          pullSeconds.toFixed(1),
          Math.round(seeded / pullSeconds).toLocaleString(),
          `${rssAfterPull.toFixed(0)} (${rssAfterQueries.toFixed(0)} after queries)`,
          `${highWater.toFixed(0)} (sampled ${peak.toFixed(0)})`,
          s.median.toFixed(2),
          s.p99.toFixed(2),
          (s.p99 / b.p99).toFixed(1),
          lag.median.toFixed(0),
          lag.p99.toFixed(0),
          `${waited.median.toFixed(0)} / ${waited.p99.toFixed(0)} / ${Math.max(...statusMs).toFixed(0)}`,
        ],
      ],
    )
    console.log(
      `p99 ratio: against a connector without a team library (empty: median ${b.median.toFixed(2)} ms, p99 ${b.p99.toFixed(2)} ms). Lag: a teammate's push committed until this connector suggests it for reuse (NOTIFY, pull, index), ${LAG_SAMPLES} samples. Status in pull: the team status asked over HTTP while the first pull ran (${statusMs.length} requests), how long each waited for the connector's thread.`,
    )
  } finally {
    for (const stop of stops.reverse()) await stop().catch(() => undefined)
    cluster.destroy()
    if (KEEP) renameSync(join(work, 'reader'), KEEP)
    rmSync(work, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
