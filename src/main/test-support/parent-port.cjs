/* global require, process */
// Loaded with `node --require` before a utility-process entry (src/main/connector-process.ts)
// runs in a plain Node child: Electron's `process.parentPort` is played by Node's IPC channel, and
// each message arrives as Electron delivers it, `{ data, ports }`.
const { EventEmitter } = require('node:events')

const parentPort = Object.assign(new EventEmitter(), {
  postMessage: (message) => process.send?.(message),
})
process.on('message', (data) => parentPort.emit('message', { data, ports: [] }))
Object.assign(process, { parentPort })
