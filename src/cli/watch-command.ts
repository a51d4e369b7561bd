import { openCliCompanion } from './cli-companion'
import type { Companion } from '../core'
import type { AppState } from '../shared/domain'
import { suggestionJson, suggestionText } from './suggestion-line'

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
  let printed: string | undefined
  let lastConnection = ''
  let lastNotice: string | undefined
  companion.subscribe((state) => {
    const connection = describeConnection(state)
    if (connection !== lastConnection) {
      lastConnection = connection
      info(connection)
    }
    const notice = state.notices[0]
    if (notice && notice.id !== lastNotice) {
      lastNotice = notice.id
      info(notice.message)
    }
    const current = state.current
    if (current?.status === 'ready' && current.copyId !== printed) {
      printed = current.copyId
      process.stdout.write(`${options.json ? suggestionJson(current) : suggestionText(current)}\n`)
    }
  })
  info(`Watching the clipboard through ${clipboard.description}. Ctrl+C stops.`)
  await companion.start()
  const stopKeys = options.json ? () => {} : listenForKeys(companion)

  return new Promise<number>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
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

function describeConnection(state: AppState): string {
  const { status, target, error, queued } = state.connection
  if (status === 'connected' && target) return `Connected to ${target.url}: ${target.reason}`
  if (status === 'offline') {
    const waiting = queued > 0 ? ` ${queued} cop${queued === 1 ? 'y waits' : 'ies wait'}.` : ''
    return `Offline: ${error?.message ?? 'the connector cannot be reached.'}${waiting}`
  }
  return 'Looking for a connector…'
}

/** r / s / d act on the current suggestion; q or Ctrl+C quits. Only on a terminal. */
function listenForKeys(companion: Companion): () => void {
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
    void act(companion, key).then(
      (message) => message && process.stderr.write(`${message}\n`),
      (error: unknown) => process.stderr.write(`${(error as Error).message}\n`),
    )
  }
  stdin.on('data', onData)
  return () => {
    stdin.off('data', onData)
    stdin.setRawMode(false)
    stdin.pause()
  }
}

async function act(companion: Companion, key: string): Promise<string | undefined> {
  const current = (await companion.getState()).current
  if (!current || current.status !== 'ready' || current.outcome) return undefined
  if (key === 'r' && current.matches[0]) {
    await companion.reuse({ assetId: current.matches[0].assetId })
    return `Reused "${current.matches[0].name}": it is on your clipboard.`
  }
  if (key === 's') {
    const saved = await companion.save({})
    return `Saved as "${saved.name}" (${saved.assetId}).`
  }
  if (key === 'd') {
    await companion.dismiss()
    return 'Dismissed.'
  }
  return undefined
}
