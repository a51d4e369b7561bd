import type { App, Session } from 'electron'
import { safeUrl, type RendererLocation } from './renderer-location'
import { trayContentSecurityPolicy } from './web-preferences'

/** App-wide hardening: no navigation, no new windows, no webviews, no permissions, a strict CSP. */
export function setupSecurity(app: App, session: Session, location: RendererLocation): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault())
    contents.on('will-redirect', (event) => event.preventDefault())
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  })

  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)

  // The page's meta tag carries the same policy; the header also covers the dev server.
  const csp = trayContentSecurityPolicy(location.kind === 'dev' ? location.origin : undefined)
  session.webRequest.onHeadersReceived((details, callback) => {
    const url = safeUrl(details.url)
    const ours =
      location.kind === 'dev' ? url?.origin === location.origin : url?.protocol === 'file:'
    if (!ours) return callback({ responseHeaders: details.responseHeaders })
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } })
  })
}
