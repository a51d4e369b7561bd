// Entry of the embedded connector's utility process (see embedded-connector.ts): it owns the
// SQLite library and the HTTP server, so searches over a large library never block the tray.
import type { MessageEvent } from 'electron'
import { listenPorts, startConnector, type RunningConnector } from '../connector/server'
import { parseToConnector, type FromConnector } from './connector-messages'

const parent = process.parentPort
const reply = (message: FromConnector) => parent.postMessage(message)
let running: RunningConnector | undefined

parent.on('message', (event: MessageEvent) => {
  const message = parseToConnector(event.data)
  if (message?.type === 'team') void running?.team.configure(message.team)
  if (message?.type === 'start' && !running) {
    startConnector({
      port: 0,
      ports: listenPorts(message.dataDir),
      dataDir: message.dataDir,
      ...(message.team && { team: message.team }),
    })
      .then((connector) => {
        running = connector
        reply({ type: 'ready', url: connector.url })
      })
      .catch((error: unknown) => {
        reply({ type: 'failed', message: error instanceof Error ? error.message : String(error) })
        process.exit(1)
      })
  }
  if (message?.type === 'stop') {
    void (running?.close() ?? Promise.resolve()).finally(() => {
      reply({ type: 'stopped' })
      process.exit(0)
    })
  }
})
