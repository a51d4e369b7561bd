import {
  DataDirLockedError,
  listenPorts,
  PortInUseError,
  StoreOpenError,
  startConnector,
} from '../connector/server'
import { DATA_HELP, DATA_OPTION, dataDirFrom } from './cli-options'
import { defineCommand, UsageError } from './command'
import { teamFromArgs, teamStatusLine, TEAM_HELP, TEAM_OPTIONS } from './team-args'

const HELP = `Usage: clipwise connector [--port N] [--data DIR] [--allow-origin ORIGIN]...
                          [--team postgres://…] [--team-name NAME] [--share-new-saves]
  Runs Clipwise's embedded connector (the Pieces OS Connector API on SQLite) until Ctrl+C or
  SIGTERM. Prints one line on stdout once it accepts requests; problems go to stderr.

  --port N         port on 127.0.0.1 (0 picks a free one); by default the first free port of
                   39300-39333, where Pieces integrations look (unless the piecesPorts
                   setting is false), else a free one
${DATA_HELP}  --allow-origin ORIGIN
                   a browser origin allowed to call the connector (repeatable)
${TEAM_HELP}
Exit codes: 0 stopped cleanly, 1 failed, 2 usage, 3 the data folder is in use by another
connector, 4 the library cannot be opened, 5 the port is in use.
`

/** Exit codes of a connector that could not start, by the error's class. */
const START_FAILURES: [new (...args: never[]) => Error, number][] = [
  [DataDirLockedError, 3],
  [StoreOpenError, 4],
  [PortInUseError, 5],
]

/** `clipwise connector`: runs the embedded connector until SIGTERM or SIGINT. */
export const connectorCommand = defineCommand({
  name: 'connector',
  help: HELP,
  options: {
    port: { type: 'string' },
    ...DATA_OPTION,
    'allow-origin': { type: 'string', multiple: true },
    ...TEAM_OPTIONS,
  },
  run: async (values) => {
    const port = Number(values.port ?? '0')
    if (!/^\d+$/.test(values.port ?? '0') || port > 65535) {
      throw new UsageError(`--port must be an integer from 0 to 65535, not "${values.port}".`)
    }
    const dataDir = dataDirFrom(values)
    const team = teamFromArgs(values)
    let connector
    try {
      connector = await startConnector({
        port,
        ...(values.port === undefined && { ports: listenPorts(dataDir) }),
        dataDir,
        ...(values['allow-origin'] && { allowedOrigins: values['allow-origin'] }),
        ...(team && {
          team,
          onTeamStatus: (status) => process.stderr.write(`${teamStatusLine(status)}\n`),
        }),
      })
    } catch (error) {
      const failure = START_FAILURES.find(([kind]) => error instanceof kind)
      if (!failure) throw error
      const hint =
        error instanceof PortInUseError
          ? ' Choose another with --port, or --port 0 for any free one.'
          : ''
      process.stderr.write(`${(error as Error).message}${hint}\n`)
      return failure[1]
    }
    process.stdout.write(`Clipwise connector listening on ${connector.url}\n`)
    const running = connector
    return new Promise<number>((resolve) => {
      // The handlers stay on while closing: a later signal is ignored, and signal-exit (under
      // proper-lockfile) re-raises a signal that no other listener handles, which would kill the
      // process before the close is done.
      let stopping = false
      const stop = () => {
        if (stopping) return
        stopping = true
        running.close().then(
          () => resolve(0),
          (error: unknown) => {
            process.stderr.write(`Stopping the connector failed: ${String(error)}\n`)
            resolve(1)
          },
        )
      }
      process.on('SIGTERM', stop)
      process.on('SIGINT', stop)
    })
  },
})
