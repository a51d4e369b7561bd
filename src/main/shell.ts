import { join } from 'node:path'
import { createCompanion } from '../core'
import type { Companion } from '../core/contracts'
import { clipwiseDataDir } from '../front-ends/data-folder'
import { useOrStartEmbedded } from '../front-ends/embedded-advertisement'
import type { AppState } from '../shared/domain'
import { STATE_CHANNEL } from '../shared/ipc'
import { trayClipboardPort } from './clipboard-port'
import type { Desktop } from './desktop'
import { startEmbeddedConnector } from './embedded-connector'
import { GlobalHotkey } from './hotkey'
import { registerIpcHandlers } from './ipc-handlers'
import { applyLaunchAtLogin } from './login-item'
import { popupFor } from './popup-decision'
import { resolveRendererLocation, type RendererLocation } from './renderer-location'
import { setupSecurity } from './security'
import { createBatcher } from './state-batcher'
import { AppTray } from './tray'
import { createTrayActions } from './tray-actions'
import { TrayWindow } from './tray-window'
import { createTeamPasswordStore } from './team-password'
import { createTeamSource } from './team-source'

/** The running shell: the core and the pieces of desktop it drives. */
export interface Shell {
  companion: Companion
  window: TrayWindow
  tray: AppTray
  saveCurrent(): Promise<void>
}

/** Wires core, tray, window, hotkey and IPC together; called once the app is ready. */
export async function createShell(desktop: Desktop): Promise<Shell> {
  const { app, clipboard, ipcMain, safeStorage, session } = desktop
  const location = setupLocation(desktop)
  setupSecurity(app, session.defaultSession, location)
  // The same folder as the `clipwise` CLI: one library, one settings file, one save queue.
  const dataDir = clipwiseDataDir()
  const port = await trayClipboardPort(clipboard, process.platform, process.env)
  // The team source needs the core; the core starts the connector only after both exist.
  const teamHolder: { source?: ReturnType<typeof createTeamSource> } = {}
  const companion = createCompanion({
    clipboard: port.port,
    dataDir,
    startEmbeddedConnector: () =>
      useOrStartEmbedded(dataDir, () =>
        startEmbeddedConnector(desktop, dataDir, teamHolder.source),
      ),
    appVersion: app.getVersion(),
    platform: process.platform,
  })
  const teamSource = createTeamSource(companion, createTeamPasswordStore(dataDir, safeStorage))
  teamHolder.source = teamSource
  const window = new TrayWindow(desktop, {
    location,
    preload: join(__dirname, '../preload/index.js'),
    devTools: !app.isPackaged,
    platform: process.platform,
    trayBounds: () => tray.tray.getBounds(),
    onShown: () => companion.windowOpened(),
  })
  const notify = notifier(desktop)
  const actions = createTrayActions({ window, companion, notify, quit: () => app.quit() })
  const tray = new AppTray(desktop, {
    platform: process.platform,
    onAction: (action) => void actions.act(action),
    onClick: () => window.toggle(),
  })
  const hotkey = new GlobalHotkey(
    desktop.globalShortcut,
    () => void actions.saveCurrent(),
    (status) => companion.setHotkeyStatus(status),
  )
  registerIpcHandlers(ipcMain, {
    companion,
    hideWindow: () => window.hide(),
    setTeamPassword: (password) => teamSource.setPassword(password),
    trusted: () => ({ webContentsId: window.window.webContents.id, location }),
  })
  setupStatePush(desktop, { companion, window, tray, hotkey, notify })
  app.once('will-quit', () => port.close())
  return { companion, window, tray, saveCurrent: actions.saveCurrent }
}

function setupLocation({ app }: Desktop): RendererLocation {
  return resolveRendererLocation({
    isPackaged: app.isPackaged,
    devServerUrl: process.env.ELECTRON_RENDERER_URL,
    indexHtmlPath: join(__dirname, '../renderer/index.html'),
  })
}

type Notify = (options: { title: string; body: string }, onClick?: () => void) => void

function notifier({ Notification }: Desktop): Notify {
  return (options, onClick) => {
    if (!Notification.isSupported()) return
    const notification = new Notification({ ...options, silent: true })
    if (onClick) notification.on('click', onClick)
    notification.show()
  }
}

/** State pushes to the window (batched), and everything the shell derives from state. */
function setupStatePush(
  { app }: Desktop,
  deps: {
    companion: Companion
    window: TrayWindow
    tray: AppTray
    hotkey: GlobalHotkey
    notify: Notify
  },
) {
  const { companion, window, tray, hotkey, notify } = deps
  let previous: AppState | undefined
  const batcher = createBatcher<AppState>((state) => {
    const contents = window.window.webContents
    if (!contents.isDestroyed()) contents.send(STATE_CHANNEL, state)
    tray.update(state)
    hotkey.set(state.settings.hotkey)
    if (previous?.settings.launchAtLogin !== state.settings.launchAtLogin) {
      void applyLaunchAtLogin(app, state.settings.launchAtLogin).catch((error: unknown) =>
        console.error('Clipwise: could not change launch at login:', error),
      )
    }
    const popup = popupFor(previous, state, window.isVisible())
    if (popup.type === 'show-inactive') window.showInactive()
    if (popup.type === 'notify') notify(popup, () => window.show())
    previous = state
  }, globalThis)
  const unsubscribe = companion.subscribe((state) => batcher.push(state))
  // Apply the stored state at once (tray, hotkey, login item), before the core's first change.
  void companion.getState().then((state) => batcher.push(state))
  app.once('will-quit', () => {
    unsubscribe()
    batcher.dispose()
    hotkey.dispose()
  })
}
