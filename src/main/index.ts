import { app } from 'electron'
import {
  launchRequestFromArgv,
  launchRequestFromSecondInstance,
  type LaunchData,
} from './launch-request'
import { createShell, type Shell } from './shell'
import type { TrayAction } from './tray-menu'

// Every renderer sandboxed, whatever its web preferences say; must run before `ready`.
app.enableSandbox()

const firstRequest = launchRequestFromArgv(process.argv)

if (!app.requestSingleInstanceLock({ request: firstRequest } satisfies LaunchData)) {
  // Another Clipwise runs: it received our request through `second-instance`.
  app.quit()
} else {
  setupLifecycle()
  void app.whenReady().then(start)
}

function setupLifecycle() {
  if (process.platform === 'win32') app.setAppUserModelId('dev.clipwise.app')
  // A tray app lives on with no window open.
  app.on('window-all-closed', () => undefined)
}

async function start() {
  if (process.platform === 'darwin') app.dock?.hide()
  const shell = await createShell()
  setupSecondInstance(shell)
  setupQuit(shell)
  setupTestHooks(shell)
  try {
    await shell.companion.start()
  } catch (error) {
    // The core reports connector problems in the state; anything reaching here is a bug.
    console.error('Clipwise: the core failed to start:', error)
  }
  if (firstRequest === 'save-current') await shell.saveCurrent()
}

function setupSecondInstance(shell: Shell) {
  app.on('second-instance', (_event, argv, _cwd, data) => {
    const request = launchRequestFromSecondInstance(data, argv)
    if (request === 'save-current') void shell.saveCurrent()
    else shell.window.show()
  })
}

function setupQuit(shell: Shell) {
  let stopped = false
  app.on('before-quit', (event) => {
    if (stopped) return
    event.preventDefault()
    stopped = true
    shell.window.allowClose()
    // Flush the core (app-stopped event, embedded connector) before the process ends.
    const timeout = new Promise((resolve) => setTimeout(resolve, 3_000))
    void Promise.race([shell.companion.stop(), timeout])
      .catch((error: unknown) => console.error('Clipwise: stopping the core failed:', error))
      .finally(() => app.quit())
  })
}

// End-to-end tests drive the tray menu and the hotkey, which no test can click for real.
function setupTestHooks(shell: Shell) {
  if (app.isPackaged || process.env.CLIPWISE_E2E !== '1') return
  Object.assign(globalThis, {
    clipwiseTest: {
      clickTrayItem: (id: TrayAction) => shell.tray.currentMenu()?.getMenuItemById(id)?.click(),
      pressHotkey: () => shell.saveCurrent(),
    },
  })
}
