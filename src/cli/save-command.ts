import type { Companion } from '../core'
import { openCliCompanion } from './cli-companion'
import { WHERE_HELP, WHERE_OPTIONS, whereFrom } from './cli-options'
import type { SystemClipboard } from './clipboard/system-clipboard'
import { defineCommand } from './command'

const HELP = `Usage: clipwise save [--connector URL] [--data DIR]
  Saves the current clipboard and prints the new snippet's id (or "already saved as <id>").
  With no connector answering, the save waits in the data folder's save queue and is made, once,
  by the next Clipwise that reaches a connector (the tray app, clipwise watch or clipwise save).
  Bind it to a desktop shortcut where a global hotkey cannot be grabbed (Wayland).

${WHERE_HELP}
Exit codes: 0 saved or already saved, 1 refused (empty, a secret, too large), 2 usage,
3 failed, 4 waiting in the save queue (no connector answered).
`

/** `clipwise save`: saves the clipboard once and exits (exit codes in HELP). */
export const saveCommand = defineCommand({
  name: 'save',
  help: HELP,
  options: WHERE_OPTIONS,
  run: async (values) => {
    const { companion, clipboard } = await openCliCompanion(whereFrom(values))
    return saveOnce(companion, clipboard)
  },
})

async function saveOnce(companion: Companion, clipboard: SystemClipboard): Promise<number> {
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
