import { afterEach, describe, expect, it } from 'vitest'
import { createEngine } from './engine'
import { findSources, sliceSnippets } from './engine/test-support/corpus'
import { editLines, seededRandom } from './engine/test-support/variants'
import { RECOMPUTE_BATCH } from './load-fingerprints'
import { startConnector } from './start-connector'
import { openStore } from './storage'
import { listFingerprints } from './storage/test-support/inspect-store'
import { tempDir } from './test-support/temp-dir'

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
})

// A real function of a dependency, saved by an older engine whose fingerprint format differs.
const [text = ''] = findSources(['node_modules/fastify/lib'], ['js'], 5).flatMap((f) =>
  sliceSnippets(f.text, 10, 30),
)

/** The current fingerprint with the format version word changed, as an older engine wrote it. */
function oldFormat(fp: { exactHash: string; data: Uint8Array }) {
  const data = Uint8Array.from(fp.data)
  data[2] = (data[2] ?? 0) - 1
  return { exactHash: fp.exactHash, data }
}

/** A new data folder's store with one integration in it. */
function library() {
  const dir = tempDir()
  cleanups.push(dir.remove)
  const store = openStore(dir.path)
  const app = store.upsertApplication(
    { name: 'VS_CODE', version: '1', platform: 'LINUX' },
    new Date(),
  )
  return { dir, store, app }
}

describe('fingerprints of an older engine format', () => {
  it('are recomputed at start, saved, and match near copies after restart', async () => {
    const { dir, store, app } = library()
    const asset = store.createAsset(
      {
        applicationId: app.id,
        name: 'snippet',
        text,
        language: 'js',
        generic: 'CODE',
        mechanism: 'MANUAL',
        tags: [],
        sensitives: [],
        fingerprint: oldFormat(createEngine().fingerprint(text)),
      },
      new Date(),
    )
    const [stale] = listFingerprints(store)
    store.close()
    const engine = createEngine()
    expect(stale && engine.isCurrent?.(stale.fingerprint)).toBe(false)

    const connector = await startConnector({ port: 0, dataDir: dir.path, engine })
    const best = engine.match(editLines(text, seededRandom(4)), 1)[0]
    await connector.close()
    expect(best?.assetId).toBe(asset.id)
    expect(best?.exact).toBe(false)
    expect(engine.isReuse(best)).toBe(true)

    const reopened = openStore(dir.path)
    const [saved] = listFingerprints(reopened)
    reopened.close()
    expect(saved?.fingerprint).toEqual(engine.fingerprint(text))
  })

  it('are all recomputed when there are more than one batch of them', async () => {
    const texts = [
      ...new Set(
        findSources(['node_modules'], ['js'], 400)
          .flatMap((f) => sliceSnippets(f.text, 8, 20))
          .filter((t) => t.trim().length > 80),
      ),
    ].slice(0, RECOMPUTE_BATCH + 150)
    expect(texts.length).toBe(RECOMPUTE_BATCH + 150)
    const { dir, store, app } = library()
    const older = createEngine()
    const saved = store.importAssets(
      texts.map((t, i) => ({
        applicationId: app.id,
        name: `snippet ${i}`,
        text: t,
        language: 'js',
        generic: 'CODE',
        mechanism: 'MANUAL',
        tags: [],
        sensitives: [],
        fingerprint: oldFormat(older.fingerprint(t)),
      })),
      new Date(),
    )
    store.close()

    const engine = createEngine()
    const connector = await startConnector({ port: 0, dataDir: dir.path, engine })
    const last = saved.at(-1)
    const best = engine.match(editLines(last?.text ?? '', seededRandom(5)), 1)[0]
    await connector.close()
    expect(best?.assetId).toBe(last?.id)
    expect(engine.isReuse(best)).toBe(true)

    const reopened = openStore(dir.path)
    const stored = listFingerprints(reopened)
    reopened.close()
    expect(stored).toHaveLength(texts.length)
    expect(stored.filter((row) => engine.isCurrent?.(row.fingerprint) !== true)).toEqual([])
  })
})
