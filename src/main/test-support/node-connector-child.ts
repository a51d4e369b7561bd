import { fork, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import type { ConnectorChild } from '../connector-child'

/** `node --require` this before a utility-process entry so it finds `process.parentPort`. */
export const PARENT_PORT_SHIM = join(__dirname, 'parent-port.cjs')

/** The embedded connector's process as the tray starts it, but as a Node child (no Electron). */
export function forkConnectorChild(): ConnectorChild & { process: ChildProcess } {
  const child = fork(join(__dirname, '..', 'connector-process.ts'), [], {
    execArgv: [
      '--disable-warning=ExperimentalWarning',
      '--import',
      'tsx',
      '--require',
      PARENT_PORT_SHIM,
    ],
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
