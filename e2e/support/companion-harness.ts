import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCompanion, createMemoryClipboard } from '../../src/core'
import type { Companion, EmbeddedConnectorHandle, MemoryClipboard } from '../../src/core'
import type { Settings } from '../../src/shared/domain'
import { startConnector } from '../../src/connector/server'
import type { TeamOptions } from '../../src/connector/server/team'

export const APP_VERSION = '0.0.0-e2e'

export interface Harness {
  companion: Companion
  clipboard: MemoryClipboard
  dataDir: string
  /** The embedded connector's base URL (after `start`). */
  connectorUrl(): string
  /** GET/POST against the connector's HTTP API, parsed as JSON. */
  connectorJson<T>(path: string, body?: unknown): Promise<T>
  /** The settings file the core wrote. */
  settingsOnDisk(): Promise<Settings>
  /** Stops the embedded connector; the core cannot start it again until `resumeConnector`. */
  pauseConnector(): Promise<void>
  resumeConnector(): void
  stop(): Promise<void>
}

/**
 * A real core over an in-memory clipboard, with a real embedded connector on a temp data folder.
 * Discovery is told there is no Pieces OS, so the core starts the embedded connector itself, in
 * this process.
 */
export async function startHarness(options: { team?: TeamOptions } = {}): Promise<Harness> {
  const dataDir = await mkdtemp(join(tmpdir(), 'clipwise-e2e-'))
  const clipboard = createMemoryClipboard()
  let connector: EmbeddedConnectorHandle | undefined
  let resume: (() => void) | undefined
  let paused: Promise<void> = Promise.resolve()
  const companion = createCompanion({
    clipboard,
    dataDir,
    appVersion: APP_VERSION,
    platform: process.platform,
    discovery: { piecesPorts: [], legacyPorts: [] },
    startEmbeddedConnector: async () => {
      await paused
      const running = await startConnector({
        port: 0,
        dataDir: join(dataDir, 'connector'),
        ...(options.team && { team: options.team }),
      })
      connector = { url: running.url, stop: () => running.close() }
      return connector
    },
  })
  await companion.start()

  const connectorUrl = () => {
    if (!connector) throw new Error('The embedded connector has not started.')
    return connector.url
  }
  return {
    companion,
    clipboard,
    dataDir,
    connectorUrl,
    async connectorJson<T>(path: string, body?: unknown): Promise<T> {
      const response = await fetch(new URL(path, connectorUrl()), {
        method: body === undefined ? 'GET' : 'POST',
        ...(body === undefined
          ? {}
          : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
      })
      if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`)
      return (await response.json()) as T
    },
    async pauseConnector() {
      paused = new Promise((resolve) => (resume = resolve))
      await connector?.stop()
    },
    resumeConnector() {
      resume?.()
    },
    async settingsOnDisk() {
      return JSON.parse(await readFile(join(dataDir, 'settings.json'), 'utf8')) as Settings
    },
    async stop() {
      await companion.stop()
      await connector?.stop() // already stopped by the core; idempotent
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}
