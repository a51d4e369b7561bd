import { describe, expect, it } from 'vitest'
import { createClipboardWatcher } from './clipboard-watcher'
import type { ClipboardPort } from './contracts'
import type { CopyCandidate } from './ingest-filter'
import { createMemoryClipboard } from './memory-clipboard'
import { createFakeClock } from './test-support/fake-clock'

function setup(clipboard: ClipboardPort = createMemoryClipboard()) {
  const clock = createFakeClock()
  const copies: CopyCandidate[] = []
  const watcher = createClipboardWatcher({
    clipboard,
    clock,
    intervalMs: 250,
    debounceMs: 30,
    onCopy: (candidate) => {
      copies.push(candidate)
    },
  })
  return { clock, copies, watcher }
}

describe('createClipboardWatcher', () => {
  it('reports a copy made after start, not what was on the clipboard before', async () => {
    const clipboard = createMemoryClipboard()
    clipboard.copy('old')
    const { clock, copies, watcher } = setup(clipboard)
    await watcher.start()
    await clock.advance(1000)
    expect(copies).toEqual([])
    clipboard.copy('fresh')
    await clock.advance(300)
    expect(copies.map((c) => c.text)).toEqual(['fresh'])
    watcher.stop()
  })

  it('collapses a burst of copies into the last one', async () => {
    const clipboard = createMemoryClipboard()
    const copies: CopyCandidate[] = []
    let notify = () => {}
    const pushing: ClipboardPort = {
      ...clipboard,
      changeToken: undefined,
      watch: (onChange) => {
        notify = onChange
        return () => {}
      },
    }
    const clock = createFakeClock()
    const watcher = createClipboardWatcher({
      clipboard: pushing,
      clock,
      intervalMs: 250,
      debounceMs: 30,
      onCopy: (c) => void copies.push(c),
    })
    await watcher.start()
    for (const text of ['a', 'ab', 'abc']) {
      clipboard.copy(text)
      notify()
      await clock.advance(10)
    }
    await clock.advance(100)
    expect(copies.map((c) => c.text)).toEqual(['abc'])
    expect(clock.pending()).toBe(0) // pushed events: no polling timer at all
  })

  it('reads nothing while the change token is unchanged, however large the content', async () => {
    const clipboard = createMemoryClipboard()
    const { clock, copies, watcher } = setup(clipboard)
    await watcher.start()
    clipboard.copy('x'.repeat(512 * 1024))
    await clock.advance(300)
    const readsAfterCopy = clipboard.reads.get('text/plain')
    await clock.advance(10_000) // 40 more polls
    expect(copies).toHaveLength(1)
    expect(clipboard.reads.get('text/plain')).toBe(readsAfterCopy)
  })

  it('never reads the content of a copy carrying a password-manager marker', async () => {
    const clipboard = createMemoryClipboard()
    const { clock, copies, watcher } = setup(clipboard)
    await watcher.start()
    clipboard.copy('hunter2', { 'x-kde-passwordManagerHint': 'secret' })
    await clock.advance(300)
    expect(copies).toHaveLength(1)
    expect(copies[0]?.text).toBeUndefined()
    expect(clipboard.reads.get('text/plain') ?? 0).toBe(0)
  })

  it('does not report its own writes, but reports the same text copied again by the user', async () => {
    const clipboard = createMemoryClipboard()
    const { clock, copies, watcher } = setup(clipboard)
    await watcher.start()
    await watcher.writeOwn('reused snippet')
    await clock.advance(1000)
    expect(copies).toEqual([])
    clipboard.copy('reused snippet')
    await clock.advance(300)
    expect(copies.map((c) => c.text)).toEqual(['reused snippet'])
  })

  it('without a change token, compares text and skips image-only content without reading images', async () => {
    const memory = createMemoryClipboard()
    const tokenless: ClipboardPort = { ...memory, changeToken: undefined }
    const { clock, copies, watcher } = setup(tokenless)
    await watcher.start()
    memory.copy(undefined, { 'image/png': 'PNGDATA' })
    await clock.advance(2000)
    memory.copy('text after image')
    await clock.advance(300)
    expect(copies.map((c) => c.text)).toEqual(['text after image'])
    expect(memory.reads.get('image/png') ?? 0).toBe(0)
  })
})
