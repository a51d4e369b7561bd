import type { BrowserWindow } from 'electron'
import { VIEW_CHANNEL, type OpenableView } from '../shared/ipc'
import { TRAY_WINDOW_SIZE as WINDOW_SIZE } from '../shared/window-size'
import type { Desktop } from './desktop'
import type { RendererLocation } from './renderer-location'
import { trayWebPreferences } from './web-preferences'
import { displayFor, isKnownRect, placeTrayWindow, type Rect } from './window-position'

/** Long enough for a click on the tray icon to land before the blur hides the window. */
const HIDE_ON_BLUR_DELAY_MS = 120
/** An inactive popup (shown without focus) goes away by itself if the user never turns to it. */
const INACTIVE_POPUP_MS = 10_000

/** The frameless tray window: created hidden, shown next to the tray, hidden again on blur. */
export class TrayWindow {
  readonly window: BrowserWindow
  private blurTimer: NodeJS.Timeout | undefined
  private popupTimer: NodeJS.Timeout | undefined
  private hiddenByBlurAt = 0
  private quitting = false

  constructor(
    private readonly desktop: Pick<Desktop, 'BrowserWindow' | 'screen'>,
    private readonly options: {
      location: RendererLocation
      preload: string
      devTools: boolean
      platform: string
      trayBounds: () => Rect | undefined
      onShown: () => void
    },
  ) {
    // Reviewed electronegativity exceptions: the checks below read only an inline object literal,
    // while trayWebPreferences() sets contextIsolation, sandbox and disableBlinkFeatures: 'Auxclick'
    // (asserted by web-preferences.test.ts).
    // prettier-ignore
    this.window = new desktop.BrowserWindow({ // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK
      ...WINDOW_SIZE,
      show: false,
      frame: false,
      resizable: false,
      movable: false,
      minimizable: false,
      maximizable: false,
      fullscreenable: false,
      skipTaskbar: true,
      alwaysOnTop: true,
      title: 'Clipwise',
      backgroundColor: '#00000000',
      webPreferences: trayWebPreferences({ preload: options.preload, devTools: options.devTools }),
    })
    // Keep the window above full-screen apps on macOS, like a menu.
    if (options.platform === 'darwin')
      this.window.setVisibleOnAllWorkspaces(true, { visibleOnFullScreen: true })
    this.window.on('blur', () => this.scheduleHideOnBlur())
    this.window.on('focus', () => this.cancelTimers())
    // Alt+F4 or Cmd+W hides the window; it is destroyed only when the app quits.
    this.window.on('close', (event) => {
      if (this.quitting) return
      event.preventDefault()
      this.hide()
    })
    void this.window.loadURL(options.location.url)
  }

  /** Shows and focuses the window next to the tray (menu item, tray click, hotkey). */
  show(view?: OpenableView): void {
    this.cancelTimers()
    if (view) this.openView(view)
    this.moveNextToTray()
    this.window.show()
    this.window.focus()
    this.options.onShown()
  }

  /** Shows the window without taking focus from the user's editor (a new suggestion). */
  showInactive(): void {
    this.cancelTimers()
    this.moveNextToTray()
    this.window.showInactive()
    this.popupTimer = setTimeout(() => {
      if (!this.window.isFocused()) this.hide()
    }, INACTIVE_POPUP_MS)
  }

  hide(): void {
    this.cancelTimers()
    if (!this.window.isDestroyed()) this.window.hide()
  }

  /** A tray icon click: show, or hide when it is open (and not just hidden by that same click's blur). */
  toggle(): void {
    if (this.window.isVisible() && this.window.isFocused()) this.hide()
    else if (Date.now() - this.hiddenByBlurAt > 300) this.show()
  }

  /** Lets the window close for real (the app is quitting). */
  allowClose(): void {
    this.quitting = true
  }

  isVisible(): boolean {
    return !this.window.isDestroyed() && this.window.isVisible()
  }

  private openView(view: OpenableView): void {
    // A push to the page (it switches its view); sent once the page has loaded.
    const contents = this.window.webContents
    const send = () => contents.send(VIEW_CHANNEL, view)
    if (contents.isLoading()) contents.once('did-finish-load', send)
    else send()
  }

  private moveNextToTray(): void {
    const tray = this.options.trayBounds()
    const { screen } = this.desktop
    const cursor = screen.getCursorScreenPoint()
    const anchor = isKnownRect(tray)
      ? { x: tray.x + tray.width / 2, y: tray.y + tray.height / 2 }
      : cursor
    const display = displayFor(screen.getAllDisplays(), anchor) ?? screen.getPrimaryDisplay()
    const { x, y } = placeTrayWindow({
      tray,
      cursor: isKnownRect(tray) ? undefined : cursor,
      display,
      window: WINDOW_SIZE,
      platform: this.options.platform,
    })
    this.window.setPosition(x, y, false)
  }

  private scheduleHideOnBlur(): void {
    if (this.window.webContents.isDevToolsOpened()) return
    clearTimeout(this.blurTimer)
    this.blurTimer = setTimeout(() => {
      this.hiddenByBlurAt = Date.now()
      this.hide()
    }, HIDE_ON_BLUR_DELAY_MS)
  }

  private cancelTimers(): void {
    clearTimeout(this.blurTimer)
    clearTimeout(this.popupTimer)
  }
}
