import { resolve } from 'node:path'
import { clipwiseDataDir } from '../front-ends/data-folder'
import { UsageError } from './command'

// Options several commands share, each with its line of help.

/** `--data DIR`: Clipwise's data folder, the same one for every command. */
export const DATA_OPTION = { data: { type: 'string' } } as const

export const DATA_HELP = `  --data DIR       Clipwise's data folder: settings, the save queue and the embedded
                   connector's library (default: CLIPWISE_DATA_DIR, else
                   ${clipwiseDataDir({})})
`

/** The data folder `--data` names (made absolute), else the default one. */
export function dataDirFrom(values: { data?: string | undefined }): string {
  if (values.data === '') throw new UsageError('--data needs a folder, such as --data ~/clipwise.')
  return values.data === undefined ? clipwiseDataDir() : resolve(values.data)
}

/** `--connector URL`: a connector to use instead of finding one. */
const CONNECTOR_OPTION = { connector: { type: 'string' } } as const

const CONNECTOR_HELP = `  --connector URL  use this connector (default: a Pieces OS if one runs on this computer,
                   else Clipwise's own, started when needed)
`

/** The `--connector` URL without trailing slashes; throws a UsageError unless it is http(s). */
function connectorFrom(values: { connector?: string | undefined }): string | undefined {
  const connector = values.connector
  if (connector === undefined) return undefined
  if (!/^https?:\/\/[^\s/]+/.test(connector)) {
    throw new UsageError(
      `--connector must be an http(s) URL such as http://127.0.0.1:39300, not "${connector}".`,
    )
  }
  return connector.replace(/\/+$/, '')
}

/** Where a command that uses the library works: `--connector URL` and `--data DIR`. */
export const WHERE_OPTIONS = { ...CONNECTOR_OPTION, ...DATA_OPTION } as const

export const WHERE_HELP = `${CONNECTOR_HELP}${DATA_HELP}`

/** The data folder and the `--connector` URL (if any) a command works with. */
export interface Where {
  dataDir: string
  connectorUrl: string | undefined
}

/** Reads `--connector` and `--data`; throws a UsageError on a bad value. */
export function whereFrom(values: { connector?: string; data?: string }): Where {
  return { dataDir: dataDirFrom(values), connectorUrl: connectorFrom(values) }
}
