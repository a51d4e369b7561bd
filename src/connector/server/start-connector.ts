import { existsSync, rmdirSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import packageJson from '../../../package.json'
import { buildServer, type ServerDeps } from './build-server'
import { scheduleCheckpoints, type CheckpointOptions } from './checkpoints'
import { createEngine, type SuggestionEngine } from './engine'
import { loadFingerprints } from './load-fingerprints'
import { listenOnFirstFree } from './listen-ports'
import { DATABASE_FILE, openStore } from './storage'
import { createTeam, type Team, type TeamOptions, type TeamStatus } from './team'

export interface ConnectorOptions {
  /** 0 picks a free port. Used when `ports` is empty or every one of them is taken. */
  port: number
  /**
   * Ports to try first, in order; the first free one wins (the Pieces range, so that Pieces
   * integrations find this connector). See `listenPorts`.
   */
  ports?: readonly number[]
  dataDir: string
  /** Loopback only; kept as an option for `[::1]`. */
  host?: '127.0.0.1' | '::1'
  engine?: SuggestionEngine
  allowedOrigins?: readonly string[]
  bodyLimit?: number
  logger?: boolean
  /** When the write-ahead log is checkpointed (defaults: after 1 s quiet, at most 30 s late). */
  checkpoints?: CheckpointOptions
  /** A team library to sync with (`--team`, `team.url`); local data works without it. */
  team?: TeamOptions
  /** Told of every change of the team sync's state. */
  onTeamStatus?: (status: TeamStatus) => void
}

export interface RunningConnector {
  url: string
  port: number
  /** The team library sync (idle when none is set). */
  team: Pick<Team, 'status' | 'configure'>
  /** Stops accepting, closes open connections, then closes the database. */
  close(): Promise<void>
}

/**
 * Opens the data folder (refusing one another connector holds), rebuilds the engine's index from
 * stored fingerprints and listens on loopback.
 */
export async function startConnector(options: ConnectorOptions): Promise<RunningConnector> {
  const created = whatOpeningCreates(options.dataDir)
  const store = openStore(options.dataDir)
  let checkpoints: ReturnType<typeof scheduleCheckpoints> | undefined
  let team: Team | undefined
  try {
    const engine = options.engine ?? createEngine()
    loadFingerprints(store, engine)
    team = createTeam({
      store,
      engine,
      version: packageJson.version,
      ...(options.team && { options: options.team }),
      ...(options.onTeamStatus && { onStatus: options.onTeamStatus }),
    })
    const deps: ServerDeps = {
      store: team.store,
      team,
      engine,
      version: packageJson.version,
      ...(options.allowedOrigins && { allowedOrigins: options.allowedOrigins }),
      ...(options.bodyLimit !== undefined && { bodyLimit: options.bodyLimit }),
      ...(options.logger !== undefined && { logger: options.logger }),
    }
    const app = buildServer(deps)
    const scheduled = scheduleCheckpoints(store, options.checkpoints)
    checkpoints = scheduled
    app.addHook('onResponse', (request, _reply, done) => {
      if (request.method !== 'GET' && request.method !== 'HEAD') scheduled.wrote()
      done()
    })
    app.addHook('onClose', (_app, done) => {
      scheduled.stop()
      done()
    })
    const host = options.host ?? '127.0.0.1'
    await listenOnFirstFree(app, host, options.ports ?? [], options.port)
    const { port } = app.server.address() as AddressInfo
    let closing: Promise<void> | undefined
    const sync = team
    return {
      url: `http://${host === '::1' ? '[::1]' : host}:${port}`,
      port,
      team: sync,
      close: () =>
        (closing ??= app
          .close()
          .then(() => sync.close())
          .finally(() => store.close())),
    }
  } catch (error) {
    checkpoints?.stop()
    await team?.close()
    store.close()
    // A first start that fails (a busy port, say) leaves no library or pid file behind.
    removeCreated(created)
    throw error
  }
}

/** The data folder and database files that opening the store will create (those absent now). */
function whatOpeningCreates(dataDir: string): { folder?: string; files: string[] } {
  const database = join(dataDir, DATABASE_FILE)
  if (existsSync(database)) return { files: [] }
  const files = ['', '-wal', '-shm'].map((suffix) => `${database}${suffix}`)
  return { ...(!existsSync(dataDir) && { folder: dataDir }), files }
}

function removeCreated(created: { folder?: string; files: string[] }): void {
  for (const file of created.files) rmSync(file, { force: true })
  if (!created.folder) return
  try {
    rmdirSync(created.folder) // only when nothing else was put in it meanwhile
  } catch {
    // Not empty (or already gone): leave it.
  }
}
