// Runs inside a connector's network namespace: forwards a Unix socket (file system sockets cross
// namespaces) to the connector's loopback port there, so the test can reach it from the host.
// Usage: node --import tsx unix-forward.ts <socket path> <port>
import { connect, createServer } from 'node:net'

const [socketPath, port] = process.argv.slice(2)
const server = createServer((incoming) => {
  const outgoing = connect(Number(port), '127.0.0.1')
  incoming.pipe(outgoing).pipe(incoming)
  incoming.on('error', () => outgoing.destroy())
  outgoing.on('error', () => incoming.destroy())
})
server.listen(socketPath, () => process.stdout.write('forwarding\n'))
process.on('SIGTERM', () => server.close(() => process.exit(0)))
