import pg from 'pg'
import type { SuggestionEngine } from '../engine'
import type { ConnectorStore } from '../storage'
import { applyPulled } from './apply-pull'
import {
  markPushed,
  pendingChanges,
  pendingCount,
  readMeta,
  refusedCount,
  setLibrary,
} from './ledger'
import { adoptLibrary } from './library-switch'
import { planPush } from './push-plan'
import { pullBatch, pushBatch, readLibrary } from './remote'
import {
  clientConfig,
  describeLibrary,
  expectedRole,
  redactUrl,
  type TeamOptions,
} from './team-options'
import { migrateTeamSchema, NOTIFY_CHANNEL } from './team-schema'
import { withTeam, type TeamPolicy, type TeamStore } from './team-store'

/** What the team sync is doing, as `GET /team/status` reports it. */
export interface TeamStatus {
  configured: boolean
  state: 'off' | 'connecting' | 'online' | 'offline'
  /** Database and host, never credentials. */
  where?: string
  library?: { id: string; name: string }
  role?: string
  /** Snippets with changes waiting in the outbox. */
  pending: number
  /** The user's snippets kept out of the team because they hold a credential. */
  refused: number
  /** The last team change applied here (the pull cursor). */
  cursor: number
  lastPullAt?: string
  lastPushAt?: string
  error?: string
}

export interface Team {
  /** The store to serve from: saves, edits and deletions queue their team changes with them. */
  readonly store: TeamStore
  status(): TeamStatus
  /** Points the sync at another team library (or none); local data stays. */
  configure(options: TeamOptions | undefined): Promise<void>
  close(): Promise<void>
}

export interface TeamDeps {
  store: ConnectorStore
  engine: SuggestionEngine
  options?: TeamOptions
  /** Written into the application record pulled snippets are filed under. */
  version: string
  /** Told of every change of state (the CLI prints them). */
  onStatus?: (status: TeamStatus) => void
}

const PUSH_PAGE = 100
/**
 * Pulled rows applied per SQLite transaction at most; the event loop breathes between them. The
 * commits cost little (synchronous=NORMAL during a pull, see `withoutFsync`), so the bound that
 * matters is time: a transaction of 1,000 rows held the connector's only thread ~0.5 s on a quiet
 * machine, and a /.well-known/health asked during a first pull under load waited 2.6 s.
 */
const APPLY_CHUNK = 1_000
const APPLY_CHUNK_MIN = 25
/** Time one transaction of pulled rows aims at, the next chunk sized from the last one's pace. */
const APPLY_SLICE_MS = 40
/**
 * Pulled snippets added to the engine one by one, from which the end of a pull compacts its
 * index (`SuggestionEngine.compact`): up to an eighth of a large library is otherwise left in
 * the postings' chained tail, read entry by entry by every query.
 */
const COMPACT_AFTER = 10_000

/**
 * Local first, team second: the connector serves from SQLite whatever PostgreSQL does, and this
 * keeps one connection to the team library that pushes the outbox, pulls by cursor when a
 * NOTIFY (or the poll timer) says something changed, and reconnects by itself with backoff.
 */
export function createTeam(deps: TeamDeps): Team {
  const { store: plain, engine } = deps
  let options = deps.options
  const reads = plain.transaction((sql) => sql)
  const meta = (key: string) => readMeta(reads, key)
  /**
   * Pulled pages commit without the fsync (WAL with `synchronous = NORMAL` stays consistent; a
   * power cut loses at most the last pages and the cursor with them, so they are pulled again).
   * The user's own saves keep FULL: it is set back before anything else can run. In-process at
   * 5,000 pulled rows (loaded machine) the commits were a fifth of the apply time.
   */
  const withoutFsync = <T>(work: () => T): T => {
    reads('PRAGMA synchronous = NORMAL').run()
    try {
      return work()
    } finally {
      reads('PRAGMA synchronous = FULL').run()
    }
  }
  const state: Omit<TeamStatus, 'pending' | 'refused' | 'cursor' | 'configured'> = { state: 'off' }
  let wantPull = false
  let wantPush = false
  let wake: (() => void) | undefined
  let generation = 0
  let running: Promise<void> = Promise.resolve()
  let client: pg.Client | undefined
  let applicationId: string | undefined
  /** Snippets pulled into the engine since it was last compacted. */
  let addedSinceCompact = 0

  const kick = () => {
    const w = wake
    wake = undefined
    w?.()
  }
  const policy: TeamPolicy = {
    enabled: () => options !== undefined,
    shareNewSaves: () => options?.shareNewSaves ?? false,
    me: () => {
      const role = meta('role') ?? expectedRole(options?.url ?? '')
      return { role, name: options?.displayName || role }
    },
    library: () => ({ id: meta('library') ?? '', name: meta('library_name') ?? '' }),
    scan: (text) => engine.scanSecrets(text),
    queued: () => {
      wantPush = true
      kick()
    },
  }
  const store = withTeam(plain, policy)

  const status = (): TeamStatus => {
    const id = meta('library')
    return {
      configured: options !== undefined,
      ...state,
      ...(options && { where: describeLibrary(options.url) }),
      ...(id && { library: { id, name: meta('library_name') ?? '' } }),
      ...(meta('role') && { role: meta('role') }),
      pending: pendingCount(reads),
      refused: refusedCount(reads),
      cursor: Number(meta('cursor') ?? 0),
    }
  }
  const report = (change: Partial<typeof state>) => {
    const before = `${state.state}|${state.error ?? ''}`
    Object.assign(state, change)
    if (`${state.state}|${state.error ?? ''}` !== before) deps.onStatus?.(status())
  }

  async function pullAll(c: pg.Client, gen: number, batch: number): Promise<void> {
    applicationId ??= plain.upsertApplication(
      { name: 'OPEN_SOURCE', platform: 'UNKNOWN', version: deps.version, privacy: 'CLOSED' },
      new Date(),
    ).id
    const pull = {
      store: plain,
      engine,
      applicationId,
      library: { ...policy.library(), role: policy.me().role },
    }
    let page = pullBatch(c, Number(meta('cursor') ?? 0), batch)
    // Rows per transaction: starts small, then follows the pace measured (`APPLY_SLICE_MS`).
    let chunk = APPLY_CHUNK_MIN * 4
    let sinceCheckpoint = 0
    for (;;) {
      const rows = await page
      // The next page is fetched while this one is applied (PostgreSQL and SQLite overlap).
      const last = rows.at(-1)?.seq
      const more = rows.length === batch && gen === generation
      if (more && last !== undefined) {
        page = pullBatch(c, last, batch)
        // Left unread when the pull stops early (a push first, a new library): not an error.
        page.catch(() => undefined)
      }
      for (let i = 0; i < rows.length && gen === generation;) {
        const started = performance.now()
        const slice = rows.slice(i, i + chunk)
        i += slice.length
        const effects = withoutFsync(() => applyPulled(pull, slice))
        for (const id of effects.removed) engine.remove(id)
        for (const added of effects.added) engine.add(added.assetId, added.fingerprint)
        addedSinceCompact += effects.added.length
        const msPerRow = (performance.now() - started) / slice.length
        chunk = Math.round(
          Math.min(APPLY_CHUNK, Math.max(APPLY_CHUNK_MIN, APPLY_SLICE_MS / msPerRow)),
        )
        // Folded into the file as often as before the chunks were timed (each checkpoint syncs).
        if ((sinceCheckpoint += slice.length) >= APPLY_CHUNK) {
          checkpoint('PASSIVE')
          sinceCheckpoint = 0
        }
        await new Promise((resolve) => setImmediate(resolve))
        // A save made meanwhile goes out first; the pull goes on from its cursor after.
        if (wantPush) {
          wantPull = true
          return
        }
      }
      report({ lastPullAt: new Date().toISOString() })
      if (!more || gen !== generation) {
        if (addedSinceCompact >= COMPACT_AFTER) {
          addedSinceCompact = 0
          while (engine.compact?.()) await new Promise((resolve) => setImmediate(resolve))
        }
        return checkpoint('TRUNCATE')
      }
    }
  }

  /**
   * The connector checkpoints after HTTP writes only, so a pull folds its own pages into the
   * database file: in a 1,000,000-snippet first pull without this the log had grown to 7.7 GB
   * (13 MB file) by 350,000 rows, and each row cost 3× the CPU it cost at 40,000.
   */
  const checkpoint = (mode: 'PASSIVE' | 'TRUNCATE'): void => {
    try {
      plain.checkpoint(mode)
    } catch {
      // A reader in the way: the next page checkpoints again.
    }
  }

  async function pushAll(c: pg.Client, gen: number): Promise<void> {
    while (gen === generation) {
      const changes = pendingChanges(reads, PUSH_PAGE)
      if (changes.length === 0) return
      const plan = plain.transaction((sql) => planPush(plain, sql, changes, policy))
      await pushBatch(c, plan.ops)
      const library = { ...policy.library(), role: policy.me().role }
      plain.transaction((sql) => {
        markPushed(sql, changes)
        setLibrary(
          sql,
          plan.ops.flatMap((op) => (op.kind === 'put' ? [op.id] : [])),
          library,
        )
      })
      report({ lastPushAt: new Date().toISOString() })
    }
  }

  async function serve(c: pg.Client, gen: number, broken: Promise<Error>, opts: TeamOptions) {
    const pollMs = opts.pollMs ?? 30_000
    const batch = opts.pullBatch ?? 2_000
    while (gen === generation) {
      if (wantPush) {
        wantPush = false
        await pushAll(c, gen)
      } else if (wantPull) {
        wantPull = false
        await pullAll(c, gen, batch)
      } else {
        let timer: NodeJS.Timeout | undefined
        const woken = new Promise<void>((resolve) => {
          wake = resolve
          timer = setTimeout(() => {
            wantPull = wantPush = true
            resolve()
          }, pollMs)
        })
        const lost = await Promise.race([woken.then(() => undefined), broken])
        clearTimeout(timer)
        if (lost) throw lost
      }
    }
  }

  async function run(gen: number, opts: TeamOptions): Promise<void> {
    const retry = opts.retryMs ?? { min: 500, max: 5_000 }
    let delay = retry.min
    while (gen === generation) {
      let c: pg.Client | undefined
      try {
        report({ state: 'connecting' })
        c = new pg.Client(clientConfig(opts))
        const connection = c
        const broken = new Promise<Error>((resolve) => {
          connection.on('error', (error) => resolve(error))
          connection.on('end', () => resolve(new Error('the connection to PostgreSQL closed')))
        })
        connection.on('notification', () => {
          wantPull = true
          kick()
        })
        await connection.connect()
        await migrateTeamSchema(connection)
        adoptLibrary(plain, engine, await readLibrary(connection))
        await connection.query(`LISTEN ${NOTIFY_CHANNEL}`)
        client = connection
        wantPull = wantPush = true
        report({ state: 'online', error: undefined })
        delay = retry.min
        await serve(connection, gen, broken, opts)
      } catch (error) {
        if (gen === generation) report({ state: 'offline', error: describeError(error, opts) })
      } finally {
        client = undefined
        await c?.end().catch(() => undefined)
      }
      if (gen !== generation) break
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay)
        wake = () => {
          clearTimeout(timer)
          resolve()
        }
      })
      delay = Math.min(delay * 2, retry.max)
    }
  }

  async function configure(next: TeamOptions | undefined): Promise<void> {
    generation++
    kick()
    await client?.end().catch(() => undefined)
    await running
    options = next
    report({ state: next ? 'connecting' : 'off', error: undefined })
    if (next) running = run(generation, next)
  }

  if (options) running = run(generation, options)
  return {
    store,
    status,
    configure,
    close: () => configure(undefined),
  }
}

function describeError(error: unknown, options: TeamOptions): string {
  const message = error instanceof Error ? error.message : String(error)
  return `${describeLibrary(options.url)}: ${message.replaceAll(options.url, redactUrl(options.url))}`
}
