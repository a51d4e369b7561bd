import { describe, expect, it } from 'vitest'
import { createClipboardWatcher, systemClock, type ClipboardPort } from '../core'
import { withSelectionEvents, x11Display } from './selection-port'
import { copyWithXclip, missingTools, readClipboard, startXvfb, until } from './test-support/x11'
import { watchSelection } from './x11-selection-events'

// The tray's watcher on X11: the core's watcher over a port told of copies by XFixes events.
// The tray reads with Electron's clipboard; here xclip reads in its place (Electron cannot start).

const skipReason = missingTools(['Xvfb', 'xclip'], 'xvfb xclip')

describe('x11Display', () => {
  it('watches selection events on Linux under X11 only', () => {
    expect(x11Display('linux', { DISPLAY: ':3' })).toBe(':3')
    expect(x11Display('linux', { DISPLAY: ':3', WAYLAND_DISPLAY: 'wayland-0' })).toBeUndefined()
    expect(x11Display('linux', {})).toBeUndefined()
    expect(x11Display('darwin', { DISPLAY: ':3' })).toBeUndefined()
  })
})

describe.skipIf(skipReason !== '')('the tray watcher on X11 selection events', () => {
  it('reads each copy when the X server reports it, and nothing while the clipboard is idle', async () => {
    const xvfb = await startXvfb()
    const env = { ...process.env, DISPLAY: xvfb.display }
    const events = await watchSelection(xvfb.display)
    let reads = 0
    const reader: ClipboardPort = {
      formats: async () => ['UTF8_STRING'],
      readFormat: async () => undefined,
      readText: async () => {
        reads++
        return readClipboard(env)
      },
      writeText: async (text) => copyWithXclip(env, text),
    }
    const copies: (string | undefined)[] = []
    const watcher = createClipboardWatcher({
      clipboard: withSelectionEvents(reader, events),
      clock: systemClock(),
      intervalMs: 3_600_000, // were it polling, nothing would be read within this test
      onCopy: (candidate) => void copies.push(candidate.text),
    })
    try {
      await watcher.start()
      copyWithXclip(env, 'const first = 1\n')
      await until(() => (copies.length === 1 ? true : undefined), 5000, 'the first copy')
      copyWithXclip(env, 'const second = 2\n')
      await until(() => (copies.length === 2 ? true : undefined), 5000, 'the second copy')
      expect(copies).toEqual(['const first = 1\n', 'const second = 2\n'])
      const idle = reads
      await new Promise((resolve) => setTimeout(resolve, 600))
      expect(reads).toBe(idle)
    } finally {
      watcher.stop()
      events.close()
      await xvfb.stop()
    }
  })
})
