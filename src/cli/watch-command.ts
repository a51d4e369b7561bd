import type { Companion } from '../core'
import type { AppState, CurrentSuggestion } from '../shared/domain'
import { openCliCompanion } from './cli-companion'
import { WHERE_HELP, WHERE_OPTIONS, whereFrom } from './cli-options'
import type { SystemClipboard } from './clipboard/system-clipboard'
import { defineCommand } from './command'
import { queuedText, suggestionJson, suggestionText } from './suggestion-line'

const HELP = `Usage: clipwise watch [--connector URL] [--data DIR] [--json]
  Watches the clipboard and prints a suggestion for each copy. On a terminal, r reuses the
  suggested snippet, s saves the copy, d dismisses the suggestion, q or Ctrl+C quits.

${WHERE_HELP}  --json           one JSON line per suggestion on stdout, and no keys (status lines
                   go to stderr in both modes)
`

/** `clipwise watch`: the core with the system clipboard, printing each suggestion. */
export const watchCommand = defineCommand({
  name: 'watch',
  help: HELP,
  options: { ...WHERE_OPTIONS, json: { type: 'boolean' } },
  run: async (values) => {
    const { companion, clipboard } = await openCliCompanion(whereFrom(values))
    return watch(companion, clipboard, values.json === true)
  },
})

async function watch(
  companion: Companion,
  clipboard: SystemClipboard,
  json: boolean,
): Promise<number> {
  // Status goes to stderr in both modes: stdout carries only suggestions.
  const info = (line: string) => process.stderr.write(`${line}\n`)
  // The keys act on the suggestion last printed (by its id), never on whatever the core holds.
  const screen: Screen = { shown: undefined, printed: '', notice: undefined }
  let lastConnection = ''
  companion.subscribe((state) => {
    const connection = describeConnection(state)
    if (connection !== lastConnection) {
      lastConnection = connection
      info(connection)
    }
    const notice = state.notices[0]
    if (notice && notice.id !== screen.notice?.id) {
      screen.notice = notice
      info(notice.message)
    }
    const current = state.current
    const key = current ? `${current.id}:${current.status}` : ''
    if (!current || key === screen.printed) return
    if (current.status === 'ready') {
      process.stdout.write(`${json ? suggestionJson(current) : suggestionText(current)}\n`)
    } else if (current.status === 'queued' && !json) {
      process.stdout.write(`${queuedText(current)}\n`)
    } else return
    screen.printed = key
    screen.shown = current
  })
  info(`Watching the clipboard through ${clipboard.description}. Ctrl+C stops.`)
  await companion.start()
  const stopKeys = json ? () => {} : listenForKeys(companion, screen)

  return new Promise<number>((resolve) => {
    // Handlers stay on while stopping (see connector-command.ts: signal-exit re-raises a signal
    // nobody else listens to).
    let stopping = false
    const stop = () => {
      if (stopping) return
      stopping = true
      stopKeys()
      clipboard.close()
      companion.stop().then(
        () => resolve(0),
        () => resolve(1),
      )
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
    if (!json && process.stdin.isTTY) process.stdin.once('end', stop)
  })
}

interface Screen {
  /** The suggestion last printed with its keys. */
  shown: CurrentSuggestion | undefined
  printed: string
  notice: AppState['notices'][number] | undefined
}

function describeConnection(state: AppState): string {
  const { status, target, error, queued, savesWaiting = 0 } = state.connection
  const saves =
    savesWaiting > 0 ? ` ${savesWaiting} save${savesWaiting === 1 ? ' waits' : 's wait'}.` : ''
  if (status === 'connected' && target) return `Connected to ${target.url}: ${target.reason}`
  if (status === 'offline' || status === 'restarting') {
    const waiting = queued > 0 ? ` ${queued} cop${queued === 1 ? 'y waits' : 'ies wait'}.` : ''
    return `Offline: ${error?.message ?? 'the connector cannot be reached.'}${waiting}${saves}`
  }
  return 'Looking for a connector…'
}

/** r / s / d act on the suggestion last printed; q or Ctrl+C quits. Only on a terminal. */
function listenForKeys(companion: Companion, screen: Screen): () => void {
  const stdin = process.stdin
  if (!stdin.isTTY) return () => {}
  stdin.setRawMode(true)
  stdin.resume()
  const onData = (data: Buffer) => {
    const key = data.toString()
    if (key === '\u0003' || key === 'q') {
      process.kill(process.pid, 'SIGINT')
      return
    }
    void act(companion, key, screen.shown).then(
      (message) => message && process.stderr.write(`${message}\n`),
      (error: unknown) => {
        // Refusals the core explains with a notice were printed already.
        const message = (error as Error).message
        if (screen.notice?.message !== message) process.stderr.write(`${message}\n`)
      },
    )
  }
  stdin.on('data', onData)
  return () => {
    stdin.off('data', onData)
    stdin.setRawMode(false)
    stdin.pause()
  }
}

async function act(
  companion: Companion,
  key: string,
  shown: CurrentSuggestion | undefined,
): Promise<string | undefined> {
  if (!['r', 's', 'd'].includes(key)) return undefined
  if (!shown) return 'Nothing to act on yet: copy something first.'
  const suggestionId = shown.id
  if (key === 'r') {
    const best = shown.matches[0]
    if (!best) return 'This copy has no saved snippet to reuse; [s] saves it.'
    await companion.reuse({ suggestionId, assetId: best.assetId })
    return `Reused "${best.name}": it is on your clipboard.`
  }
  if (key === 's') {
    const saved = await companion.save({ suggestionId })
    if (saved.status === 'waiting') return `Waiting to be saved: ${saved.message}`
    return `Saved as "${saved.name}" (${saved.assetId}).`
  }
  await companion.dismiss({ suggestionId })
  return 'Dismissed.'
}
