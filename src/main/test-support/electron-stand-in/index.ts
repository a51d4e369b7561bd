import { chromium, type Browser } from 'playwright-core'
import type { Desktop } from '../../desktop'
import { StandInApp } from './app'
import {
  StandInClipboard,
  StandInGlobalShortcut,
  StandInNativeTheme,
  StandInSession,
  standInNativeImage,
  standInNotification,
  standInSafeStorage,
  standInScreen,
} from './desktop-parts'
import { StandInIpcMain } from './ipc'
import { StandInMenu, StandInTray } from './tray'
import { standInUtilityProcess, type StandInUtilityProcess } from './utility-process'
import { StandInBrowserWindow, type WindowHost } from './windows'

export type { StandInBrowserWindow } from './windows'
export type { StandInTray } from './tray'
export type { StandInUtilityProcess } from './utility-process'

/** Electron loads the built page's module scripts from file:; Chromium alone refuses them (a
 * file: URL has no origin for CORS) unless files may read files. */
const FILE_PAGES = '--allow-file-access-from-files'

/**
 * The part of Electron's main-process API Clipwise uses, for Node: hand `desktop` to `runApp` and
 * drive the rest (tray menu, hotkey, window focus, connector process) from the test. Windows are
 * pages in the given Chromium (Debian's; Playwright never downloads one here).
 */
export function createElectronStandIn(options: {
  appPath: string
  chromiumPath: string
  /** Flags for that Chromium (the project's: e2e/support/chromium.ts). */
  chromiumArgs: readonly string[]
}) {
  const trays: StandInTray[] = []
  const windows: StandInBrowserWindow[] = []
  const children: StandInUtilityProcess[] = []
  const notifications: { title: string; body: string }[] = []
  let browser: Promise<Browser> | undefined

  const app = new StandInApp(options.appPath, async () => {
    for (const window of windows) window.destroy()
    for (const child of children) if (!child.exited) child.kill()
    await (await browser?.catch(() => undefined))?.close()
  })
  const ipcMain = new StandInIpcMain()
  const host: WindowHost = {
    ipcMain,
    browser: () =>
      (browser ??= chromium.launch({
        executablePath: options.chromiumPath,
        args: [...options.chromiumArgs, FILE_PAGES],
      })),
    created(window) {
      windows.push(window)
      app.emit('web-contents-created', {}, window.webContents)
    },
  }

  class BrowserWindow extends StandInBrowserWindow {
    constructor(windowOptions: Electron.BrowserWindowConstructorOptions = {}) {
      super(windowOptions, host)
    }

    static getAllWindows(): Electron.BrowserWindow[] {
      return windows.filter((window) => !window.destroyed) as unknown as Electron.BrowserWindow[]
    }
  }

  class Tray extends StandInTray {
    constructor(image: Electron.NativeImage | string) {
      super(image)
      trays.push(this)
    }
  }

  const globalShortcut = new StandInGlobalShortcut()
  const clipboard = new StandInClipboard()
  const session = new StandInSession()
  const parts = {
    app,
    BrowserWindow,
    clipboard,
    globalShortcut,
    ipcMain,
    Menu: StandInMenu,
    nativeImage: standInNativeImage,
    nativeTheme: new StandInNativeTheme(),
    Notification: standInNotification(notifications),
    safeStorage: standInSafeStorage,
    screen: standInScreen,
    session: { defaultSession: session },
    Tray,
    utilityProcess: standInUtilityProcess(children),
  } satisfies Record<keyof Desktop, unknown>
  // Each part implements a Pick of its Electron declaration (checked in its own file); the whole
  // Electron classes it stands for are far larger, hence this one cast.
  const desktop = parts as unknown as Desktop
  return { desktop, ...parts, trays, windows, children, notifications, session }
}

export type ElectronStandIn = ReturnType<typeof createElectronStandIn>
