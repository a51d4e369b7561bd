import { fork, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import type { ConnectorChild } from '../connector-child'

const ENTRY = join(__dirname, 'connector-process-node.ts')

/** The embedded connector's process as the tray starts it, but as a Node child (no Electron). */
export function forkConnectorChild(): ConnectorChild & { process: ChildProcess } {
  const child = fork(ENTRY, [], {
    execArgv: ['--disable-warning=ExperimentalWarning', '--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  })
  return {
    process: child,
    postMessage: (message) => child.send(message),
    onMessage: (listener) => child.on('message', listener),
    onceSpawn: (listener) => child.once('spawn', listener),
    onceExit: (listener) => child.once('exit', (code, signal) => listener(code, signal)),
    kill: () => child.kill('SIGKILL'),
  }
}
