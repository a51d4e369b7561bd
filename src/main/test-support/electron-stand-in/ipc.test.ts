import { describe, expect, it } from 'vitest'
import { toReply } from '../../ipc-guard'
import { StandInIpcMain, StandInIpcRenderer, type Sender } from './ipc'

// The stand-in must be as strict as Electron where the app depends on it: what a renderer gets
// back from a failing handler, and that payloads are copies.

const sender = {
  contents: { id: 7 } as unknown as Electron.WebContents,
  frame: { url: 'file:///app/index.html', parent: null },
} satisfies Sender

class CodedError extends Error {
  readonly code = 'STALE_SUGGESTION'
}

function wired() {
  const ipcMain = new StandInIpcMain()
  const renderer = new StandInIpcRenderer(ipcMain)
  const invoke = (channel: string, ...args: unknown[]) =>
    ipcMain.currentSender.run(sender, () => renderer.invoke(channel, ...args))
  return { ipcMain, invoke }
}

describe('the stand-in ipcMain', () => {
  it('passes only the text of a thrown error, as Electron does', async () => {
    const { ipcMain, invoke } = wired()
    ipcMain.handle('x:fail', () => {
      throw new CodedError('Copy it again.')
    })
    const error: unknown = await invoke('x:fail').catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(Error)
    expect((error as Error).message).toBe(
      "Error invoking remote method 'x:fail': Error: Copy it again.",
    )
    expect(error).not.toHaveProperty('code')
  })

  it('keeps the code when main answers with a reply (what ipc-handlers.ts does)', async () => {
    const { ipcMain, invoke } = wired()
    ipcMain.handle('x:fail', () => toReply(() => Promise.reject(new CodedError('Copy it again.'))))
    await expect(invoke('x:fail')).resolves.toEqual({
      ok: false,
      error: { name: 'ClipwiseError', code: 'STALE_SUGGESTION', message: 'Copy it again.' },
    })
  })

  it('gives the handler a copy of the payload and the sending frame', async () => {
    const { ipcMain, invoke } = wired()
    let seen: { payload?: unknown; frame?: unknown; id?: number } = {}
    ipcMain.handle('x:echo', (event, payload: { list: number[] }) => {
      payload.list.push(99)
      seen = { payload, frame: event.senderFrame, id: event.sender.id }
      return payload
    })
    const sent = { list: [1] }
    await expect(invoke('x:echo', sent)).resolves.toEqual({ list: [1, 99] })
    expect(sent.list).toEqual([1])
    expect(seen).toMatchObject({ frame: sender.frame, id: 7 })
  })

  it('refuses a second handler for a channel and a call to a channel nobody handles', async () => {
    const { ipcMain, invoke } = wired()
    ipcMain.handle('x:one', () => 1)
    expect(() => ipcMain.handle('x:one', () => 2)).toThrow(/second handler/)
    await expect(invoke('x:none')).rejects.toThrow(/No handler registered for 'x:none'/)
  })
})
