import { openCliCompanion } from './cli-companion'

const USAGE = `Usage: clipwise save [--connector <url>]
  Saves the current clipboard and prints the new snippet's id (or "already saved as <id>").
  Bind it to a desktop shortcut where a global hotkey cannot be grabbed (Wayland).
`

/** Exit codes: 0 saved or already saved, 1 refused (empty, secret, too large), 2 usage, 3 no connector. */
export async function runSaveCommand(args: string[]): Promise<number> {
  const opened = await openCliCompanion(args, USAGE, false)
  if (typeof opened === 'number') return opened
  const { companion, clipboard } = opened
  try {
    await companion.start()
    const { connection } = await companion.getState()
    if (connection.status !== 'connected') {
      process.stderr.write(
        `No connector can be reached: ${connection.error?.message ?? 'none answered.'}\n`,
      )
      return 3
    }
    const result = await companion.saveClipboard()
    if (result.status === 'saved') {
      process.stdout.write(`${result.assetId}\n`)
      return 0
    }
    if (result.status === 'already-saved') {
      process.stdout.write(`already saved as ${result.assetId}\n`)
      return 0
    }
    process.stderr.write(`${result.message}\n`)
    return result.status === 'refused' ? 1 : 3
  } finally {
    clipboard.close()
    await companion.stop()
  }
}
