import type { ClipboardPort } from './contracts'
import type { Clock } from './clock'
import { checkMarkers, VALUE_MARKERS, type CopyCandidate } from './ingest-filter'

export interface WatcherOptions {
  clipboard: ClipboardPort
  clock: Clock
  /** Poll interval when the port pushes no change events (ms). */
  intervalMs: number
  /** Quiet time after a change before the copy is read, so bursts collapse into one (ms); default
   * 30 when polling, 5 with pushed events (one event per copy, latency matters more). */
  debounceMs?: number
  /** Called once per copy, in order; text is absent when a marker decided without reading it. */
  onCopy: (candidate: CopyCandidate) => void | Promise<void>
  onError?: (error: unknown) => void
}

export interface ClipboardWatcher {
  start(): Promise<void>
  stop(): void
  /** Writes text to the clipboard as Clipwise's own write: the change it causes is not a copy. */
  writeOwn(text: string): Promise<void>
  setInterval(ms: number): void
}

/** Watches a ClipboardPort with the cheapest means it offers: pushed events, a change token, else content. */
export function createClipboardWatcher(options: WatcherOptions): ClipboardWatcher {
  const { clipboard, clock } = options
  const debounceMs = options.debounceMs ?? (clipboard.watch ? 5 : 30)
  let intervalMs = options.intervalMs
  let running = false
  let pollTimer: unknown
  let debounceTimer: unknown
  let unsubscribe: (() => void) | undefined
  let lastToken: string | number | undefined
  let lastText: string | undefined
  let ownText: string | undefined
  let processing: Promise<void> | undefined
  let dirty = false

  const report = (error: unknown) => options.onError?.(error)

  function changed(): void {
    if (!running) return
    if (debounceTimer !== undefined) clock.clearTimeout(debounceTimer)
    debounceTimer = clock.setTimeout(() => {
      debounceTimer = undefined
      void drain()
    }, debounceMs)
  }

  async function drain(): Promise<void> {
    if (processing) {
      dirty = true
      return
    }
    processing = readCopy().catch(report)
    await processing
    processing = undefined
    if (dirty && running) {
      dirty = false
      await drain()
    }
  }

  async function readCopy(): Promise<void> {
    const formats = await clipboard.formats()
    const markerValues: Record<string, string | undefined> = {}
    for (const marker of VALUE_MARKERS) {
      if (formats.includes(marker)) markerValues[marker] = await clipboard.readFormat(marker)
    }
    if (checkMarkers(formats, markerValues)) {
      // A marked secret is never read past its marker.
      lastText = undefined
      await options.onCopy({ formats, markerValues })
      return
    }
    const text = await clipboard.readText()
    if (ownText !== undefined && text === ownText) {
      ownText = undefined
      lastText = text
      return
    }
    if (!clipboard.watch && !clipboard.changeToken && text === lastText) return
    lastText = text
    await options.onCopy({ formats, markerValues, text })
  }

  async function poll(): Promise<void> {
    if (!running) return
    try {
      if (clipboard.changeToken) {
        const token = await clipboard.changeToken()
        if (token !== lastToken) {
          lastToken = token
          changed()
        }
      } else {
        // No token and no events (Electron's clipboard, the in-memory one): compare the text.
        const text = await clipboard.readText()
        if (text !== lastText && !(ownText !== undefined && text === ownText)) changed()
      }
    } catch (error) {
      report(error)
    }
    if (running) pollTimer = clock.setTimeout(() => void poll(), intervalMs)
  }

  return {
    async start() {
      if (running) return
      running = true
      if (clipboard.watch) {
        unsubscribe = clipboard.watch(changed)
        return
      }
      if (clipboard.changeToken) lastToken = await clipboard.changeToken()
      else lastText = await clipboard.readText()
      pollTimer = clock.setTimeout(() => void poll(), intervalMs)
    },
    stop() {
      running = false
      unsubscribe?.()
      unsubscribe = undefined
      if (pollTimer !== undefined) clock.clearTimeout(pollTimer)
      if (debounceTimer !== undefined) clock.clearTimeout(debounceTimer)
      pollTimer = debounceTimer = undefined
    },
    async writeOwn(text) {
      ownText = text
      await clipboard.writeText(text)
      if (clipboard.changeToken && !clipboard.watch) {
        lastToken = await clipboard.changeToken()
        ownText = undefined
      }
      if (!clipboard.watch && !clipboard.changeToken) {
        lastText = text
        ownText = undefined
      }
    },
    setInterval(ms) {
      intervalMs = ms
    },
  }
}
