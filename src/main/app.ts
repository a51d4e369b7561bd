import type { Desktop } from './desktop'
import {
  launchRequestFromArgv,
  launchRequestFromSecondInstance,
  type LaunchData,
} from './launch-request'
import { createShell, type Shell } from './shell'
import type { TrayAction } from './tray-menu'

/** The hooks an unpackaged app run with CLIPWISE_E2E=1 puts on `globalThis.clipwiseTest`. */
export interface TestHooks {
  clickTrayItem(id: TrayAction): void
  pressHotkey(): Promise<void>
}

/** Runs the tray app on `desktop` (Electron itself, or the stand-in in tests). */
export function runApp(desktop: Desktop): void {
  const { app } = desktop
  // Every renderer sandboxed, whatever its web preferences say; must run before `ready`.
  app.enableSandbox()

  const firstRequest = launchRequestFromArgv(process.argv)

  if (!app.requestSingleInstanceLock({ request: firstRequest } satisfies LaunchData)) {
    // Another Clipwise runs: it received our request through `second-instance`.
    app.quit()
    return
  }
  if (process.platform === 'win32') app.setAppUserModelId('dev.clipwise.app')
  // A tray app lives on with no window open.
  app.on('window-all-closed', () => undefined)
  void app.whenReady().then(async () => {
    if (process.platform === 'darwin') app.dock?.hide()
    const shell = await createShell(desktop)
    setupSecondInstance(desktop, shell)
    setupQuit(desktop, shell)
    setupTestHooks(desktop, shell)
    try {
      await shell.companion.start()
    } catch (error) {
      // The core reports connector problems in the state; anything reaching here is a bug.
      console.error('Clipwise: the core failed to start:', error)
    }
    if (firstRequest === 'save-current') await shell.saveCurrent()
  })
}

function setupSecondInstance({ app }: Desktop, shell: Shell) {
  app.on('second-instance', (_event, argv, _cwd, data) => {
    const request = launchRequestFromSecondInstance(data, argv)
    if (request === 'save-current') void shell.saveCurrent()
    else shell.window.show()
  })
}

function setupQuit({ app }: Desktop, shell: Shell) {
  let stopped = false
  app.on('before-quit', (event) => {
    if (stopped) return
    event.preventDefault()
    stopped = true
    shell.window.allowClose()
    // Flush the core (app-stopped event, embedded connector) before the process ends.
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise((resolve) => (timer = setTimeout(resolve, 3_000)))
    void Promise.race([shell.companion.stop(), timeout])
      .catch((error: unknown) => console.error('Clipwise: stopping the core failed:', error))
      .finally(() => {
        clearTimeout(timer)
        app.quit()
      })
  })
}

// End-to-end tests drive the tray menu and the hotkey, which no test can click for real.
function setupTestHooks({ app }: Desktop, shell: Shell) {
  if (app.isPackaged || process.env.CLIPWISE_E2E !== '1') return
  const hooks: TestHooks = {
    clickTrayItem: (id) => shell.tray.currentMenu()?.getMenuItemById(id)?.click(),
    pressHotkey: () => shell.saveCurrent(),
  }
  Object.assign(globalThis, { clipwiseTest: hooks })
}
