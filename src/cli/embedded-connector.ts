import { DataDirLockedError, listenPorts, startConnector } from '../connector/server'
import { teamOptionsFrom } from '../connector/server/team'
import type { EmbeddedConnectorHandle } from '../core'
import { openSettingsStore } from '../core/settings-store'

/**
 * The CLI's embedded connector runs in-process: one process to start and stop, no port hand-off,
 * and `clipwise save` exits as soon as it is done. (It is advertised in the data folder by
 * `useOrStartEmbedded`, shared with the tray app.)
 */
export async function startInProcessConnector(dataDir: string): Promise<EmbeddedConnectorHandle> {
  try {
    // The team library of the settings (its password from PGPASSWORD or ~/.pgpass, as psql).
    const team = teamOptionsFrom(openSettingsStore(dataDir).get().team)
    const running = await startConnector({
      port: 0,
      ports: listenPorts(dataDir),
      dataDir,
      ...(team && { team }),
    })
    return { url: running.url, stop: () => running.close() }
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      throw new Error(
        `Another Clipwise connector holds ${dataDir}; pass its address with --connector <url>.`,
        { cause: error },
      )
    }
    throw error
  }
}
