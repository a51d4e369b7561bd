import got from 'got'
import type { ConnectorTarget } from '../../shared/domain'

/** The header Clipwise's connector sets on every answer (its version); Pieces OS does not. */
const CLIPWISE_HEADER = 'x-clipwise-version'

/** Ports a current Pieces OS listens on (spec §1.1). */
export const PIECES_OS_PORTS: readonly number[] = Array.from({ length: 34 }, (_, i) => 39300 + i)
/** Ports of old Pieces OS installs (1000 on macOS/Windows, 5323 on Linux). */
export const LEGACY_PORTS: readonly number[] = [1000, 5323]

/**
 * `CLIPWISE_PIECES_PORTS=off` keeps Clipwise off 39300-39333 altogether: its embedded connector
 * does not listen there and discovery does not look there. The test runners set it, so tests
 * neither take those ports nor mistake someone else's server on them for Pieces OS.
 */
function offTheRange(): boolean {
  return /^(0|off|false|no)$/i.test(process.env.CLIPWISE_PIECES_PORTS ?? '')
}

/** A connector this process started; stopped when the app stops. */
export interface StartedConnector {
  url: string
  stop(): Promise<void>
}

export interface DiscoveryOptions {
  /** The URL in settings (or given on the command line); used as-is when set. */
  configuredUrl: string | null
  /** Why that URL is used, for people; defaults to "set in settings". */
  configuredReason?: string
  startEmbedded: () => Promise<StartedConnector>
  host?: string
  piecesPorts?: readonly number[]
  legacyPorts?: readonly number[]
  /** Per-probe timeout; loopback answers (or refuses) in well under this. */
  probeTimeoutMs?: number
  /** Probes in flight at once. */
  concurrency?: number
}

export interface Discovered {
  target: ConnectorTarget
  /** Set when discovery started the embedded connector. */
  embedded?: StartedConnector
}

/** Finds the connector to use: settings URL, Pieces OS, legacy ports, else the embedded one. */
export async function discoverConnector(options: DiscoveryOptions): Promise<Discovered> {
  if (options.configuredUrl) {
    return {
      target: {
        url: options.configuredUrl.replace(/\/+$/, ''),
        kind: 'configured',
        reason: options.configuredReason ?? 'The connector URL is set in settings.',
      },
    }
  }
  const host = options.host ?? '127.0.0.1'
  const timeoutMs = options.probeTimeoutMs ?? 120
  const concurrency = options.concurrency ?? 8
  const range = options.piecesPorts ?? (offTheRange() ? [] : PIECES_OS_PORTS)
  // A real Pieces OS first; Clipwise's own connector (another Clipwise front end's, in the same
  // range so that Pieces integrations find it) only where none answers. One pass over the range.
  const scan = await scanRange(host, range, timeoutMs, concurrency)
  const pieces = scan.pieces
  const legacy =
    pieces ??
    (await scanRange(host, options.legacyPorts ?? LEGACY_PORTS, timeoutMs, concurrency)).pieces
  const found = pieces ?? legacy
  if (found === undefined && scan.clipwise !== undefined) {
    return { target: await clipwiseTarget(`http://${host}:${scan.clipwise}`, scan.clipwise) }
  }
  if (found !== undefined) {
    const url = `http://${host}:${found}`
    const version = await probeVersion(url, timeoutMs * 2)
    const where = pieces !== undefined ? `port ${found}` : `legacy port ${found}`
    return {
      target: {
        url,
        kind: 'pieces-os',
        reason: `Pieces OS answered on ${where}.`,
        ...(version ? { version } : {}),
      },
    }
  }
  const embedded = await options.startEmbedded()
  return {
    target: {
      url: embedded.url,
      kind: 'embedded',
      reason: 'No Pieces OS answered on this computer, so Clipwise started its own connector.',
    },
    embedded,
  }
}

/** GET /.well-known/health → 200 with a body starting with `ok`. */
export async function isHealthy(url: string, timeoutMs: number): Promise<boolean> {
  return (await probeHealth(url, timeoutMs)) !== undefined
}

/** What answers the health probe: Clipwise's connector (it says so in a header), else Pieces OS. */
type Answerer = 'pieces-os' | 'clipwise'

async function probeHealth(url: string, timeoutMs: number): Promise<Answerer | undefined> {
  try {
    const response = await got(`${url}/.well-known/health`, {
      timeout: { request: timeoutMs },
      retry: { limit: 0 },
      throwHttpErrors: false,
      followRedirect: false,
    })
    const ok = response.statusCode === 200 && response.body.trim().toLowerCase().startsWith('ok')
    if (!ok) return undefined
    return response.headers[CLIPWISE_HEADER] === undefined ? 'pieces-os' : 'clipwise'
  } catch {
    return undefined
  }
}

/** Clipwise's own connector, found where Pieces integrations look, labelled as ours. */
async function clipwiseTarget(url: string, port: number): Promise<ConnectorTarget> {
  let version: string | undefined
  try {
    const own = await got(`${url}/.well-known/clipwise`, {
      timeout: { request: 500 },
      retry: { limit: 0 },
    })
    const parsed = JSON.parse(own.body) as { version?: unknown }
    if (typeof parsed.version === 'string') version = parsed.version
  } catch {
    // Still ours (the health answer said so); just without a version.
  }
  return {
    url,
    kind: 'embedded',
    reason: `Clipwise's own connector (started by another Clipwise app or \`clipwise connector\`) answered on port ${port}; no Pieces OS runs.`,
    ...(version ? { version: `Clipwise ${version}` } : {}),
  }
}

async function probeVersion(url: string, timeoutMs: number): Promise<string | undefined> {
  try {
    const response = await got(`${url}/.well-known/version`, {
      timeout: { request: timeoutMs },
      retry: { limit: 0 },
      throwHttpErrors: false,
    })
    const text = response.body.trim()
    return response.statusCode === 200 && text.length > 0 && text.length < 100 ? text : undefined
  } catch {
    return undefined
  }
}

/**
 * Probes the first port alone (the usual one), then the rest through a small pool. Stops at the
 * first Pieces OS; remembers the first (lowest) port where Clipwise's own connector answered.
 */
async function scanRange(
  host: string,
  ports: readonly number[],
  timeoutMs: number,
  concurrency: number,
): Promise<{ pieces?: number; clipwise?: number }> {
  const ours: number[] = []
  const probe = async (port: number) => {
    const who = await probeHealth(`http://${host}:${port}`, timeoutMs)
    if (who === 'clipwise') ours.push(port)
    return who === 'pieces-os'
  }
  const result = (pieces: number | undefined) => {
    const clipwise = ours.length > 0 ? Math.min(...ours) : undefined
    return { ...(pieces !== undefined && { pieces }), ...(clipwise !== undefined && { clipwise }) }
  }
  const [first, ...rest] = ports
  if (first === undefined) return {}
  if (await probe(first)) return result(first)
  return new Promise((resolve) => {
    let next = 0
    let active = 0
    let done = false
    const launch = (): void => {
      while (!done && active < concurrency && next < rest.length) {
        const port = rest[next++] as number
        active++
        void probe(port).then((ok) => {
          active--
          if (done) return
          if (ok) {
            done = true
            resolve(result(port))
          } else if (next >= rest.length && active === 0) {
            done = true
            resolve(result(undefined))
          } else launch()
        })
      }
      if (!done && rest.length === 0) resolve(result(undefined))
    }
    launch()
  })
}
