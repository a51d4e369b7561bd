import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ConnectorApp } from './app-type'

/** The ports Pieces integrations scan for Pieces OS (39300 first), spec §1.1. */
export const PIECES_PORT_RANGE: readonly number[] = Array.from({ length: 34 }, (_, i) => 39300 + i)

/**
 * Where the embedded connector should listen first: the Pieces range, unless the `piecesPorts`
 * setting (settings.json in the data folder) is false or `CLIPWISE_PIECES_PORTS=off` says so
 * (tests set it, so they never take the real range). Empty means a random free port.
 */
export function listenPorts(
  dataDir: string,
  env: NodeJS.ProcessEnv = process.env,
): readonly number[] {
  if (/^(0|off|false|no)$/i.test(env.CLIPWISE_PIECES_PORTS ?? '')) return []
  try {
    const settings = JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')) as unknown
    const value = (settings as { piecesPorts?: unknown } | null)?.piecesPorts
    if (value === false) return []
  } catch {
    // No settings yet (or unreadable): the default, the Pieces range.
  }
  return PIECES_PORT_RANGE
}

/** Listens on the first of `ports` that is free, else on `fallback` (0: any free port). */
export async function listenOnFirstFree(
  app: ConnectorApp,
  host: string,
  ports: readonly number[],
  fallback: number,
): Promise<void> {
  for (const port of ports) {
    try {
      await app.listen({ port, host })
      return
    } catch (error) {
      if ((error as { code?: string }).code !== 'EADDRINUSE') throw error
    }
  }
  try {
    await app.listen({ port: fallback, host })
  } catch (error) {
    if ((error as { code?: string }).code === 'EADDRINUSE') {
      throw new PortInUseError(host, fallback, { cause: error })
    }
    throw error
  }
}

/** The port asked for is taken (by another connector or any other program). */
export class PortInUseError extends Error {
  readonly code = 'PORT_IN_USE'
  constructor(
    readonly host: string,
    readonly port: number,
    options?: { cause?: unknown },
  ) {
    super(`Port ${port} on ${host} is already in use by another program.`, options)
    this.name = 'PortInUseError'
  }
}
