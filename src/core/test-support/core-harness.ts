import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { vi } from 'vitest'
import { startConnector, type RunningConnector } from '../../connector/server'
import type { AppState } from '../../shared/domain'
import { createCompanion } from '../companion'
import type { Companion, CompanionDeps } from '../contracts'
import { createMemoryClipboard, type MemoryClipboard } from '../memory-clipboard'
import { startConnectorProxy, type ConnectorProxy } from './connector-proxy'

/** An asset as `GET /assets` returns it (the fields the tests read). */
export interface StoredAsset {
  id: string
  name: string
  created: { value: string }
  tags?: { iterable: { text: string }[] }
  formats: {
    iterable: { classification: { specific: string }; fragment?: { string?: { raw?: string } } }[]
  }
}

export interface CoreHarness {
  companion: Companion
  clipboard: MemoryClipboard
  appDir: string
  /** Every state the core published, in order. */
  states: AppState[]
  state(): AppState
  /** The suggestion on screen (its id), or a placeholder no action accepts. */
  shown(): string
  /** Copies like another application and waits until the core has read it and settled. */
  copy(text: string, formats?: Record<string, string>): Promise<void>
  /** What the connector stores, read back over its HTTP API. */
  assets(): Promise<StoredAsset[]>
  proxy?: ConnectorProxy
  /** The proxy's rules (`via: 'proxy'` only). */
  rules(): ConnectorProxy['rules']
  stopConnector(): Promise<void>
  /** Starts the connector again, on the same port. */
  startConnector(): Promise<void>
  stop(): Promise<void>
}

/**
 * A real core over an in-memory clipboard and the real clock, with a real embedded connector
 * started in this process (`via: 'proxy'` puts a proxy in front of it, given as the connector
 * URL, so a test can slow or lose its answers).
 */
export async function startCoreHarness(
  options: {
    via?: 'discovery' | 'proxy'
    /** Use this connector (as a configured URL) instead of starting one. */
    connectorUrl?: string
    appDir?: string
    timeouts?: CompanionDeps['timeouts']
  } = {},
): Promise<CoreHarness> {
  const root = mkdtempSync(join(tmpdir(), 'clipwise-core-'))
  const appDir = options.appDir ?? join(root, 'app')
  let running: RunningConnector | undefined
  let port = 0
  const startOne = async () => {
    running = await startConnector({ port, dataDir: join(root, 'connector') })
    port = running.port
  }
  const stopOne = async () => {
    await running?.close()
    running = undefined
  }
  const connectorUrl = () => options.connectorUrl ?? `http://127.0.0.1:${port}`
  let proxy: ConnectorProxy | undefined
  if (options.via === 'proxy') {
    await startOne()
    proxy = await startConnectorProxy(connectorUrl)
  }
  const clipboard = createMemoryClipboard()
  const companion = createCompanion({
    clipboard,
    dataDir: appDir,
    appVersion: '0.1.0',
    platform: 'linux',
    discovery: { piecesPorts: [], legacyPorts: [] },
    ...(proxy ? { connectorUrl: proxy.url } : {}),
    ...(options.connectorUrl ? { connectorUrl: options.connectorUrl } : {}),
    ...(options.timeouts ? { timeouts: options.timeouts } : {}),
    startEmbeddedConnector: async () => {
      await startOne()
      return { url: connectorUrl(), stop: stopOne }
    },
  })
  const states: AppState[] = []
  companion.subscribe((next) => states.push(next))
  await companion.start()
  const state = () => states.at(-1) ?? (undefined as unknown as AppState)
  const harness: CoreHarness = {
    companion,
    clipboard,
    appDir,
    states,
    state,
    shown: () => state()?.current?.id ?? 'nothing on screen',
    proxy,
    rules() {
      if (!proxy) throw new Error("startCoreHarness({ via: 'proxy' }) has the proxy")
      return proxy.rules
    },
    async copy(text, formats) {
      const before = state()
      clipboard.copy(text, formats)
      await vi.waitFor(
        () => {
          const now = state()
          const read =
            now.current?.id !== before?.current?.id ||
            now.activity[0]?.id !== before?.activity[0]?.id
          if (!read) throw new Error('the copy was not read yet')
        },
        { timeout: 10_000, interval: 10 },
      )
      await companion.idle()
    },
    async assets() {
      const response = await fetch(`${connectorUrl()}/assets`)
      return ((await response.json()) as { iterable: StoredAsset[] }).iterable
    },
    stopConnector: stopOne,
    startConnector: startOne,
    async stop() {
      await companion.stop()
      await proxy?.close()
      await stopOne()
      rmSync(root, { recursive: true, force: true })
    },
  }
  return harness
}

/** The stored asset's text, language, tags and name (what a user sees in the library). */
export function described(asset: StoredAsset) {
  const format = asset.formats.iterable[0]
  return {
    name: asset.name,
    text: format?.fragment?.string?.raw,
    language: format?.classification.specific,
    tags: (asset.tags?.iterable ?? []).map((tag) => tag.text).sort(),
  }
}
