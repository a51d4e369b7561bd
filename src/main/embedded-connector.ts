import { readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { utilityProcess } from 'electron'
import { isHealthy } from '../connector/client'
import type { EmbeddedConnectorHandle } from '../core/contracts'
import { parseFromConnector, type TeamMessage, type ToConnector } from './connector-messages'

/** The team library for the connector as settings and the keychain say, and its changes. */
export interface TeamSource {
  current(): Promise<TeamMessage | undefined>
  /** Calls back on every change; returns the unsubscribe. */
  subscribe(listener: () => void): () => void
}

// The same advertisement file as the CLI (src/cli/embedded-connector.ts): whoever runs the
// embedded connector names its URL here, so `clipwise save` (the hotkey fallback on Wayland) and
// the tray app share one connector instead of fighting for the data folder's lock.
const ADVERTISEMENT = 'embedded-connector.json'

/** Uses the embedded connector another Clipwise front end advertises, else starts our own. */
export async function useOrStartEmbeddedConnector(
  dataDir: string,
  team?: TeamSource,
): Promise<EmbeddedConnectorHandle> {
  const file = join(dataDir, ADVERTISEMENT)
  const advertised = await readFile(file, 'utf8')
    .then((text) => (JSON.parse(text) as { url?: unknown }).url)
    .catch(() => undefined)
  if (typeof advertised === 'string' && (await isHealthy(advertised, 300))) {
    return { url: advertised, stop: async () => undefined }
  }
  const running = await startEmbeddedConnector(dataDir, team)
  await writeFile(file, JSON.stringify({ url: running.url, pid: process.pid }))
  return {
    url: running.url,
    stop: async () => {
      await rm(file, { force: true })
      await running.stop()
    },
  }
}

const START_TIMEOUT_MS = 20_000
const STOP_TIMEOUT_MS = 3_000

/** Starts the embedded connector in a utility process, so a large library never stalls the tray. */
export function startEmbeddedConnector(
  dataDir: string,
  team?: TeamSource,
): Promise<EmbeddedConnectorHandle> {
  const child = utilityProcess.fork(join(__dirname, 'connector-process.js'), [], {
    serviceName: 'Clipwise connector',
    stdio: 'inherit',
  })
  const send = (message: ToConnector) => child.postMessage(message)
  // A changed team URL, name or password reaches the running connector without a restart.
  const unsubscribe =
    team?.subscribe(() => {
      void team.current().then((next) => send({ type: 'team', ...(next && { team: next }) }))
    }) ?? (() => undefined)

  const stop = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        child.kill()
        resolve()
      }, STOP_TIMEOUT_MS)
      child.once('exit', () => {
        clearTimeout(timer)
        resolve()
      })
      unsubscribe()
      send({ type: 'stop' })
    })

  return new Promise((resolve, reject) => {
    const fail = (message: string) => {
      clearTimeout(timer)
      unsubscribe()
      child.kill()
      reject(new Error(`The embedded connector did not start: ${message}`))
    }
    const timer = setTimeout(() => fail('it did not answer in time'), START_TIMEOUT_MS)
    child.once('exit', (code) => fail(`its process exited (code ${code})`))
    child.on('message', (data: unknown) => {
      const message = parseFromConnector(data)
      if (message?.type === 'failed') fail(message.message)
      if (message?.type === 'ready') {
        clearTimeout(timer)
        child.removeAllListeners('exit')
        resolve({ url: message.url, stop })
      }
    })
    child.once('spawn', () => {
      void (team?.current() ?? Promise.resolve(undefined)).then((current) =>
        send({ type: 'start', dataDir, ...(current && { team: current }) }),
      )
    })
  })
}
