// Runs the utility-process entry (../connector-process.ts) in a plain Node child process, for
// tests: Electron's `process.parentPort` is played by Node's IPC channel.
import { EventEmitter } from 'node:events'

const parentPort = Object.assign(new EventEmitter(), {
  postMessage: (message: unknown) => process.send?.(message),
})
process.on('message', (data) => parentPort.emit('message', { data, ports: [] }))
Object.assign(process, { parentPort })
void import('../connector-process')
