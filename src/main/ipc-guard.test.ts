import { describe, expect, it, vi } from 'vitest'
import {
  checkPayload,
  guardHandler,
  IpcRefusedError,
  senderProblem,
  type SenderInfo,
} from './ipc-guard'
import { isOurPage, resolveRendererLocation } from './renderer-location'

const built = resolveRendererLocation({
  isPackaged: true,
  devServerUrl: 'http://localhost:5173',
  indexHtmlPath: '/opt/Clipwise/resources/app.asar/out/renderer/index.html',
})
const ourUrl = 'file:///opt/Clipwise/resources/app.asar/out/renderer/index.html'
const trusted = { webContentsId: 7, location: built }
const event = (url: string, options: { id?: number; parent?: unknown } = {}): SenderInfo => ({
  sender: { id: options.id ?? 7 },
  senderFrame: { url, parent: options.parent ?? null },
})

describe('resolveRendererLocation', () => {
  it('ignores a dev server URL in a packaged app', () => {
    expect(built).toEqual({ kind: 'file', url: ourUrl })
  })

  it('uses a loopback dev server only when unpackaged', () => {
    const dev = resolveRendererLocation({
      isPackaged: false,
      devServerUrl: 'http://localhost:5173/',
      indexHtmlPath: '/x/index.html',
    })
    expect(dev).toMatchObject({ kind: 'dev', origin: 'http://localhost:5173' })
    const remote = resolveRendererLocation({
      isPackaged: false,
      devServerUrl: 'http://evil.example:5173',
      indexHtmlPath: '/x/index.html',
    })
    expect(remote.kind).toBe('file')
  })
})

describe('senderProblem', () => {
  it('accepts our window main frame, with or without a fragment', () => {
    expect(senderProblem(event(ourUrl), trusted)).toBeUndefined()
    expect(senderProblem(event(`${ourUrl}#settings`), trusted)).toBeUndefined()
  })

  it('rejects foreign origins', () => {
    expect(senderProblem(event('https://evil.example/index.html'), trusted)).toMatch(/not ours/)
    expect(senderProblem(event('http://localhost:5173/'), trusted)).toMatch(/not ours/)
    expect(senderProblem(event('data:text/html,<script>1</script>'), trusted)).toMatch(/not ours/)
  })

  it('rejects file: look-alikes', () => {
    for (const url of [
      'file:///tmp/out/renderer/index.html',
      'file:///opt/Clipwise/resources/app.asar/out/renderer/index.html.evil',
      'file:///opt/Clipwise/resources/app.asar/out/renderer/other.html',
      'file:///opt/Clipwise/resources/app.asar/out/renderer/index.html?x=1',
      'file://evil-host/opt/Clipwise/resources/app.asar/out/renderer/index.html',
      'file:///opt/Clipwise/resources/app.asar/out/renderer/sub/../../renderer2/index.html',
    ]) {
      expect(senderProblem(event(url), trusted), url).toMatch(/not ours/)
    }
  })

  it('rejects subframes, other windows and frames that are gone', () => {
    expect(senderProblem(event(ourUrl, { parent: { url: ourUrl } }), trusted)).toMatch(/subframe/)
    expect(senderProblem(event(ourUrl, { id: 8 }), trusted)).toMatch(/not the tray window/)
    expect(senderProblem({ sender: { id: 7 }, senderFrame: null }, trusted)).toMatch(/gone/)
    expect(senderProblem(event(ourUrl), { ...trusted, webContentsId: undefined })).toBeDefined()
  })

  it('in development, trusts exactly the dev server origin', () => {
    const dev = resolveRendererLocation({
      isPackaged: false,
      devServerUrl: 'http://localhost:5173',
      indexHtmlPath: '/x',
    })
    expect(isOurPage('http://localhost:5173/index.html', dev)).toBe(true)
    expect(isOurPage('http://localhost:5174/', dev)).toBe(false)
    expect(isOurPage('http://localhost.evil.example:5173/', dev)).toBe(false)
  })
})

describe('checkPayload', () => {
  it('accepts requests that match the channel schema', () => {
    expect(() => checkPayload('reuse', { suggestionId: 's1', assetId: 'a1' })).not.toThrow()
    expect(() => checkPayload('getState', undefined)).not.toThrow()
    expect(() => checkPayload('updateSettings', { paused: true })).not.toThrow()
  })

  it('rejects wrong types, extra keys, missing keys and payloads on no-argument channels', () => {
    const bad: [Parameters<typeof checkPayload>[0], unknown][] = [
      ['reuse', { suggestionId: 's1', assetId: 42 }],
      ['reuse', { suggestionId: 's1', assetId: 'a1', admin: true }],
      ['reuse', {}],
      ['reuse', undefined],
      ['getState', { anything: 1 }],
      ['updateSettings', { pollIntervalMs: 1 }],
      ['updateSettings', { connectorUrl: 'file:///etc/passwd' }],
      ['searchLibrary', { query: 'x'.repeat(501) }],
    ]
    for (const [method, payload] of bad) {
      expect(() => checkPayload(method, payload), `${method} ${JSON.stringify(payload)}`).toThrow(
        IpcRefusedError,
      )
    }
  })

  it('says which channel and field failed', () => {
    expect(() => checkPayload('reuse', { suggestionId: 's1', assetId: 42 })).toThrow(
      /suggestion:reuse.*assetId/,
    )
  })
})

describe('guardHandler', () => {
  it('calls the core only for our window and a valid payload', async () => {
    const reuse = vi.fn(async () => undefined)
    const handler = guardHandler('reuse', () => trusted, reuse)
    await handler(event(ourUrl), { suggestionId: 's1', assetId: 'a1' })
    expect(reuse).toHaveBeenCalledWith({ suggestionId: 's1', assetId: 'a1' })

    await expect(
      handler(event('https://evil.example/'), { suggestionId: 's1', assetId: 'a1' }),
    ).rejects.toMatchObject({
      code: 'UNTRUSTED_SENDER',
    })
    await expect(handler(event(ourUrl), { suggestionId: 's1', assetId: '' })).rejects.toMatchObject(
      {
        code: 'BAD_REQUEST',
      },
    )
    expect(reuse).toHaveBeenCalledTimes(1)
  })
})
