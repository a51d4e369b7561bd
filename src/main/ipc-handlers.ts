import type { IpcMain } from 'electron'
import type { Companion } from '../core/contracts'
import { invokeChannels, type ClipwiseApi, type InvokeMethod } from '../shared/ipc'
import { guardHandler, toReply } from './ipc-guard'
import type { RendererLocation } from './renderer-location'

type Handlers = {
  [M in InvokeMethod]: (...args: Parameters<ClipwiseApi[M]>) => ReturnType<ClipwiseApi[M]>
}

/** One handler per channel, each a single call into the core; every one is guarded by `guardHandler`. */
export function registerIpcHandlers(
  ipcMain: IpcMain,
  deps: {
    companion: Companion
    hideWindow: () => void
    setTeamPassword: (password: string) => Promise<void>
    trusted: () => { webContentsId: number | undefined; location: RendererLocation }
  },
): () => void {
  const { companion } = deps
  const handlers: Handlers = {
    getState: () => companion.getState(),
    reuse: (request) => companion.reuse(request),
    save: (request) => companion.save(request),
    dismiss: (request) => companion.dismiss(request),
    undoSave: (request) => companion.undoSave(request),
    saveClipboard: () => companion.saveClipboard(),
    listLibrary: () => companion.listLibrary(),
    searchLibrary: (request) => companion.searchLibrary(request),
    copyFromLibrary: (request) => companion.copyFromLibrary(request),
    updateAsset: (request) => companion.updateAsset(request),
    deleteAsset: (request) => companion.deleteAsset(request),
    getUsageStats: () => companion.getUsageStats(),
    updateSettings: (patch) => companion.updateSettings(patch),
    testIgnorePattern: (request) => companion.testIgnorePattern(request),
    completeOnboarding: (request) => companion.completeOnboarding(request),
    hideWindow: async () => deps.hideWindow(),
    setTeamPassword: (request) => deps.setTeamPassword(request.password),
  }
  const methods = Object.keys(invokeChannels) as InvokeMethod[]
  for (const method of methods) {
    const handler = handlers[method] as (payload: never) => Promise<unknown>
    const guarded = guardHandler(method, deps.trusted, handler)
    ipcMain.handle(invokeChannels[method].channel, (event, payload: unknown) =>
      toReply(() => guarded(event, payload)),
    )
  }
  return () => methods.forEach((method) => ipcMain.removeHandler(invokeChannels[method].channel))
}
