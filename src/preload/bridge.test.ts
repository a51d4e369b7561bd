import { describe, expect, expectTypeOf, it, vi } from 'vitest'
import type { AppState } from '../shared/domain'
import { invokeChannels, STATE_CHANNEL, VIEW_CHANNEL, type ClipwiseBridge } from '../shared/ipc'
import { createBridge, type IpcRendererLike } from './bridge'

type Bridge = ReturnType<typeof createBridge>

function fakeIpc() {
  const listeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>()
  const ipc = {
    invoke: vi.fn(async (..._args: unknown[]) => ({ ok: true, value: 'result' }) as unknown),
    on: vi.fn((channel: string, listener: (event: unknown, ...args: unknown[]) => void) => {
      listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener))
    }),
    removeListener: vi.fn(
      (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => {
        listeners.get(channel)?.delete(listener)
      },
    ),
  } satisfies IpcRendererLike
  const emit = (channel: string, ...args: unknown[]) =>
    listeners.get(channel)?.forEach((listener) => listener({ sender: 'secret' }, ...args))
  return { ipc, emit, listeners }
}

describe('the preload bridge', () => {
  it('implements ClipwiseBridge exactly (type level)', () => {
    expectTypeOf<Bridge>().toMatchTypeOf<ClipwiseBridge>()
    expectTypeOf<keyof Bridge>().toEqualTypeOf<keyof ClipwiseBridge>()
  })

  it('has one method per invoke channel plus onState and onOpenView, and nothing else', () => {
    const bridge = createBridge(fakeIpc().ipc)
    expect(Object.keys(bridge).sort()).toEqual(
      [...Object.keys(invokeChannels), 'onState', 'onOpenView'].sort(),
    )
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function')
  })

  it('invokes the channel with exactly the request and nothing more', async () => {
    const { ipc } = fakeIpc()
    const bridge = createBridge(ipc)
    await bridge.reuse({ suggestionId: 's1', assetId: 'a1' })
    expect(ipc.invoke).toHaveBeenLastCalledWith('suggestion:reuse', {
      suggestionId: 's1',
      assetId: 'a1',
    })
    await expect(bridge.getState()).resolves.toBe('result')
    expect(ipc.invoke).toHaveBeenLastCalledWith('state:get')
    await (bridge.getState as (...args: unknown[]) => Promise<unknown>)('ignored extra')
    expect(ipc.invoke).toHaveBeenLastCalledWith('state:get')
  })

  it('rejects with the failure main sent as a plain object, code and message intact', async () => {
    const { ipc } = fakeIpc()
    const failure = { name: 'ClipwiseError', code: 'STALE_SUGGESTION', message: 'Copy it again.' }
    ipc.invoke.mockResolvedValueOnce({ ok: false, error: failure })
    const rejected: unknown = await createBridge(ipc)
      .dismiss({ suggestionId: 's1' })
      .catch((error: unknown) => error)
    // A plain object: contextBridge copies it whole, where an Error would keep only its message.
    expect(rejected).toEqual(failure)
    expect(rejected).not.toBeInstanceOf(Error)
  })

  it('passes state to listeners without the IPC event, and unsubscribes', () => {
    const { ipc, emit, listeners } = fakeIpc()
    const bridge = createBridge(ipc)
    const seen: unknown[][] = []
    const unsubscribe = bridge.onState((...args) => seen.push(args))
    const state = { onboarded: true } as AppState
    emit(STATE_CHANNEL, state)
    expect(seen).toEqual([[state]])
    unsubscribe()
    emit(STATE_CHANNEL, state)
    expect(seen).toHaveLength(1)
    expect(listeners.get(STATE_CHANNEL)?.size).toBe(0)
  })

  it('passes only known views to onOpenView listeners', () => {
    const { ipc, emit } = fakeIpc()
    const bridge = createBridge(ipc)
    const seen: unknown[] = []
    const unsubscribe = bridge.onOpenView((view) => seen.push(view))
    emit(VIEW_CHANNEL, 'settings')
    emit(VIEW_CHANNEL, 'javascript:alert(1)')
    unsubscribe()
    emit(VIEW_CHANNEL, 'now')
    expect(seen).toEqual(['settings'])
  })
})
