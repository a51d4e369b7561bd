import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { isHealthy } from '../connector/client'
import type { EmbeddedConnectorHandle } from '../core'
import { writeFileAtomic } from '../core/atomic-file'

/** The file in the data folder that names the running embedded connector. */
export const ADVERTISEMENT_FILE = 'embedded-connector.json'

/**
 * Uses the embedded connector another Clipwise front end advertises in the data folder (so the
 * tray, `clipwise watch` and `clipwise save` share one instead of fighting for the folder's lock),
 * else starts one and advertises it. When the advertisement cannot be written, the connector just
 * started is stopped again before the error is passed on: nothing is left running.
 */
export async function useOrStartEmbedded(
  dataDir: string,
  start: () => Promise<EmbeddedConnectorHandle>,
): Promise<EmbeddedConnectorHandle> {
  const file = join(dataDir, ADVERTISEMENT_FILE)
  const advertised = await readAdvertised(file)
  if (advertised && (await isHealthy(advertised, 300))) {
    return { url: advertised, stop: async () => undefined }
  }
  const running = await start()
  try {
    await writeFileAtomic(file, JSON.stringify({ url: running.url, pid: process.pid }))
  } catch (error) {
    await running.stop().catch(() => undefined)
    throw new Error(
      `Clipwise could not write ${file} (${(error as Error).message}); its connector was stopped again.`,
      { cause: error },
    )
  }
  const handle: EmbeddedConnectorHandle = {
    url: running.url,
    async stop() {
      // Only our own advertisement: another front end may have replaced it meanwhile.
      if ((await readAdvertised(file)) === running.url) await rm(file, { force: true })
      await running.stop()
    },
  }
  if (running.onExit) handle.onExit = (listener) => running.onExit?.(listener)
  return handle
}

async function readAdvertised(file: string): Promise<string | undefined> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as { url?: unknown }
    return typeof parsed.url === 'string' ? parsed.url : undefined
  } catch {
    return undefined
  }
}
