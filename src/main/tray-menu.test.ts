import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS } from '../shared/settings'
import { hotkeyRegistration } from './hotkey-status'
import { trayIconStatus, trayMenu, trayStatus } from './tray-menu'
import { testState } from './test-support/test-state'

const actions = (state: Parameters<typeof trayMenu>[0]) =>
  trayMenu(state).flatMap((entry) => (entry.type === 'action' ? [entry] : []))

describe('tray menu', () => {
  it('always offers show, save now, pause, settings and quit, even before the core is up', () => {
    expect(actions(undefined).map((entry) => entry.id)).toEqual([
      'show',
      'save-now',
      'toggle-pause',
      'settings',
      'quit',
    ])
  })

  it('shows the hotkey on "Save clipboard now" only when it is registered', () => {
    const saveNow = (registered: boolean) =>
      actions(testState({ hotkey: { accelerator: 'CommandOrControl+Shift+S', registered } })).find(
        (e) => e.id === 'save-now',
      )
    expect(saveNow(true)?.accelerator).toBe('CommandOrControl+Shift+S')
    expect(saveNow(false)?.accelerator).toBeUndefined()
  })

  it('offers Resume when paused', () => {
    const paused = testState({ settings: { ...DEFAULT_SETTINGS, paused: true } })
    expect(actions(paused).find((e) => e.id === 'toggle-pause')?.label).toBe('Resume watching')
    expect(actions(testState()).find((e) => e.id === 'toggle-pause')?.label).toBe('Pause watching')
  })

  it('says what state the app is in, and the icon follows', () => {
    const offline = testState({ connection: { status: 'offline', queued: 2 } })
    const paused = testState({
      settings: { ...DEFAULT_SETTINGS, paused: true },
      connection: { status: 'offline', queued: 0 },
    })
    expect(trayStatus(offline)).toBe('Offline (2 waiting)')
    expect(trayStatus(paused)).toBe('Paused')
    expect(
      trayStatus(
        testState({
          connection: {
            status: 'connected',
            queued: 0,
            target: { url: 'x', kind: 'pieces-os', reason: '' },
          },
        }),
      ),
    ).toBe('Watching (Pieces OS)')
    expect([trayIconStatus(testState()), trayIconStatus(offline), trayIconStatus(paused)]).toEqual([
      'normal',
      'offline',
      'paused',
    ])
  })
})

describe('hotkeyRegistration', () => {
  it('reports success, a taken shortcut, Wayland, and an invalid accelerator, with the CLI fallback', () => {
    expect(hotkeyRegistration({ accelerator: 'Ctrl+Shift+S', outcome: true })).toEqual({
      accelerator: 'Ctrl+Shift+S',
      registered: true,
    })
    const taken = hotkeyRegistration({
      accelerator: 'Ctrl+Shift+S',
      outcome: false,
      sessionType: 'x11',
    })
    expect(taken.registered).toBe(false)
    expect(taken.error).toMatch(/another application/)
    expect(taken.error).toMatch(/clipwise save/)
    expect(
      hotkeyRegistration({ accelerator: 'Ctrl+Shift+S', outcome: false, sessionType: 'wayland' })
        .error,
    ).toMatch(/Wayland/)
    expect(
      hotkeyRegistration({ accelerator: 'Hyper+?', outcome: new Error('bad key') }).error,
    ).toMatch(/not a valid shortcut/)
  })
})
