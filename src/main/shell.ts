import { join } from 'node:path'
import envPaths from 'env-paths'
import { app, clipboard, ipcMain, Notification, safeStorage, session } from 'electron'
import { createCompanion } from '../core'
import type { Companion } from '../core/contracts'
import type { AppState } from '../shared/domain'
import { electronClipboardPort } from './clipboard-port'
import { useOrStartEmbeddedConnector } from './embedded-connector'
import { GlobalHotkey } from './hotkey'
import { registerIpcHandlers } from './ipc-handlers'
import { applyLaunchAtLogin } from './login-item'
import { hotkeyNotification, popupFor } from './popup-decision'
import { resolveRendererLocation, type RendererLocation } from './renderer-location'
import { setupSecurity } from './security'
import { createBatcher } from './state-batcher'
import { AppTray } from './tray'
import type { TrayAction } from './tray-menu'
import { TrayWindow } from './tray-window'
import { createTeamPasswordStore } from './team-password'
import { createTeamSource } from './team-source'
import { STATE_CHANNEL } from '../shared/ipc'

/** The running shell: the core and the pieces of desktop it drives. */
export interface Shell {
  companion: Companion
  window: TrayWindow
  tray: AppTray
  saveCurrent(): Promise<void>
  act(action: TrayAction): void
}

/** Wires core, tray, window, hotkey and IPC together; called once the app is ready. */
export function createShell(): Shell {
  const location = setupLocation()
  setupSecurity(app, session.defaultSession, location)
  // The same folder as the `clipwise` CLI (and its CLIPWISE_DATA_DIR override), so both front ends
  // share one library and one settings file.
  const dataDir = process.env.CLIPWISE_DATA_DIR || envPaths('Clipwise', { suffix: '' }).data
  // The team source needs the core; the core starts the connector only after both exist.
  const teamHolder: { source?: ReturnType<typeof createTeamSource> } = {}
  const companion = createCompanion({
    clipboard: electronClipboardPort(clipboard, process.platform),
    dataDir,
    startEmbeddedConnector: () => useOrStartEmbeddedConnector(dataDir, teamHolder.source),
    appVersion: app.getVersion(),
    platform: process.platform,
  })
  const teamSource = createTeamSource(companion, createTeamPasswordStore(dataDir, safeStorage))
  teamHolder.source = teamSource
  const window = new TrayWindow({
    location,
    preload: join(__dirname, '../preload/index.js'),
    devTools: !app.isPackaged,
    platform: process.platform,
    trayBounds: () => tray.tray.getBounds(),
    onShown: () => companion.windowOpened(),
  })
  const saveCurrent = async () => {
    const result = await companion.hotkeySave()
    notify(hotkeyNotification(result))
  }
  const act = (action: TrayAction) => {
    if (action === 'show') window.show()
    if (action === 'settings') window.show('settings')
    if (action === 'save-now') void saveCurrent()
    if (action === 'quit') app.quit()
    if (action === 'toggle-pause') {
      void companion
        .getState()
        .then((state) => companion.updateSettings({ paused: !state.settings.paused }))
    }
  }
  const tray = new AppTray({
    platform: process.platform,
    onAction: act,
    onClick: () => window.toggle(),
  })
  const hotkey = new GlobalHotkey(
    () => void saveCurrent(),
    (status) => companion.setHotkeyStatus(status),
  )
  registerIpcHandlers(ipcMain, {
    companion,
    hideWindow: () => window.hide(),
    setTeamPassword: (password) => teamSource.setPassword(password),
    trusted: () => ({ webContentsId: window.window.webContents.id, location }),
  })
  setupStatePush({ companion, window, tray, hotkey })
  return { companion, window, tray, saveCurrent, act }
}

function setupLocation(): RendererLocation {
  return resolveRendererLocation({
    isPackaged: app.isPackaged,
    devServerUrl: process.env.ELECTRON_RENDERER_URL,
    indexHtmlPath: join(__dirname, '../renderer/index.html'),
  })
}

function notify(options: { title: string; body: string }, onClick?: () => void) {
  if (!Notification.isSupported()) return
  const notification = new Notification({ ...options, silent: true })
  if (onClick) notification.on('click', onClick)
  notification.show()
}

/** State pushes to the window (batched), and everything the shell derives from state. */
function setupStatePush(deps: {
  companion: Companion
  window: TrayWindow
  tray: AppTray
  hotkey: GlobalHotkey
}) {
  const { companion, window, tray, hotkey } = deps
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
