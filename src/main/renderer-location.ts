import { pathToFileURL } from 'node:url'

/** Where our tray window's page comes from: the built file, or Vite's dev server in development. */
export type RendererLocation =
  { kind: 'file'; url: string } | { kind: 'dev'; origin: string; url: string }

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

/** Picks the page to load; a dev server URL counts only in an unpackaged app and only on loopback. */
export function resolveRendererLocation(options: {
  isPackaged: boolean
  devServerUrl: string | undefined
  indexHtmlPath: string
}): RendererLocation {
  const { isPackaged, devServerUrl, indexHtmlPath } = options
  if (!isPackaged && devServerUrl) {
    const url = safeUrl(devServerUrl)
    if (url && url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) {
      return { kind: 'dev', origin: url.origin, url: url.href }
    }
  }
  return { kind: 'file', url: pathToFileURL(indexHtmlPath).href }
}

/** Parses a URL, or undefined when it is not one. */
export function safeUrl(text: string): URL | undefined {
  try {
    return new URL(text)
  } catch {
    return undefined
  }
}

/** True when a frame URL is exactly our page (any fragment, no query), never a look-alike. */
export function isOurPage(frameUrl: string, location: RendererLocation): boolean {
  const url = safeUrl(frameUrl)
  if (!url) return false
  if (location.kind === 'dev') return url.origin === location.origin
  const ours = new URL(location.url)
  // `file:` has no real origin: every local file would pass an origin check, so the whole
  // normalised URL must match (host, path, no query), fragment aside.
  return (
    url.protocol === 'file:' &&
    url.host === ours.host &&
    url.pathname === ours.pathname &&
    url.search === '' &&
    url.username === '' &&
    url.password === ''
  )
}
