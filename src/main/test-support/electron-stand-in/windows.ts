import { readFileSync } from 'node:fs'
import Module from 'node:module'
import { dirname } from 'node:path'
import { runInThisContext } from 'node:vm'
import type { Browser, Frame, Page, Request, Route } from 'playwright-core'
import { StandInContextBridge, exposeToPage } from './context-bridge'
import { StandInEmitter, preventableEvent } from './emitter'
import { StandInIpcRenderer, type StandInIpcMain } from './ipc'

type ContentsUsed =
  | 'id'
  | 'on'
  | 'once'
  | 'send'
  | 'isDestroyed'
  | 'isLoading'
  | 'isDevToolsOpened'
  | 'setWindowOpenHandler'
  | 'getURL'

/** A window's web contents: `send` reaches the preload's listeners, like Electron's. */
export class StandInWebContents
  extends StandInEmitter<Electron.WebContents>
  implements Pick<Electron.WebContents, ContentsUsed>
{
  private static nextId = 1
  readonly id = StandInWebContents.nextId++
  destroyed = false
  loading = true
  url = ''
  windowOpenHandler: Parameters<Electron.WebContents['setWindowOpenHandler']>[0] | undefined
  /** Navigations and new windows the app refused, by URL, in order (what a test can await). */
  readonly refused: { kind: 'navigation' | 'new-window'; url: string }[] = []

  constructor(readonly ipc: StandInIpcRenderer) {
    super()
  }

  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed')
    this.ipc.deliver(channel, args)
  }

  isDestroyed(): boolean {
    return this.destroyed
  }

  isLoading(): boolean {
    return this.loading
  }

  isDevToolsOpened(): boolean {
    return false
  }

  setWindowOpenHandler(handler: Parameters<Electron.WebContents['setWindowOpenHandler']>[0]): void {
    this.windowOpenHandler = handler
  }

  getURL(): string {
    return this.url
  }
}

type WindowUsed =
  | 'on'
  | 'once'
  | 'webContents'
  | 'loadURL'
  | 'show'
  | 'showInactive'
  | 'hide'
  | 'focus'
  | 'isFocused'
  | 'isVisible'
  | 'isDestroyed'
  | 'setPosition'
  | 'getPosition'
  | 'setVisibleOnAllWorkspaces'
  | 'close'
  | 'destroy'

/** What a stand-in window needs from the stand-in around it. */
export interface WindowHost {
  browser(): Promise<Browser>
  ipcMain: StandInIpcMain
  /** Called for each new window's web contents (the app's `web-contents-created`). */
  created(window: StandInBrowserWindow): void
}

/**
 * Electron's `BrowserWindow` as a Chromium page (through Playwright): the page loads the URL the
 * app gives, with the app's real preload run in Node and its `contextBridge` objects exposed to
 * the page (see context-bridge.ts). Showing, hiding and focus are kept as state: a headless page
 * has no place on a screen.
 */
export class StandInBrowserWindow
  extends StandInEmitter<Electron.BrowserWindow>
  implements Pick<Electron.BrowserWindow, WindowUsed>
{
  readonly webContents: Electron.WebContents
  readonly contents: StandInWebContents
  readonly contextBridge = new StandInContextBridge()
  /** The Chromium page, once it is open. */
  readonly page: Promise<Page>
  visible = false
  focused = false
  destroyed = false
  position: [number, number] = [0, 0]

  constructor(
    readonly options: Electron.BrowserWindowConstructorOptions,
    readonly host: WindowHost,
  ) {
    super()
    this.contents = new StandInWebContents(new StandInIpcRenderer(host.ipcMain))
    this.webContents = this.contents as unknown as Electron.WebContents
    host.created(this)
    this.page = this.open()
    // A failure shows when a test awaits the page; do not let it go unhandled meanwhile.
    this.page.catch(() => undefined)
  }

  /** Whether the navigation under way is the app's own `loadURL` (Electron asks no one then). */
  loadingByApp = false

  /** Opens the page and runs the preload (once, from the constructor). */
  async open(): Promise<Page> {
    const browser = await this.host.browser()
    const context = await browser.newContext({
      viewport: { width: this.options.width ?? 800, height: this.options.height ?? 600 },
    })
    const page = await context.newPage()
    // Every request passes here before it leaves Chromium, so the app's handlers decide, as in
    // Electron, whether the page may go elsewhere (`will-navigate`) or open a window
    // (`setWindowOpenHandler`); what they refuse never reaches the network. Refused as aborted:
    // Chromium then keeps the page, as Electron does, where another error would replace it with an
    // error page (which has no Content-Security-Policy).
    await context.route('**/*', (route) => this.decide(route, page))
    // Electron makes no window when the handler denies one, where Chromium has already made the
    // page: it goes at once (the handler was asked, and the request refused, in `decide`). Clipwise
    // denies every new window, so the stand-in models only the one window.
    context.on('page', (other) => void (other !== page && other.close().catch(() => undefined)))
    const preload = this.options.webPreferences?.preload
    if (preload) {
      runPreload(preload, { contextBridge: this.contextBridge, ipcRenderer: this.contents.ipc })
      await exposeToPage(page, this.contextBridge, (frame, run) =>
        this.host.ipcMain.currentSender.run({ contents: this.webContents, frame }, run),
      )
    }
    return page
  }

  /** Lets a request go on, or aborts it where the app's handlers refuse it. */
  async decide(route: Route, page: Page): Promise<void> {
    const request = route.request()
    const url = request.url()
    // A page Chromium opens for `window.open` or a `target=_blank` link asks for its first
    // document before its frame exists; Electron asks the window-open handler first.
    const frame = request.isNavigationRequest() ? frameOf(request) : request.frame()
    if (frame?.page() !== page) {
      const answer = this.contents.windowOpenHandler?.({
        url,
        frameName: '',
        features: '',
        disposition: 'new-window',
        referrer: { url: page.url(), policy: 'default' },
      })
      if (answer?.action !== 'allow') {
        this.contents.refused.push({ kind: 'new-window', url })
        return route.abort('aborted')
      }
    } else if (request.isNavigationRequest() && frame === page.mainFrame() && !this.loadingByApp) {
      const { event, prevented } = preventableEvent()
      this.contents.emit('will-navigate', event, url)
      if (prevented()) {
        this.contents.refused.push({ kind: 'navigation', url })
        return route.abort('aborted')
      }
    }
    return route.continue()
  }

  async loadURL(url: string): Promise<void> {
    const page = await this.page
    this.contents.loading = true
    this.contents.url = url
    this.loadingByApp = true
    try {
      await page.goto(url)
    } finally {
      this.loadingByApp = false
    }
    this.contents.loading = false
    this.contents.emit('did-finish-load')
  }

  show(): void {
    this.visible = true
    this.focus()
    this.emit('show')
  }

  showInactive(): void {
    this.visible = true
    this.emit('show')
  }

  hide(): void {
    const wasFocused = this.focused
    this.visible = false
    this.focused = false
    if (wasFocused) this.emit('blur')
    this.emit('hide')
  }

  focus(): void {
    if (this.focused) return
    this.focused = true
    this.emit('focus')
  }

  /** Plays the user clicking elsewhere: the window loses focus. */
  blur(): void {
    if (!this.focused) return
    this.focused = false
    this.emit('blur')
  }

  isFocused(): boolean {
    return this.focused
  }

  isVisible(): boolean {
    return this.visible
  }

  isDestroyed(): boolean {
    return this.destroyed
  }

  setPosition(x: number, y: number): void {
    this.position = [x, y]
  }

  getPosition(): number[] {
    return [...this.position]
  }

  setVisibleOnAllWorkspaces(): void {}

  /** Asks to close: the app may prevent it (the tray window hides instead). */
  close(): void {
    const { event, prevented } = preventableEvent()
    this.emit('close', event)
    if (!prevented()) this.destroy()
  }

  destroy(): void {
    if (this.destroyed) return
    this.destroyed = true
    this.visible = false
    this.contents.destroyed = true
    void this.page.then((page) => page.context().close()).catch(() => undefined)
    this.emit('closed')
  }
}

/** The frame of a request, or undefined for a new page's first request (its frame comes later). */
function frameOf(request: Request): Frame | undefined {
  try {
    return request.frame()
  } catch {
    return undefined
  }
}

/**
 * Runs a built preload (out/preload/index.js) in Node the way a sandboxed preload runs: its only
 * `require` is `electron`, which gives this window's contextBridge and ipcRenderer stand-ins.
 */
function runPreload(
  file: string,
  electron: { contextBridge: StandInContextBridge; ipcRenderer: StandInIpcRenderer },
): void {
  const code = readFileSync(file, 'utf8')
  const wrapper = runInThisContext(Module.wrap(code), { filename: file }) as (
    ...args: unknown[]
  ) => void
  const module = { exports: {} }
  const require = (id: string) => {
    if (id === 'electron') return electron
    throw new Error(`A sandboxed preload can only require electron, not ${id} (${file}).`)
  }
  wrapper(module.exports, require, module, file, dirname(file))
}
