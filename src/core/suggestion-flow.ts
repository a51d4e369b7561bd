import { randomUUID } from 'node:crypto'
import { isUnreachable, toErrorInfo, type ConnectorClient } from '../connector/client'
import type { ActivityOutcome, CurrentSuggestion, Settings } from '../shared/domain'
import type { SeededConnectorCreation, SeededConnectorTracking, Suggestion } from '../shared/wire'
import type { ActivityLog } from './activity-log'
import { draftName, preview, seedFor, targetLanguage, toSnippetMatch } from './asset-mapping'
import type { Clock } from './clock'
import { ingestFilter, type CopyCandidate, type SkipReason } from './ingest-filter'
import type { ConnectorSession } from './session'
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

export interface Copy {
  id: string
  text: string
  seed: SeededConnectorCreation
}

export interface SuggestionFlow {
  /** Filters a copy; an accepted one becomes the suggestion on screen and goes to `/suggestion`
   * (or the queue) without waiting for the answer. */
  handleCopy(candidate: CopyCandidate): void
  /** Sends queued copies in order; only the newest one's suggestion is shown. */
  flush(client: ConnectorClient): Promise<void>
  /** The next copy is ignored (e.g. the user asked so from the tray). */
  ignoreNextCopy(): void
  /** The copy behind a suggestion id, while that suggestion is the one on screen. */
  copyFor(suggestionId: string): Copy | undefined
  /** Takes a copy that still waits for the connector out of the queue (dismissed meanwhile). */
  forget(suggestionId: string): void
  /** Settles once no `/suggestion` is in flight (tests and benchmarks). */
  idle(): Promise<void>
}

const SKIP_OUTCOME: Partial<Record<SkipReason, ActivityOutcome>> = {
  concealed: 'skipped-concealed',
  secret: 'skipped-secret',
  'too-large': 'skipped-too-large',
  'ignored-pattern': 'skipped-ignored',
  'ignore-next': 'skipped-ignored',
}

/** Each accepted copy → `/suggestion` → the CurrentSuggestion the UI renders; the newest copy wins. */
export function createSuggestionFlow(deps: FlowDeps): SuggestionFlow {
  const queueLimit = deps.queueLimit ?? DEFAULT_QUEUE_LIMIT
  const queue: Copy[] = []
  const inFlight = new Set<Promise<unknown>>()
  let latest: Copy | undefined
  let asking: AbortController | undefined
  let ignoreNext = false
  let flushing: Promise<void> | undefined

  const setCurrent = (id: string, change: Partial<CurrentSuggestion>) =>
    deps.state.update((s) => (s.current?.id === id ? { current: { ...s.current, ...change } } : {}))
  const setQueued = () =>
    deps.state.update((s) => ({ connection: { ...s.connection, queued: queue.length } }))
  const settled = (id: string) =>
    deps.state.get().current?.id === id && !!deps.state.get().current?.outcome

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
    if (copy.id === latest?.id) setCurrent(copy.id, { status: 'queued' })
  }

  /** One `/suggestion`; 'offline' when the connector could not be reached (the copy is re-queued). */
  async function ask(client: ConnectorClient, copy: Copy, signal?: AbortSignal) {
    let suggestion: Suggestion
    try {
      suggestion = await client.suggest(copy.seed, { signal })
    } catch (error) {
      // A newer copy replaced this one: its answer (or failure) is of no interest.
      if (copy.id !== latest?.id) return 'done'
      deps.session.reportFailure(error)
      if (isUnreachable(error)) {
        enqueue(copy, true)
        return 'offline'
      }
      setCurrent(copy.id, { status: 'error', error: toErrorInfo(error) })
      deps.activity.record('failed', preview(copy.text))
      return 'done'
    }
    // A suggestion for anything but the newest copy is stale: never shown.
    if (copy.id !== latest?.id || settled(copy.id)) return 'done'
    const matches = suggestion.reuse.suggested
      ? suggestion.reuse.assets.iterable
          .map((asset) => toSnippetMatch(asset, suggestion.distribution))
          .sort((a, b) => b.similarity - a.similarity)
      : []
    const kind = matches.length > 0 ? 'reuse' : suggestion.save.suggested ? 'save' : 'none'
    setCurrent(copy.id, {
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

  function remember<T>(promise: Promise<T>): Promise<T> {
    inFlight.add(promise)
    void promise.finally(() => inFlight.delete(promise))
    return promise
  }

  async function flushQueue(client: ConnectorClient): Promise<void> {
    while (queue.length > 0) {
      const copy = queue.shift() as Copy
      setQueued()
      if (settled(copy.id)) continue
      if ((await ask(client, copy)) === 'offline') return
    }
  }

  /** The copy replaced what was on screen without becoming a suggestion (a secret, a marked copy…). */
  function endSuggestion(): void {
    asking?.abort()
    latest = undefined
    deps.state.update({ current: null })
  }

  return {
    handleCopy(candidate) {
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
        if (outcome) {
          endSuggestion()
          deps.activity.record(outcome, shown && candidate.text ? preview(candidate.text) : '')
        }
        if (decision.notice) deps.activity.notify('info', decision.notice)
        return
      }
      const copy: Copy = { id: randomUUID(), text: decision.text, seed: seedFor(decision.text) }
      asking?.abort()
      asking = undefined
      latest = copy
      deps.state.update({
        current: {
          id: copy.id,
          text: copy.text,
          copiedAt: new Date(deps.clock.now()).toISOString(),
          status: 'pending',
          kind: 'none',
          matches: [],
          draft: { name: draftName(copy.text), language: '', tags: [] },
        },
      })
      const client = deps.session.client()
      if (!client) {
        enqueue(copy)
        deps.activity.record('queued', preview(copy.text))
        return
      }
      const controller = new AbortController()
      asking = controller
      void remember(ask(client, copy, controller.signal))
    },
    flush(client) {
      flushing ??= remember(flushQueue(client)).finally(() => {
        flushing = undefined
      })
      return flushing
    },
    ignoreNextCopy() {
      ignoreNext = true
    },
    copyFor: (id) =>
      latest?.id === id && deps.state.get().current?.id === id ? latest : undefined,
    forget(id) {
      const index = queue.findIndex((copy) => copy.id === id)
      if (index >= 0) queue.splice(index, 1)
      setQueued()
    },
    async idle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight])
    },
  }
}
