import { parseArgs } from 'node:util'

export interface CliOptions {
  connector?: string
  json: boolean
  help: boolean
}

/** Parses `[--connector URL] [--json]`; throws with a usage-ready message on bad input. */
export function parseCliOptions(args: string[], allowJson: boolean): CliOptions {
  const { values } = parseArgs({
    args,
    options: {
      connector: { type: 'string' },
      ...(allowJson ? { json: { type: 'boolean' as const } } : {}),
      help: { type: 'boolean', short: 'h' },
    },
  })
  const connector = values.connector
  if (connector !== undefined && !/^https?:\/\/[^\s/]+/.test(connector)) {
    throw new Error(
      `--connector must be an http(s) URL such as http://127.0.0.1:39300, not "${connector}".`,
    )
  }
  return {
    ...(connector !== undefined ? { connector: connector.replace(/\/+$/, '') } : {}),
    json: values.json === true,
    help: values.help === true,
  }
}
