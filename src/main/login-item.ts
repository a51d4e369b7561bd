import { mkdir, rm, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { App } from 'electron'
import { autostartDesktopEntry, autostartEntryPath, launchCommand } from './autostart'

/** Turns launch at login on or off with the platform's mechanism (login items, XDG autostart). */
export async function applyLaunchAtLogin(app: App, enabled: boolean): Promise<void> {
  if (process.platform !== 'linux') {
    // Clipwise starts in the tray with no window, so no "hidden" flag is needed.
    app.setLoginItemSettings({ openAtLogin: enabled })
    return
  }
  const file = autostartEntryPath(process.env)
  if (!enabled) {
    await rm(file, { force: true })
    return
  }
  const command = launchCommand({
    execPath: process.execPath,
    isPackaged: app.isPackaged,
    appPath: app.getAppPath(),
    appImage: process.env.APPIMAGE,
  })
  await mkdir(dirname(file), { recursive: true })
  await writeFile(file, autostartDesktopEntry(command))
}
