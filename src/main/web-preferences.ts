import type { WebPreferences } from 'electron'

/** The tray window's web preferences: isolated, sandboxed, no Node, nothing optional turned on. */
export function trayWebPreferences(options: {
  preload: string
  devTools: boolean
}): WebPreferences {
  return {
    preload: options.preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    // Middle-click would open links in new windows; those are denied anyway, this stops the attempt.
    disableBlinkFeatures: 'Auxclick',
    spellcheck: false,
    devTools: options.devTools,
    // The window sits hidden most of the time; keep its timers and pushes live while it does.
    backgroundThrottling: false,
  }
}

/** Content-Security-Policy for the tray window: our own scripts and styles only, no network. */
export function trayContentSecurityPolicy(devOrigin?: string): string {
  const connect = devOrigin ? `'self' ${devOrigin.replace(/^http/, 'ws')}` : `'none'`
  return [
    `default-src 'none'`,
    `script-src 'self'`,
    `style-src 'self'`,
    `img-src 'self' data:`,
    `font-src 'self'`,
    `connect-src ${connect}`,
    `base-uri 'none'`,
    `form-action 'none'`,
    `frame-ancestors 'none'`,
    `object-src 'none'`,
  ].join('; ')
}
