import { readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { isHealthy } from '../connector/client'
import { DataDirLockedError, listenPorts, startConnector } from '../connector/server'
import type { EmbeddedConnectorHandle } from '../core'
import { writeFileAtomic } from '../core/atomic-file'

const RUNNING_FILE = 'embedded-connector.json'

/**
 * The CLI's embedded connector runs in-process: one process to start and stop, no port hand-off,
 * and `clipwise save` exits as soon as it is done. A running `clipwise watch` advertises its
 * connector in the data folder so that `clipwise save` uses it instead of fighting for the lock.
 */
export function embeddedConnectorStarter(dataDir: string): () => Promise<EmbeddedConnectorHandle> {
  const file = join(dataDir, RUNNING_FILE)
  return async () => {
    const advertised = readAdvertised(file)
    if (advertised && (await isHealthy(advertised, 300))) {
      return { url: advertised, stop: async () => undefined }
    }
    try {
      const running = await startConnector({ port: 0, ports: listenPorts(dataDir), dataDir })
      await writeFileAtomic(file, JSON.stringify({ url: running.url, pid: process.pid }))
      return {
        url: running.url,
        stop: async () => {
          rmSync(file, { force: true })
          await running.close()
        },
      }
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
}

function readAdvertised(file: string): string | undefined {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { url?: unknown }
    return typeof parsed.url === 'string' ? parsed.url : undefined
  } catch {
    return undefined
  }
}
