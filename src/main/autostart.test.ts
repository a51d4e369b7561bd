import { describe, expect, it } from 'vitest'
import { autostartDesktopEntry, autostartEntryPath, launchCommand } from './autostart'

describe('launch at login on Linux', () => {
  it('starts the AppImage, the packaged binary, or Electron with the app folder', () => {
    expect(
      launchCommand({
        execPath: '/tmp/.mount/clipwise-app',
        isPackaged: true,
        appPath: '/x',
        appImage: '/home/a/Clipwise.AppImage',
      }),
    ).toEqual(['/home/a/Clipwise.AppImage'])
    expect(
      launchCommand({ execPath: '/opt/Clipwise/clipwise-app', isPackaged: true, appPath: '/x' }),
    ).toEqual(['/opt/Clipwise/clipwise-app'])
    expect(
      launchCommand({
        execPath: '/repo/node_modules/electron/dist/electron',
        isPackaged: false,
        appPath: '/repo',
      }),
    ).toEqual(['/repo/node_modules/electron/dist/electron', '/repo'])
  })

  it('writes a valid XDG autostart entry, quoting the Exec line per the Desktop Entry spec', () => {
    const entry = autostartDesktopEntry(['/home/me/My Apps/Clipwise "beta".AppImage', '--50%'])
    expect(entry.split('\n')).toEqual(
      expect.arrayContaining([
        '[Desktop Entry]',
        'Type=Application',
        'Name=Clipwise',
        'Exec="/home/me/My Apps/Clipwise \\"beta\\".AppImage" --50%%',
        'X-GNOME-Autostart-enabled=true',
      ]),
    )
    expect(entry.startsWith('[Desktop Entry]\n')).toBe(true)
    expect(autostartDesktopEntry(['/opt/x\nExec=evil'])).not.toMatch(/^Exec=evil/m)
  })

  it('lives in $XDG_CONFIG_HOME/autostart, else ~/.config/autostart', () => {
    expect(autostartEntryPath({ XDG_CONFIG_HOME: '/cfg', HOME: '/home/a' })).toBe(
      '/cfg/autostart/clipwise.desktop',
    )
    expect(autostartEntryPath({ HOME: '/home/a' })).toBe(
      '/home/a/.config/autostart/clipwise.desktop',
    )
  })
})
