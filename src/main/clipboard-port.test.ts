import { describe, expect, it } from 'vitest'
import { rawFormatType } from './clipboard-formats'
import { electronClipboardPort } from './clipboard-port'

/** A stand-in for Electron 45's asynchronous clipboard, holding one item. */
function fakeClipboard(items: Record<string, string>, selection = '') {
  let text = items['text/plain'] ?? ''
  const item = {
    types: Object.keys(items),
    getType: async (type: string) => new Blob([items[type] ?? '']),
  }
  const clipboard = {
    read: async () => [item],
    readText: async () => text,
    writeText: async (value: string) => {
      text = value
    },
    selection: { readText: async () => selection },
  }
  return clipboard as unknown as Electron.Clipboard
}

describe('electronClipboardPort', () => {
  it('lists formats by their platform names and reads a password-manager marker', async () => {
    const marker = rawFormatType('x-kde-passwordManagerHint')
    const port = electronClipboardPort(
      fakeClipboard({ 'text/plain': 'hunter2', [marker]: 'secret' }),
      'linux',
    )
    expect(await port.formats()).toEqual(['text/plain', 'x-kde-passwordManagerHint'])
    expect(await port.readFormat('x-kde-passwordManagerHint')).toBe('secret')
    expect(await port.readFormat('org.nspasteboard.ConcealedType')).toBeUndefined()
  })

  it('reads and writes text, with nothing for an empty clipboard', async () => {
    const port = electronClipboardPort(fakeClipboard({}), 'win32')
    expect(await port.readText()).toBeUndefined()
    await port.writeText('const x = 1')
    expect(await port.readText()).toBe('const x = 1')
    expect(port.readPrimaryText).toBeUndefined()
  })

  it('offers the primary selection on Linux', async () => {
    const port = electronClipboardPort(fakeClipboard({}, 'selected text'), 'linux')
    expect(await port.readPrimaryText?.()).toBe('selected text')
  })
})
