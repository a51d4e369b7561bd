import packageJson from '../../package.json'
import { createCompanion, type Companion } from '../core'
import { clipwiseDataDir } from '../front-ends/data-folder'
import { useOrStartEmbedded } from '../front-ends/embedded-advertisement'
import { parseCliOptions, type CliOptions } from './cli-options'
import { openSystemClipboard, type SystemClipboard } from './clipboard/system-clipboard'
import { startInProcessConnector } from './embedded-connector'

export interface CliCompanion {
  options: CliOptions
  companion: Companion
  clipboard: SystemClipboard
}

/**
 * Parses a command's options and builds the core over the system clipboard, or returns the exit
 * code when there is nothing to run (2 for a usage error, 0 after `--help`).
 */
export async function openCliCompanion(
  args: string[],
  usage: string,
  allowJson: boolean,
): Promise<CliCompanion | number> {
  let options: CliOptions
  try {
    options = parseCliOptions(args, allowJson)
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${usage}`)
    return 2
  }
  if (options.help) {
    process.stdout.write(usage)
    return 0
  }
  const dataDir = clipwiseDataDir()
  const clipboard = await openSystemClipboard()
  const companion = createCompanion({
    clipboard: clipboard.port,
    dataDir,
    appVersion: packageJson.version,
    platform: process.platform,
    startEmbeddedConnector: () =>
      useOrStartEmbedded(dataDir, () => startInProcessConnector(dataDir)),
    ...(options.connector ? { connectorUrl: options.connector } : {}),
  })
  return { options, companion, clipboard }
}
