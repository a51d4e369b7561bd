import { describe, expect, it } from 'vitest'
import { trayContentSecurityPolicy, trayWebPreferences } from './web-preferences'

describe('trayWebPreferences', () => {
  it('isolates, sandboxes and keeps Node out of the tray window', () => {
    const prefs = trayWebPreferences({ preload: '/app/out/preload/index.js', devTools: false })
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
      devTools: false,
    })
  })

  it('turns nothing risky on, whatever the options', () => {
    const prefs = trayWebPreferences({ preload: '/p.js', devTools: true }) as Record<
      string,
      unknown
    >
    for (const key of [
      'enableBlinkFeatures',
      'additionalArguments',
      'partition',
      'session',
      'v8CacheOptions',
    ]) {
      expect(prefs[key], key).toBeUndefined()
    }
  })
})

describe('trayContentSecurityPolicy', () => {
  it('allows only our own scripts and styles and no network in a built app', () => {
    const csp = trayContentSecurityPolicy()
    expect(csp).toContain(`default-src 'none'`)
    expect(csp).toContain(`script-src 'self'`)
    expect(csp).toContain(`connect-src 'none'`)
    expect(csp).toContain(`object-src 'none'`)
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/)
  })

  it('lets the dev server push updates over its websocket in development only', () => {
    expect(trayContentSecurityPolicy('http://localhost:5173')).toContain(
      `connect-src 'self' ws://localhost:5173`,
    )
  })
})
