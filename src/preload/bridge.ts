import type { AppState } from '../shared/domain'
import type { ClipwiseBridge, IpcReply, OpenableView } from '../shared/ipc'
import { channelOf, STATE_CHANNEL, VIEW_CHANNEL } from '../shared/ipc-channels'

/** The part of Electron's `ipcRenderer` the bridge uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown
}

/** Builds `window.clipwise`: one explicit method per channel, nothing else reaches the page. */
export function createBridge(ipc: IpcRendererLike) {
  // Typed per method below; main validates every payload and the result shape comes from the core.
  // A failure rejects with main's plain IpcFailure object, so its code reaches the page intact.
  const call = async <T>(channel: string, ...payload: unknown[]): Promise<T> => {
    const reply = (await ipc.invoke(channel, ...payload)) as IpcReply<T>
    if (reply.ok) return reply.value
    throw reply.error
  }
  const bridge = {
    getState: () => call<AppState>(channelOf.getState),
    reuse: (request) => call(channelOf.reuse, request),
    save: (request) => call(channelOf.save, request),
    dismiss: (request) => call(channelOf.dismiss, request),
    undoSave: (request) => call(channelOf.undoSave, request),
    saveClipboard: () => call(channelOf.saveClipboard),
    listLibrary: () => call(channelOf.listLibrary),
    searchLibrary: (request) => call(channelOf.searchLibrary, request),
    copyFromLibrary: (request) => call(channelOf.copyFromLibrary, request),
    updateAsset: (request) => call(channelOf.updateAsset, request),
    deleteAsset: (request) => call(channelOf.deleteAsset, request),
    getUsageStats: () => call(channelOf.getUsageStats),
    updateSettings: (patch) => call(channelOf.updateSettings, patch),
    testIgnorePattern: (request) => call(channelOf.testIgnorePattern, request),
    completeOnboarding: (request) => call(channelOf.completeOnboarding, request),
    hideWindow: () => call(channelOf.hideWindow),
    setTeamPassword: (request) => call(channelOf.setTeamPassword, request),
    onState: (listener) => {
      // The IPC event (with its sender) never reaches the page: only the state does.
      const forward = (_event: unknown, state: unknown) => listener(state as AppState)
      ipc.on(STATE_CHANNEL, forward)
      return () => {
        ipc.removeListener(STATE_CHANNEL, forward)
      }
    },
    onOpenView: (listener) => {
      const forward = (_event: unknown, view: unknown) => {
        if (view === 'now' || view === 'settings') listener(view satisfies OpenableView)
      }
      ipc.on(VIEW_CHANNEL, forward)
      return () => {
        ipc.removeListener(VIEW_CHANNEL, forward)
      }
    },
  } satisfies ClipwiseBridge
  return bridge
}
