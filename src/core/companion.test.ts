import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { startConnector, type RunningConnector } from '../connector/server'
import type { AppState } from '../shared/domain'
import type { SaveRequest } from '../shared/ipc'
import { createCompanion } from './companion'
import type { Companion } from './contracts'
import { createMemoryClipboard } from './memory-clipboard'
import { createFakeClock } from './test-support/fake-clock'

// The core against a real embedded connector over HTTP, an in-memory clipboard and a fake clock.

const SNIPPET = `export function debounce(fn, ms) {\n  let timer\n  return (...args) => {\n    clearTimeout(timer)\n    timer = setTimeout(() => fn(...args), ms)\n  }\n}`

const OTHER_SNIPPET = `export function clamp(value, min, max) {\n  return Math.min(max, Math.max(min, value))\n}`

interface Harness {
  companion: Companion
  clipboard: ReturnType<typeof createMemoryClipboard>
  clock: ReturnType<typeof createFakeClock>
  connectorDir: string
  appDir: string
  connector: () => RunningConnector
  startConnector: () => Promise<void>
  stopConnector: () => Promise<void>
  state: () => AppState
  copy: (text: string, formats?: Record<string, string>) => Promise<void>
  /** The id of the suggestion on screen. */
  shown: () => string
  /** Saves the suggestion on screen; fails the test unless it was saved at once. */
  save: (request?: Omit<SaveRequest, 'suggestionId'>) => Promise<{ assetId: string; name: string }>
  /** Stops everything and opens the connector's database read-only. */
  database: () => Promise<DatabaseSync>
}

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function setup(): Promise<Harness> {
  const root = mkdtempSync(join(tmpdir(), 'clipwise-core-'))
  const connectorDir = join(root, 'connector')
  const appDir = join(root, 'app')
  let running: RunningConnector | undefined
  let port = 0
  const start = async () => {
    running = await startConnector({ port, dataDir: connectorDir })
    port = running.port
  }
  const stop = async () => {
    await running?.close()
    running = undefined
  }
  const clipboard = createMemoryClipboard()
  const clock = createFakeClock()
  const companion = createCompanion({
    clipboard,
    clock,
    dataDir: appDir,
    appVersion: '0.1.0',
    platform: 'linux',
    discovery: { piecesPorts: [], legacyPorts: [] },
    startEmbeddedConnector: async () => {
      await start()
      return { url: (running as RunningConnector).url, stop }
    },
  })
  cleanups.push(() => rmSync(root, { recursive: true, force: true }))
  cleanups.push(async () => {
    await companion.stop()
    await stop()
  })
  await companion.start()
  let state!: AppState
  state = await companion.getState()
  companion.subscribe((next) => (state = next))
  return {
    companion,
    clipboard,
    clock,
    connectorDir,
    appDir,
    connector: () => running as RunningConnector,
    startConnector: start,
    stopConnector: stop,
    state: () => state,
    shown: () => state.current?.id ?? 'nothing on screen',
    async save(request = {}) {
      const result = await companion.save({ suggestionId: state.current?.id ?? '', ...request })
      if (result.status !== 'saved') throw new Error(`not saved: ${result.message}`)
      return result
    },
    async copy(text, formats) {
      const before = state.current?.id
      clipboard.copy(text, formats)
      await clock.advance(300)
      await vi.waitFor(() => {
        const current = state.current
        if (current && current.id !== before && current.status === 'pending')
          throw new Error('pending')
      })
      await companion.idle()
    },
    async database() {
      await companion.stop()
      await stop()
      return new DatabaseSync(join(connectorDir, 'clipwise.sqlite'), { readOnly: true })
    },
  }
}

async function getJson(url: string): Promise<unknown> {
  const response = await fetch(url)
  return response.json()
}

describe('createCompanion with a real embedded connector', () => {
  it('starts the embedded connector when nothing else answers, and says so', async () => {
    const h = await setup()
    expect(h.state().connection).toMatchObject({
      status: 'connected',
      target: { kind: 'embedded', url: h.connector().url },
    })
    expect(h.state().connection.target?.reason).toMatch(/started its own connector/)
  })

  it('copy → save suggestion → save stores the asset; a second copy → reuse writes the clipboard and counts the reuse', async () => {
    const h = await setup()
    await h.copy(SNIPPET)
    expect(h.state().current).toMatchObject({ text: SNIPPET, status: 'ready', kind: 'save' })
    expect(h.state().current?.draft.name).toBe('debounce')

    const saved = await h.save({ name: 'Debounce helper', tags: ['js'] })
    const assets = (await getJson(`${h.connector().url}/assets`)) as {
      iterable: { id: string; name: string }[]
    }
    expect(assets.iterable.map((a) => [a.id, a.name])).toEqual([[saved.assetId, 'Debounce helper']])
    expect(h.state().current?.outcome).toEqual({
      type: 'saved',
      assetId: saved.assetId,
      name: 'Debounce helper',
    })

    await h.copy(SNIPPET)
    const current = h.state().current
    expect(current).toMatchObject({ status: 'ready', kind: 'reuse' })
    expect(current?.matches[0]).toMatchObject({
      assetId: saved.assetId,
      name: 'Debounce helper',
      text: SNIPPET,
    })

    await h.companion.reuse({ suggestionId: h.shown(), assetId: saved.assetId })
    expect(h.clipboard.writes).toEqual([SNIPPET])
    await h.clock.advance(1000)
    // Our own write is not a new copy.
    expect(h.state().current?.id).toBe(current?.id)
    expect(h.state().current?.outcome).toEqual({ type: 'reused', assetId: saved.assetId })
    expect(
      h
        .state()
        .activity.map((a) => a.outcome)
        .slice(0, 4),
    ).toEqual(['reused', 'suggested-reuse', 'saved', 'suggested-save'])

    const db = await h.database()
    const row = db
      .prepare('SELECT reuse_count AS reuses FROM assets WHERE id = ?')
      .get(saved.assetId)
    expect(row).toEqual({ reuses: 1 })
    db.close()
  })

  it('dismiss sends save: false and an intention, which the connector stores', async () => {
    const h = await setup()
    await h.copy(SNIPPET)
    await h.companion.dismiss({ suggestionId: h.shown() })
    expect(h.state().current?.outcome).toEqual({ type: 'dismissed' })
    const db = await h.database()
    const sources = db.prepare('SELECT source FROM seeds ORDER BY id').all()
    expect(sources).toEqual([{ source: 'suggestion' }, { source: 'intention' }])
    expect(db.prepare('SELECT count(*) AS n FROM assets').get()).toEqual({ n: 0 })
    db.close()
  })

  it('queues copies while the connector is down and delivers them when it is back', async () => {
    const h = await setup()
    await h.stopConnector()
    await h.copy('SELECT id, name FROM users WHERE active = 1 ORDER BY name')
    await h.copy(SNIPPET)
    expect(h.state().connection).toMatchObject({ status: 'offline', queued: 2 })
    expect(h.state().connection.error?.code).toBe('CONNECTOR_UNAVAILABLE')
    expect(h.state().current).toMatchObject({ text: SNIPPET, status: 'queued' })

    await h.startConnector()
    await h.clock.advance(1000) // the session's retry
    await vi.waitFor(() => expect(h.state().current?.status).toBe('ready'))
    expect(h.state().connection).toMatchObject({ status: 'connected', queued: 0 })
    expect(h.state().current).toMatchObject({ text: SNIPPET, kind: 'save' })

    const db = await h.database()
    expect(db.prepare("SELECT count(*) AS n FROM seeds WHERE source = 'suggestion'").get()).toEqual(
      { n: 2 },
    )
    db.close()
  })

  it('never sends concealed copies or secrets to the connector', async () => {
    const h = await setup()
    const concealed = 'correct-horse-battery-staple-7731'
    const token = 'ghp_Zq8vX2mN4bR7tY1uK9pL3sD6fG0hJ5wE8cA2'
    await h.copy(concealed, { 'x-kde-passwordManagerHint': 'secret' })
    await h.copy(`export GITHUB_TOKEN=${token}`)
    await h.copy(concealed, { 'org.nspasteboard.ConcealedType': '' })
    expect(h.clipboard.reads.get('text/plain') ?? 0).toBe(1) // only the token copy was read
    expect(h.state().current).toBeNull()
    expect(h.state().activity.map((a) => [a.outcome, a.preview])).toEqual([
      ['skipped-concealed', ''],
      ['skipped-secret', ''],
      ['skipped-concealed', ''],
    ])
    expect(await h.companion.saveClipboard()).toMatchObject({ status: 'refused' })

    await h.copy(SNIPPET)
    await h.save()
    const db = await h.database()
    db.close()
    for (const file of readdirSync(h.connectorDir)) {
      const bytes = readFileSync(join(h.connectorDir, file)).toString('latin1')
      expect(bytes).not.toContain(concealed)
      expect(bytes).not.toContain(token)
    }
  })

  it('saves the clipboard on the hotkey, says "already saved" the second time, refuses an empty clipboard', async () => {
    const h = await setup()
    h.clipboard.copy(SNIPPET)
    const first = await h.companion.hotkeySave()
    expect(first).toMatchObject({ status: 'saved' })
    const second = await h.companion.hotkeySave()
    expect(second).toEqual({
      status: 'already-saved',
      assetId: first.assetId,
      message: expect.stringMatching(/^Already saved as/),
    })
    h.clipboard.copy('   ')
    expect(await h.companion.saveClipboard()).toMatchObject({
      status: 'refused',
      message: 'The clipboard is empty; copy some text first.',
    })
    const library = await h.companion.listLibrary()
    expect(library.map((item) => item.id)).toEqual([first.assetId])
    expect(library[0]?.text).toBe(SNIPPET)
  })

  it('edits a saved snippet: name, tags and a corrected language, kept across a restart', async () => {
    const h = await setup()
    h.clipboard.copy(SNIPPET)
    const saved = await h.companion.hotkeySave()
    const edited = await h.companion.updateAsset({
      assetId: saved.assetId ?? '',
      name: 'debounce helper',
      tags: ['timing'],
      language: 'ts',
    })
    expect(edited).toMatchObject({ name: 'debounce helper', tags: ['timing'], language: 'ts' })
    await h.stopConnector()
    await h.startConnector()
    const [item] = await h.companion.listLibrary()
    expect(item).toMatchObject({ id: saved.assetId, name: 'debounce helper', language: 'ts' })
    expect(item?.tags).toEqual(['timing'])
  })

  it('sends usage events in the spec shapes only after the user agreed, and /onboarded on completion', async () => {
    const h = await setup()
    await h.copy(SNIPPET)
    await h.save()
    await h.companion.completeOnboarding({ usageEvents: true })
    expect(h.state().onboarded).toBe(true)
    h.companion.windowOpened()
    await h.copy(OTHER_SNIPPET)
    expect(h.state().current?.kind).toBe('save')
    await h.save()
    // database() stops the companion, which waits for the events still on their way.
    const db = await h.database()
    const kinds = db.prepare('SELECT kind FROM track_events ORDER BY id').all() as {
      kind: string
    }[]
    expect(kinds.map((k) => k.kind)).toEqual(
      expect.arrayContaining([
        'session.session_onboarding_completed',
        'session.session_active',
        'interaction',
        'asset.asset_created',
        'session.session_terminated',
      ]),
    )
    // Nothing from before the user agreed (the first save).
    expect(kinds.filter((k) => k.kind === 'asset.asset_created')).toHaveLength(1)
    const created = db
      .prepare("SELECT payload FROM track_events WHERE kind = 'asset.asset_created'")
      .get() as { payload: string }
    expect(JSON.parse(created.payload)).toMatchObject({
      asset: {
        identifier_description_pair: { asset_created: 'an_asset_was_created' },
        metadata: { creation: { clipboard: { interaction: true, keyboard: false } } },
      },
    })
    expect(db.prepare('SELECT onboarded FROM applications').get()).toEqual({ onboarded: 1 })
    db.close()
  })

  it('validates settings and writes them atomically; a restart reads them back', async () => {
    const h = await setup()
    await expect(h.companion.updateSettings({ pollIntervalMs: 5 })).rejects.toMatchObject({
      code: 'INVALID_SETTINGS',
    })
    await expect(h.companion.updateSettings({ ignorePatterns: ['('] })).rejects.toThrow(
      /not a valid regular expression/,
    )
    await h.companion.updateSettings({ ignorePatterns: ['^npm '], paused: false })
    const stored = JSON.parse(readFileSync(join(h.appDir, 'settings.json'), 'utf8'))
    expect(stored).toMatchObject({ ignorePatterns: ['^npm '], pollIntervalMs: 250 })
    expect(readdirSync(h.appDir).filter((f) => f.endsWith('.tmp'))).toEqual([])

    await h.copy('npm install left-pad')
    expect(h.state().current).toBeNull()
    expect(h.state().activity[0]).toMatchObject({ outcome: 'skipped-ignored' })
  })
})
