import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startCoreHarness, type CoreHarness } from '../core/test-support/core-harness'
import type { OpenableView } from '../shared/ipc'
import { createTrayActions } from './tray-actions'
import { trayMenu, type TrayAction } from './tray-menu'

// Every tray menu item, clicked against a real core and embedded connector; only the window,
// the notification and quitting are stand-ins (they are Electron's).

let h: CoreHarness
afterEach(async () => {
  await h?.stop()
})

async function tray() {
  h = await startCoreHarness()
  const shown: (OpenableView | undefined)[] = []
  const notices: { title: string; body: string }[] = []
  let quit = 0
  const actions = createTrayActions({
    window: { show: (view) => shown.push(view) },
    companion: h.companion,
    notify: (notice) => notices.push(notice),
    quit: () => quit++,
  })
  return { actions, shown, notices, quits: () => quit }
}

const settingsOnDisk = () =>
  JSON.parse(readFileSync(join(h.appDir, 'settings.json'), 'utf8')) as { paused: boolean }

describe('the tray menu', () => {
  it('has an action for every item, each doing what its label says', async () => {
    const t = await tray()
    const items = trayMenu(h.state()).flatMap((entry) => (entry.type === 'action' ? [entry] : []))
    const labels = Object.fromEntries(items.map((item) => [item.id, item.label])) as Record<
      TrayAction,
      string
    >
    expect(labels).toEqual({
      show: 'Show Clipwise',
      'save-now': 'Save clipboard now',
      'toggle-pause': 'Pause watching',
      settings: 'Settings…',
      quit: 'Quit Clipwise',
    })

    await t.actions.act('show')
    await t.actions.act('settings')
    expect(t.shown).toEqual([undefined, 'settings'])

    h.clipboard.copy('export const retryDelays = [100, 200, 400, 800] as const\n')
    await t.actions.act('save-now')
    expect(t.notices.at(-1)?.title).toBe('Saved to Clipwise')
    const stored = await h.assets()
    expect(stored.map((a) => a.formats.iterable[0]?.fragment?.string?.raw)).toEqual([
      'export const retryDelays = [100, 200, 400, 800] as const\n',
    ])

    await t.actions.act('toggle-pause')
    expect(settingsOnDisk().paused).toBe(true)
    expect(
      trayMenu(h.state()).some((e) => e.type === 'action' && e.label === 'Resume watching'),
    ).toBe(true)
    await t.actions.act('toggle-pause')
    expect(settingsOnDisk().paused).toBe(false)

    await t.actions.act('quit')
    expect(t.quits()).toBe(1)
  })
})
