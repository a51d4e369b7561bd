import { randomUUID } from 'node:crypto'
import { isUnreachable, toErrorInfo, type ConnectorClient } from '../connector/client'
import type { ActivityOutcome, CurrentSuggestion, Settings } from '../shared/domain'
import type { SeededConnectorCreation, SeededConnectorTracking, Suggestion } from '../shared/wire'
import type { ActivityLog } from './activity-log'
import { draftName, preview, seedFor, targetLanguage, toSnippetMatch } from './asset-mapping'
import type { Clock } from './clock'
import type { ConnectorSession } from './connector-session'
import { ingestFilter, type CopyCandidate, type SkipReason } from './ingest-filter'
import type { StateStore } from './state-store'
import { trackingEvents } from './tracking-events'

/** Copies kept while the connector is unreachable; the oldest go first when it overflows. */
export const DEFAULT_QUEUE_LIMIT = 20

export interface FlowDeps {
  state: StateStore
  session: ConnectorSession
  clock: Clock
  activity: ActivityLog
  settings: () => Settings
  track: (event: SeededConnectorTracking) => void
  queueLimit?: number
}

interface Copy {
  copyId: string
  text: string
  seed: SeededConnectorCreation
}

export interface SuggestionFlow {
  /** Filter a copy; accepted ones become the current suggestion and go to `/suggestion` (or the queue). */
  handleCopy(candidate: CopyCandidate): Promise<void>
  /** Sends queued copies in order; only the latest one's suggestion is shown. */
  flush(client: ConnectorClient): Promise<void>
  /** The next copy is ignored (e.g. the user asked so from the tray). */
  ignoreNextCopy(): void
  /** The current copy and its seed, for the actions. */
  current(): Copy | undefined
}

const SKIP_OUTCOME: Partial<Record<SkipReason, ActivityOutcome>> = {
  concealed: 'skipped-concealed',
  secret: 'skipped-secret',
  'too-large': 'skipped-too-large',
  'ignored-pattern': 'skipped-ignored',
  'ignore-next': 'skipped-ignored',
}

/** Each accepted copy → `/suggestion` → the CurrentSuggestion the UI renders. */
export function createSuggestionFlow(deps: FlowDeps): SuggestionFlow {
  const queueLimit = deps.queueLimit ?? DEFAULT_QUEUE_LIMIT
  const queue: Copy[] = []
  let latest: Copy | undefined
  let ignoreNext = false
  let flushing: Promise<void> | undefined

  const setCurrent = (copyId: string, change: Partial<CurrentSuggestion>) =>
    deps.state.update((s) =>
      s.current?.copyId === copyId ? { current: { ...s.current, ...change } } : {},
    )
  const setQueued = () =>
    deps.state.update((s) => ({ connection: { ...s.connection, queued: queue.length } }))

  function enqueue(copy: Copy, front = false): void {
    if (front) queue.unshift(copy)
    else queue.push(copy)
    while (queue.length > queueLimit) {
      queue.shift()
      deps.activity.notify(
        'warning',
        `The connector is still offline; dropped the oldest waiting copy (at most ${queueLimit} wait).`,
      )
    }
    setQueued()
    if (copy.copyId === latest?.copyId) setCurrent(copy.copyId, { status: 'queued' })
  }

  /** One `/suggestion`; 'offline' when the connector could not be reached (the copy is re-queued). */
  async function ask(client: ConnectorClient, copy: Copy): Promise<'done' | 'offline'> {
    let suggestion: Suggestion
    try {
      suggestion = await client.suggest(copy.seed)
    } catch (error) {
      if (isUnreachable(error)) {
        enqueue(copy, true)
        deps.session.reportFailure(error)
        return 'offline'
      }
      deps.session.reportFailure(error)
      setCurrent(copy.copyId, { status: 'error', error: toErrorInfo(error) })
      deps.activity.record('failed', preview(copy.text))
      return 'done'
    }
    // A suggestion for anything but the latest copy is stale: never shown.
    if (copy.copyId !== latest?.copyId) return 'done'
    const matches = suggestion.reuse.suggested
      ? suggestion.reuse.assets.iterable
          .map((asset) => toSnippetMatch(asset, suggestion.distribution))
          .sort((a, b) => b.similarity - a.similarity)
      : []
    const kind = matches.length > 0 ? 'reuse' : suggestion.save.suggested ? 'save' : 'none'
    setCurrent(copy.copyId, {
      status: 'ready',
      kind,
      matches,
      draft: { name: draftName(copy.text), language: targetLanguage(suggestion), tags: [] },
    })
    const outcome =
      kind === 'reuse' ? 'suggested-reuse' : kind === 'save' ? 'suggested-save' : 'no-suggestion'
    deps.activity.record(outcome, preview(copy.text), matches[0]?.assetId)
    if (kind !== 'none') deps.track(trackingEvents.suggestionShown(kind))
    return 'done'
  }

  async function flushQueue(client: ConnectorClient): Promise<void> {
    while (queue.length > 0) {
      const copy = queue.shift() as Copy
      setQueued()
      if ((await ask(client, copy)) === 'offline') return
    }
  }

  return {
    async handleCopy(candidate) {
      const settings = deps.settings()
      const decision = ingestFilter(candidate, {
        ignoreNext,
        maxBytes: settings.maxSnippetBytes,
        ignorePatterns: settings.ignorePatterns,
        paused: settings.paused,
      })
      if (decision.action === 'skip' && decision.reason === 'ignore-next') ignoreNext = false
      if (decision.action === 'skip') {
        const outcome = SKIP_OUTCOME[decision.reason]
        const shown = decision.reason === 'ignored-pattern' || decision.reason === 'ignore-next'
        if (outcome)
          deps.activity.record(outcome, shown && candidate.text ? preview(candidate.text) : '')
        if (decision.notice) deps.activity.notify('info', decision.notice)
        return
      }
      const copy: Copy = { copyId: randomUUID(), text: decision.text, seed: seedFor(decision.text) }
      latest = copy
      deps.state.update({
        current: {
          copyId: copy.copyId,
          text: copy.text,
          copiedAt: new Date(deps.clock.now()).toISOString(),
          status: 'pending',
          kind: 'none',
          matches: [],
          draft: { name: draftName(copy.text), language: 'txt', tags: [] },
        },
      })
      const client = deps.session.client()
      if (!client || deps.state.get().connection.status !== 'connected') {
        enqueue(copy)
        deps.activity.record('queued', preview(copy.text))
        return
      }
      await ask(client, copy)
    },
    flush(client) {
      flushing ??= flushQueue(client).finally(() => {
        flushing = undefined
      })
      return flushing
    },
    ignoreNextCopy() {
      ignoreNext = true
    },
    current: () =>
      latest && deps.state.get().current?.copyId === latest.copyId ? latest : undefined,
  }
}
