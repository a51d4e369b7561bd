import type { ClipboardFormat, ClipboardPort } from './contracts'

/** An in-memory clipboard with a change counter; for tests and headless use. */
export interface MemoryClipboard extends ClipboardPort {
  /** Simulates a copy by another application: plain text plus any extra formats (markers). */
  copy(text: string | undefined, extraFormats?: Record<ClipboardFormat, string>): void
  /** How many times each format's content was read (tests assert secrets are never read). */
  reads: Map<ClipboardFormat, number>
  /** Every text written through `writeText`. */
  writes: string[]
}

/** Creates an in-memory ClipboardPort; its change token is a sequence number. */
export function createMemoryClipboard(): MemoryClipboard {
  let sequence = 0
  let content = new Map<ClipboardFormat, string>()
  const reads = new Map<ClipboardFormat, number>()
  const writes: string[] = []
  const read = (format: ClipboardFormat) => {
    reads.set(format, (reads.get(format) ?? 0) + 1)
    return content.get(format)
  }
  return {
    reads,
    writes,
    copy(text, extraFormats = {}) {
      content = new Map(Object.entries(extraFormats))
      if (text !== undefined) content.set('text/plain', text)
      sequence++
    },
    async changeToken() {
      return sequence
    },
    async formats() {
      return [...content.keys()]
    },
    async readFormat(format) {
      return read(format)
    },
    async readText() {
      return read('text/plain')
    },
    async writeText(text) {
      writes.push(text)
      content = new Map([['text/plain', text]])
      sequence++
    },
  }
}
