import { parseArgs } from 'node:util'
import {
  DataDirLockedError,
  listenPorts,
  StoreOpenError,
  startConnector,
} from '../connector/server'
import { clipwiseDataDir } from '../front-ends/data-folder'
import { teamFromArgs, teamStatusLine, TEAM_USAGE } from './team-args'

const USAGE = `Usage: clipwise connector [--port <n>] [--data <dir>] [--allow-origin <origin>]...
                          [--team <postgres://…>] [--team-name <name>] [--share-new-saves]
  --port          port on 127.0.0.1 (0 picks a free one); by default the first free port of
                  39300-39333, where Pieces integrations look (unless the piecesPorts
                  setting is false), else a free one
  --data          data folder (default: CLIPWISE_DATA_DIR, else the user-data folder for Clipwise)
  --allow-origin  a browser origin allowed to call the connector (repeatable)
${TEAM_USAGE}`

/**
 * `clipwise connector`: runs the embedded connector until SIGTERM or SIGINT. Prints exactly one
 * stdout line once it accepts requests; problems go to stderr.
 */
export async function runConnectorCommand(args: string[]): Promise<number> {
  let values
  try {
    ;({ values } = parseArgs({
      args,
      options: {
        port: { type: 'string' },
        data: { type: 'string' },
        'allow-origin': { type: 'string', multiple: true },
        team: { type: 'string' },
        'team-name': { type: 'string' },
        'share-new-saves': { type: 'boolean' },
        help: { type: 'boolean' },
      },
    }))
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}`)
    return 2
  }
  if (values.help) {
    process.stdout.write(USAGE)
    return 0
  }
  const port = Number(values.port ?? '0')
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`--port must be an integer from 0 to 65535, not "${values.port}".\n`)
    return 2
  }
  const dataDir = values.data ?? clipwiseDataDir()
  const team = teamFromArgs(values)
  if (typeof team === 'string') {
    process.stderr.write(`${team}\n`)
    return 2
  }
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
    if (error instanceof DataDirLockedError) {
      process.stderr.write(`${error.message}\n`)
      return 3
    }
    if (error instanceof StoreOpenError) {
      process.stderr.write(`${error.message}\n`)
      return 4
    }
    throw error
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
}
