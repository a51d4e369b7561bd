import { join } from 'node:path'
import type { EmbeddedConnectorHandle } from '../core/contracts'
import { startConnectorChild, type TeamSource } from './connector-child'
import type { Desktop } from './desktop'

/** Starts the embedded connector in a utility process, so a large library never stalls the tray;
 * the supervisor in the core restarts it when the process dies. */
export function startEmbeddedConnector(
  { utilityProcess }: Pick<Desktop, 'utilityProcess'>,
  dataDir: string,
  team?: TeamSource,
): Promise<EmbeddedConnectorHandle> {
  const child = utilityProcess.fork(join(__dirname, 'connector-process.js'), [], {
    serviceName: 'Clipwise connector',
    stdio: 'inherit',
  })
  return startConnectorChild(
    {
      postMessage: (message) => child.postMessage(message),
      onMessage: (listener) => child.on('message', listener),
      onceSpawn: (listener) => child.once('spawn', listener),
      onceExit: (listener) => child.once('exit', (code) => listener(code)),
      kill: () => child.kill(),
    },
    dataDir,
    {},
    team,
  )
}
