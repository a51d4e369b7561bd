import type { Page } from '@playwright/test'
import type { Companion } from '../../src/core'
import type { AppState } from '../../src/shared/domain'
import { invokeChannels, type InvokeMethod } from '../../src/shared/ipc'

export interface BridgeRecord {
  /** Every bridge call the page made, in order. */
  calls: { method: InvokeMethod; request: unknown }[]
  hideWindow: number
  detach(): void
}

declare global {
  interface Window {
    __clipwiseInvoke?: (method: string, request: unknown) => Promise<unknown>
    __clipwisePush?: (state: AppState) => void
    /** Plays main asking the window for a view (the tray menu's "Settings…"). */
    __clipwiseOpenView?: (view: string) => void
  }
}

/**
 * Gives the page the same `window.clipwise` the preload exposes, with every method forwarded
 * through `exposeBinding` to a real core in the test process, and every state change pushed back.
 * Must run before the page loads.
 */
export async function bindBridge(page: Page, companion: Companion): Promise<BridgeRecord> {
  const record: BridgeRecord = { calls: [], hideWindow: 0, detach: () => {} }
  await page.exposeBinding('__clipwiseInvoke', async (_source, method: InvokeMethod, request) => {
    record.calls.push({ method, request })
    if (method === 'hideWindow') {
      record.hideWindow++
      return undefined
    }
    if (method === 'setTeamPassword') return undefined
    const call = companion[method] as (request?: unknown) => Promise<unknown>
    return call.call(companion, request)
  })
  await page.addInitScript((methods: string[]) => {
    const listeners = new Set<(state: AppState) => void>()
    const viewListeners = new Set<(view: string) => void>()
    const api: Record<string, unknown> = {
      onState(listener: (state: AppState) => void) {
        listeners.add(listener)
        return () => listeners.delete(listener)
      },
      onOpenView(listener: (view: string) => void) {
        viewListeners.add(listener)
        return () => viewListeners.delete(listener)
      },
    }
    for (const method of methods) {
      api[method] = (request: unknown) => window.__clipwiseInvoke?.(method, request)
    }
    window.__clipwisePush = (state) => listeners.forEach((listener) => listener(state))
    window.__clipwiseOpenView = (view) => viewListeners.forEach((listener) => listener(view))
    Object.defineProperty(window, 'clipwise', { value: Object.freeze(api) })
  }, Object.keys(invokeChannels))

  const unsubscribe = companion.subscribe((state) => {
    page
      .evaluate((next) => window.__clipwisePush?.(next), state)
      .catch(() => {
        // The page may be navigating or closed; the next load asks for the state again.
      })
  })
  record.detach = unsubscribe
  return record
}
