import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import {
  ConnectorError,
  isUnreachable,
  toErrorInfo,
  type ConnectorClient,
} from '../connector/client'
import { ActionError } from './action-error'
import type { ActivityLog } from './activity-log'
import { preview } from './asset-mapping'
import type { Clock } from './clock'
import { openQueueFile, processAlive, type QueuedSave } from './queue-file'
import { heldCopy, seedOf, type Delivered } from './save-delivery'
import type { ConnectorSession } from './session'
import type { StateStore } from './state-store'

/** How long a claim on a queued save holds while its process lives. */
const CLAIM_MS = 60_000

export const WAITING_MESSAGE =
  'No connector answers right now: Clipwise keeps this save and makes it as soon as one does.'

export type { Delivered } from './save-delivery'
export type SaveAsk = Omit<QueuedSave, 'id' | 'queuedAt' | 'sentAt' | 'claim'>
export type SaveAnswer = ({ status: 'saved' } & Delivered) | { status: 'waiting'; message: string }

export interface SaveQueueDeps {
  dataDir: string
  session: ConnectorSession
  state: StateStore
  clock: Clock
  activity: ActivityLog
  /** A save was made: right away, or after it waited (`afterWait`). */
  onSaved(entry: QueuedSave, saved: Delivered, afterWait: boolean): void
}

export interface SaveQueue {
  /** The one save path: written to the queue file first, then delivered if a connector answers. */
  save(ask: SaveAsk): Promise<SaveAnswer>
  /** Delivers every waiting save, oldest first, each exactly once. */
  flush(client: ConnectorClient): Promise<void>
  /** Reads how many saves wait (at start-up). */
  refresh(): Promise<void>
}

/** The durable save queue: every save goes through it, so none is lost and none is made twice. */
export function createSaveQueue(deps: SaveQueueDeps): SaveQueue {
  const owner = `${process.pid}:${randomUUID()}`
  const file = openQueueFile(join(deps.dataDir, 'save-queue.json'), (movedTo) =>
    deps.activity.notify('error', `The save queue could not be read; it was kept as ${movedTo}.`),
  )
  let chain: Promise<unknown> = Promise.resolve()
  const serial = <T>(run: () => Promise<T>): Promise<T> => {
    const next = chain.then(run, run)
    chain = next.catch(() => undefined)
    return next
  }
  const now = () => deps.clock.now()
  const showCount = (entries: readonly QueuedSave[]) =>
    deps.state.update((s) => ({ connection: { ...s.connection, savesWaiting: entries.length } }))
  const change = async (run: (entries: QueuedSave[]) => QueuedSave[]) =>
    showCount(await file.update(run))
  const patch = (id: string, update: (entry: QueuedSave) => QueuedSave | undefined) =>
    change((entries) => entries.flatMap((e) => (e.id === id ? (update(e) ?? []) : [e])))

  const claimable = (entry: QueuedSave) =>
    !entry.claim ||
    entry.claim.owner === owner ||
    entry.claim.until < now() ||
    !processAlive(entry.claim.pid)

  /** Claims the given entry (or the oldest claimable one) for this process. */
  async function claim(id?: string): Promise<QueuedSave | undefined> {
    let claimed: QueuedSave | undefined
    await change((entries) =>
      entries.map((entry) => {
        if (claimed || (id !== undefined && entry.id !== id) || !claimable(entry)) return entry
        claimed = { ...entry, claim: { owner, pid: process.pid, until: now() + CLAIM_MS } }
        return claimed
      }),
    )
    return claimed
  }

  async function deliver(
    client: ConnectorClient,
    entry: QueuedSave,
    durable: boolean,
  ): Promise<Delivered> {
    if (entry.sentAt !== undefined || !entry.allowDuplicate) {
      const found = await heldCopy(client, entry)
      if (found) return found
    }
    const sent: QueuedSave = { ...entry, sentAt: entry.sentAt ?? now() }
    // Write-ahead: if the answer is lost from here on, a retry asks before it sends again.
    if (durable) await patch(entry.id, (e) => ({ ...e, sentAt: sent.sentAt }))
    let assetId: string
    try {
      assetId = await client.react({ save: true, seed: seedOf(entry) })
    } catch (error) {
      const lost = error instanceof ConnectorError && error.code === 'TIMEOUT'
      const found = lost ? await heldCopy(client, sent).catch(() => undefined) : undefined
      if (found) return found
      throw error
    }
    const name = (await client.getAsset(assetId).catch(() => undefined))?.name ?? entry.name ?? ''
    return { assetId, name, alreadySaved: false }
  }

  /** One delivery: 'waiting' when no connector answered (the entry stays, its claim released). */
  async function attempt(
    client: ConnectorClient,
    entry: QueuedSave,
    durable: boolean,
  ): Promise<Delivered | 'waiting'> {
    try {
      const delivered = await deliver(client, entry, durable)
      if (durable) await patch(entry.id, () => undefined).catch(() => undefined)
      return delivered
    } catch (error) {
      const retry =
        isUnreachable(error) || (error instanceof ConnectorError && error.code === 'NOT_CONNECTED')
      if (durable) {
        await patch(entry.id, (e) => (retry ? { ...e, claim: undefined } : undefined))
      }
      if (!retry) throw error
      deps.session.reportFailure(error)
      return 'waiting'
    }
  }

  function waiting(entry: QueuedSave, message = WAITING_MESSAGE): SaveAnswer {
    deps.activity.record('save-waiting', preview(entry.text))
    return { status: 'waiting', message }
  }

  return {
    async save(ask) {
      const entry: QueuedSave = { ...ask, id: randomUUID(), queuedAt: now() }
      let durable = true
      try {
        await change((entries) => [...entries, entry])
      } catch (error) {
        durable = false
        if (!deps.session.client()) {
          throw new ActionError(
            'QUEUE_UNWRITABLE',
            `No connector answers, and Clipwise could not keep the save for later (${toErrorInfo(error).message}). Nothing was saved; the snippet is still on your clipboard.`,
          )
        }
      }
      return serial(async () => {
        const client = deps.session.client()
        if (!client) return waiting(entry)
        const claimed = durable ? await claim(entry.id) : entry
        if (!claimed) return waiting(entry, 'Another Clipwise window is saving this right now.')
        const result = await attempt(client, claimed, durable)
        if (result === 'waiting') return waiting(entry)
        deps.onSaved(claimed, result, false)
        return { status: 'saved', ...result }
      })
    },
    flush(client) {
      return serial(async () => {
        for (;;) {
          const entry = await claim()
          if (!entry) return
          let result: Delivered | 'waiting'
          try {
            result = await attempt(client, entry, true)
          } catch (error) {
            deps.activity.record('failed', preview(entry.text))
            deps.activity.notify(
              'error',
              `A waiting save could not be made: ${toErrorInfo(error).message}`,
            )
            continue
          }
          if (result === 'waiting') return
          deps.onSaved(entry, result, true)
        }
      })
    },
    async refresh() {
      showCount(await file.read())
    },
  }
}
