import type { ClipboardPort } from '../../core'
import { withSelectionEvents } from '../../front-ends/selection-port'
import { watchSelection, type SelectionEvents } from '../../front-ends/x11-selection-events'
import { runProcess } from './run-process'

const TEXT_TARGETS = ['UTF8_STRING', 'text/plain;charset=utf-8', 'STRING', 'TEXT', 'text/plain']

export interface X11Clipboard extends ClipboardPort {
  /** 'events' when XFixes reports owner changes; 'polling' when only xclip is available. */
  readonly mode: 'events' | 'polling'
  close(): void
}

/**
 * The X11 CLIPBOARD: change events through XFixes (no polling while idle), content read with
 * `xclip` only after a change. Without XFixes the watcher falls back to polling text via xclip.
 */
export async function createX11Clipboard(
  env: NodeJS.ProcessEnv = process.env,
): Promise<X11Clipboard> {
  const display = env.DISPLAY ?? ':0'
  let events: SelectionEvents | undefined
  try {
    events = await watchSelection(display)
  } catch {
    events = undefined
  }
  const xclip = (args: string[], input?: string) =>
    runProcess('xclip', args, {
      env,
      // `xclip -i` forks a child that serves the selection and holds our pipes open.
      ...(input !== undefined ? { input, ignoreOutput: true } : {}),
    })
  const read = async (selection: string, target?: string): Promise<string | undefined> => {
    const args = ['-o', '-selection', selection, ...(target ? ['-t', target] : [])]
    const result = await xclip(args)
    return result.code === 0 ? result.stdout.toString('utf8') : undefined
  }
  // TARGETS of the current owner, kept until the next owner change so that readText right after
  // formats() costs one xclip, not two.
  let cached: { changes: number; targets: string[] } | undefined
  const formats = async (): Promise<string[]> => {
    const changes = events?.changes()
    if (cached && changes !== undefined && cached.changes === changes) return cached.targets
    const output = await read('clipboard', 'TARGETS')
    const targets = output ? output.split('\n').filter((line) => line.length > 0) : []
    if (changes !== undefined) cached = { changes, targets }
    return targets
  }

  const port: X11Clipboard = {
    mode: events ? 'events' : 'polling',
    formats,
    readFormat: (format) => read('clipboard', format),
    async readText() {
      const offered = await formats()
      const target = TEXT_TARGETS.find((t) => offered.includes(t))
      if (!target) return undefined
      return read('clipboard', target)
    },
    async writeText(text) {
      // xclip forks a child that keeps serving the selection; -quiet would keep it attached.
      await xclip(['-i', '-selection', 'clipboard'], text)
    },
    readPrimaryText: () => read('primary'),
    close: () => events?.close(),
  }
  return events ? { ...port, ...withSelectionEvents(port, events) } : port
}
