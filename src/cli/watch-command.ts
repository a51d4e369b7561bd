import { openCliCompanion } from './cli-companion'
import type { Companion } from '../core'
import type { AppState, CurrentSuggestion } from '../shared/domain'
import { queuedText, suggestionJson, suggestionText } from './suggestion-line'

const USAGE = `Usage: clipwise watch [--connector <url>] [--json]
  Watches the clipboard and prints a suggestion for each copy.
  --connector  use this connector (default: Pieces OS if it runs, else Clipwise's own)
  --json       one JSON line per suggestion instead of readable lines and r/s/d keys
`

/** `clipwise watch`: the core with the system clipboard, printing each suggestion. */
export async function runWatchCommand(args: string[]): Promise<number> {
  const opened = await openCliCompanion(args, USAGE, true)
  if (typeof opened === 'number') return opened
  const { options, companion, clipboard } = opened
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
      process.stdout.write(`${options.json ? suggestionJson(current) : suggestionText(current)}\n`)
    } else if (current.status === 'queued' && !options.json) {
      process.stdout.write(`${queuedText(current)}\n`)
    } else return
    screen.printed = key
    screen.shown = current
  })
  info(`Watching the clipboard through ${clipboard.description}. Ctrl+C stops.`)
  await companion.start()
  const stopKeys = options.json ? () => {} : listenForKeys(companion, screen)

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
    if (!options.json && process.stdin.isTTY) process.stdin.once('end', stop)
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
