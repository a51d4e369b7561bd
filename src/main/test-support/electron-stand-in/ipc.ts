import { AsyncLocalStorage } from 'node:async_hooks'

/** The frame a renderer call came from, as Electron's `senderFrame` describes it. */
export interface SenderFrame {
  url: string
  /** The parent frame (null for a main frame); only its presence matters to the sender check. */
  parent: { url: string } | null
}

/** The renderer side of one call: which web contents and frame sent it. */
export interface Sender {
  contents: Electron.WebContents
  frame: SenderFrame
}

type Handler = Parameters<Electron.IpcMain['handle']>[1]
type RendererListener = (event: Electron.IpcRendererEvent, ...args: unknown[]) => void

/**
 * Electron's `ipcMain` with `invoke` wired straight to it. Payloads and results are copied with
 * structured clone as Electron copies them, and a handler's error reaches the renderer the way
 * Electron passes it: only `Error invoking remote method '<channel>': <error as text>` survives.
 */
export class StandInIpcMain implements Pick<Electron.IpcMain, 'handle' | 'removeHandler'> {
  private readonly handlers = new Map<string, Handler>()
  /** The sender of the renderer call now running (set around each call from a page). */
  readonly currentSender = new AsyncLocalStorage<Sender>()

  handle(channel: string, listener: Handler): void {
    if (this.handlers.has(channel)) {
      throw new Error(`Attempted to register a second handler for '${channel}'`)
    }
    this.handlers.set(channel, listener)
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel)
  }

  /** What `ipcRenderer.invoke` does in a renderer whose call is now running. */
  async invoke(channel: string, args: unknown[]): Promise<unknown> {
    const sender = this.currentSender.getStore()
    if (!sender) throw new Error(`ipcRenderer.invoke('${channel}') outside a renderer call`)
    const handler = this.handlers.get(channel)
    if (!handler)
      throw new Error(
        `Error invoking remote method '${channel}': No handler registered for '${channel}'`,
      )
    const event = {
      sender: sender.contents,
      senderFrame: sender.frame,
      processId: 1,
      frameId: 1,
    } as unknown as Electron.IpcMainInvokeEvent
    try {
      return structuredClone(await handler(event, ...structuredClone(args)))
    } catch (error) {
      // Electron sends the renderer only this text: no cause, no code, no other property.
      // eslint-disable-next-line preserve-caught-error
      throw new Error(`Error invoking remote method '${channel}': ${String(error)}`)
    }
  }
}

/** The `ipcRenderer` a window's preload gets: `invoke` goes to `ipcMain`, pushes come from
 * `webContents.send`. */
export class StandInIpcRenderer implements Pick<
  Electron.IpcRenderer,
  'invoke' | 'on' | 'removeListener'
> {
  private readonly listeners = new Map<string, Set<RendererListener>>()

  constructor(private readonly ipcMain: StandInIpcMain) {}

  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    return this.ipcMain.invoke(channel, args)
  }

  on(channel: string, listener: RendererListener): Electron.IpcRenderer {
    this.listeners.set(channel, (this.listeners.get(channel) ?? new Set()).add(listener))
    return this as unknown as Electron.IpcRenderer
  }

  removeListener(channel: string, listener: RendererListener): Electron.IpcRenderer {
    this.listeners.get(channel)?.delete(listener)
    return this as unknown as Electron.IpcRenderer
  }

  /** Delivers `webContents.send(channel, ...args)`. */
  deliver(channel: string, args: unknown[]): void {
    const event = { sender: this } as unknown as Electron.IpcRendererEvent
    for (const listener of this.listeners.get(channel) ?? []) {
      listener(event, ...structuredClone(args))
    }
  }
}
