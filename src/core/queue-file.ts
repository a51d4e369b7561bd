import { mkdir, readFile, rename } from 'node:fs/promises'
import { dirname } from 'node:path'
import lockfile from 'proper-lockfile'
import { writeFileAtomic } from './atomic-file'

/** A save the user asked for, kept on disk until a connector has stored it. */
export interface QueuedSave {
  id: string
  text: string
  name?: string
  tags?: string[]
  language?: string
  /** The user chose to save although a saved snippet matched (no "already saved" check first). */
  allowDuplicate: boolean
  via: 'suggestion' | 'hotkey' | 'command'
  /** The suggestion it was asked from, for the process that shows it. */
  suggestionId?: string
  queuedAt: number
  /** When a `/reaction` was first sent for it: its answer may have been lost, so before sending
   * again the connector is asked whether it already holds the text. */
  sentAt?: number
  /** A process delivering it now; others leave it alone until the claim lapses or its process dies. */
  claim?: { owner: string; pid: number; until: number }
}

export interface QueueFile {
  read(): Promise<QueuedSave[]>
  /** Reads, changes and writes the file under an inter-process lock; returns the new entries. */
  update(change: (entries: QueuedSave[]) => QueuedSave[]): Promise<QueuedSave[]>
}

/**
 * The save queue file (`save-queue.json` in the data folder), shared by every Clipwise process on
 * this folder: tray, `clipwise watch`, `clipwise save`. Writes are atomic (temp file, fsync,
 * rename) and serialised across processes by proper-lockfile (a lock directory beside the file,
 * refreshed while held and taken over when its holder died).
 */
export function openQueueFile(path: string, onCorrupt?: (movedTo: string) => void): QueueFile {
  async function load(): Promise<QueuedSave[]> {
    let text: string
    try {
      text = await readFile(path, 'utf8')
    } catch {
      return []
    }
    try {
      const parsed = JSON.parse(text) as { saves?: unknown }
      return Array.isArray(parsed.saves) ? parsed.saves.filter(isQueuedSave) : []
    } catch {
      // Never thrown away: kept beside the queue for the user (or support) to look at.
      const movedTo = `${path}.unreadable-${Date.now()}`
      await rename(path, movedTo).catch(() => undefined)
      onCorrupt?.(movedTo)
      return []
    }
  }

  return {
    read: load,
    async update(change) {
      await mkdir(dirname(path), { recursive: true })
      const release = await lockfile.lock(path, {
        realpath: false,
        stale: 10_000,
        retries: { retries: 50, minTimeout: 10, maxTimeout: 200 },
      })
      try {
        const next = change(await load())
        await writeFileAtomic(path, JSON.stringify({ version: 1, saves: next }))
        return next
      } finally {
        await release().catch(() => undefined)
      }
    },
  }
}

function isQueuedSave(value: unknown): value is QueuedSave {
  const entry = value as Partial<QueuedSave> | null
  return (
    typeof entry === 'object' &&
    entry !== null &&
    typeof entry.id === 'string' &&
    typeof entry.text === 'string' &&
    typeof entry.queuedAt === 'number'
  )
}

/** True while the process may still be alive (same machine). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
