import { afterEach, describe, expect, it } from 'vitest'
import { described, startCoreHarness, type CoreHarness } from './test-support/core-harness'

// Actions against a real core and a real embedded connector; every test reads back what the
// connector stored.

const RUST = `pub fn clamp(value: i64, low: i64, high: i64) -> i64 {\n    value.max(low).min(high)\n}\n`
const TS = `export function debounce(fn: () => void, ms: number) {\n  let timer: ReturnType<typeof setTimeout> | undefined\n  return () => {\n    clearTimeout(timer)\n    timer = setTimeout(fn, ms)\n  }\n}\n`
const AWS_LINE = 'aws_access_key_id = AKIAQ7XZ4B2M3PLK6R5T'

let h: CoreHarness
afterEach(async () => {
  await h?.stop()
})

describe('actions bind to the suggestion they were shown with', () => {
  it('after a copy holding a secret, saving the earlier suggestion is refused and nothing is stored', async () => {
    h = await startCoreHarness()
    await h.copy(TS)
    const earlier = h.shown()
    expect(h.state().current).toMatchObject({ text: TS, status: 'ready', kind: 'save' })

    await h.copy(AWS_LINE)
    expect(h.state().notices[0]?.message).toMatch(/Skipped a copy that holds a secret/)
    expect(h.state().current).toBeNull()

    await expect(h.companion.save({ suggestionId: earlier })).rejects.toMatchObject({
      code: 'STALE_SUGGESTION',
    })
    expect(h.state().notices[0]?.message).toMatch(/no longer on screen/)
    expect(await h.assets()).toEqual([])
  })

  it('refuses reuse, dismiss and undo naming a suggestion a newer copy replaced', async () => {
    h = await startCoreHarness()
    await h.copy(TS)
    const saved = await h.companion.save({ suggestionId: h.shown() })
    expect(saved.status).toBe('saved')
    const assetId = saved.status === 'saved' ? saved.assetId : ''
    await h.copy(TS) // the same snippet again: a reuse suggestion
    const reuse = h.shown()
    expect(h.state().current?.kind).toBe('reuse')
    await h.copy(RUST)

    await expect(h.companion.reuse({ suggestionId: reuse, assetId })).rejects.toMatchObject({
      code: 'STALE_SUGGESTION',
    })
    await expect(h.companion.dismiss({ suggestionId: reuse })).rejects.toMatchObject({
      code: 'STALE_SUGGESTION',
    })
    await expect(h.companion.undoSave({ suggestionId: reuse, assetId })).rejects.toMatchObject({
      code: 'STALE_SUGGESTION',
    })
    // The clipboard still holds the Rust copy, and the saved snippet is still there.
    expect(h.clipboard.writes).toEqual([])
    expect((await h.assets()).map((asset) => asset.id)).toEqual([assetId])
  })

  it('saves once per suggestion: a second save of the same one is refused', async () => {
    h = await startCoreHarness()
    await h.copy(RUST)
    const id = h.shown()
    await h.companion.save({ suggestionId: id })
    await expect(h.companion.save({ suggestionId: id })).rejects.toMatchObject({
      code: 'ALREADY_DONE',
    })
    expect(await h.assets()).toHaveLength(1)
  })
})

describe('one save path: what the user chose is what is stored', () => {
  it('stores the name, the tags typed beside the connector’s own, and the language picked', async () => {
    h = await startCoreHarness()
    await h.copy(TS)
    const result = await h.companion.save({
      suggestionId: h.shown(),
      name: 'Debounce helper',
      tags: ['timing', ' ui '],
      language: 'rs',
    })
    expect(result).toMatchObject({ status: 'saved', name: 'Debounce helper' })
    const [asset] = await h.assets()
    expect(asset && described(asset)).toEqual({
      name: 'Debounce helper',
      text: TS,
      language: 'rs',
      // The connector's tag (the language) is kept; the user's are added.
      tags: ['rs', 'timing', 'ui'],
    })
  })

  it('leaves name, tags and language to the connector when the user chose none, on every path', async () => {
    h = await startCoreHarness()
    await h.copy(RUST)
    await h.companion.save({ suggestionId: h.shown() })
    h.clipboard.copy(TS)
    const hotkey = await h.companion.hotkeySave()
    expect(hotkey.status).toBe('saved')
    const stored = (await h.assets()).map(described).sort((a, b) => a.name.localeCompare(b.name))
    expect(stored).toEqual([
      { name: 'clamp', text: RUST, language: 'rs', tags: ['rs'] },
      { name: 'debounce', text: TS, language: 'ts', tags: ['ts'] },
    ])
  })
})
