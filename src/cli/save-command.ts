import { openCliCompanion } from './cli-companion'

const USAGE = `Usage: clipwise save [--connector <url>]
  Saves the current clipboard and prints the new snippet's id (or "already saved as <id>").
  With no connector answering, the save waits in the data folder's save queue and is made, once,
  by the next Clipwise that reaches a connector (the tray app, clipwise watch or clipwise save).
  Bind it to a desktop shortcut where a global hotkey cannot be grabbed (Wayland).
`

/** Exit codes: 0 saved or already saved, 1 refused (empty, secret, too large), 2 usage, 3 failed,
 * 4 waiting in the save queue (no connector answered). */
export async function runSaveCommand(args: string[]): Promise<number> {
  const opened = await openCliCompanion(args, USAGE, false)
  if (typeof opened === 'number') return opened
  const { companion, clipboard } = opened
  try {
    await companion.start()
    const result = await companion.saveClipboard()
    if (result.status === 'saved') {
      process.stdout.write(`${result.assetId}\n`)
      return 0
    }
    if (result.status === 'already-saved') {
      process.stdout.write(`already saved as ${result.assetId}\n`)
      return 0
    }
    if (result.status === 'waiting') {
      const { connection } = await companion.getState()
      const why = connection.error?.message ?? 'no connector answered.'
      process.stderr.write(`No connector can be reached: ${why}\n${result.message}\n`)
      return 4
    }
    process.stderr.write(`${result.message}\n`)
    return result.status === 'refused' ? 1 : 3
  } finally {
    clipboard.close()
    await companion.stop()
  }
}
