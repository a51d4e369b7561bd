import packageJson from '../../package.json'
import { createCompanion, type Companion } from '../core'
import { useOrStartEmbedded } from '../front-ends/embedded-advertisement'
import { openSystemClipboard, type SystemClipboard } from './clipboard/system-clipboard'
import type { Where } from './cli-options'
import { startInProcessConnector } from './embedded-connector'

export interface CliCompanion {
  companion: Companion
  clipboard: SystemClipboard
}

/** The core over the system clipboard, for a data folder and an optional `--connector` URL. */
export async function openCliCompanion({ dataDir, connectorUrl }: Where): Promise<CliCompanion> {
  const clipboard = await openSystemClipboard()
  const companion = createCompanion({
    clipboard: clipboard.port,
    dataDir,
    appVersion: packageJson.version,
    platform: process.platform,
    startEmbeddedConnector: () =>
      useOrStartEmbedded(dataDir, () => startInProcessConnector(dataDir)),
    ...(connectorUrl ? { connectorUrl } : {}),
  })
  return { companion, clipboard }
}
