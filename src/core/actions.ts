import type { ConnectorClient } from '../connector/client'
import type { CurrentSuggestion, SaveResult, SuggestionOutcome } from '../shared/domain'
import type { ReuseRequest, SaveRequest, SuggestionRequest, UndoSaveRequest } from '../shared/ipc'
import type { SeededConnectorTracking } from '../shared/wire'
import { ActionError } from './action-error'
import type { ActivityLog } from './activity-log'
import { assetText, preview } from './asset-mapping'
import type { ClipboardWatcher } from './clipboard-watcher'
import type { SaveQueue } from './save-queue'
import type { ConnectorSession } from './session'
import type { StateStore } from './state-store'
import type { Copy, SuggestionFlow } from './suggestion-flow'
import { trackingEvents } from './tracking-events'

export interface ActionDeps {
  state: StateStore
  flow: SuggestionFlow
  session: ConnectorSession
  watcher: ClipboardWatcher
  activity: ActivityLog
  saves: SaveQueue
  track: (event: SeededConnectorTracking) => void
}

export const STALE_MESSAGE =
  'That suggestion is no longer on screen (a newer copy replaced it), so nothing was done.'

/** Sets the outcome of a suggestion, if it is still the one on screen. */
export function setOutcome(state: StateStore, id: string, outcome: SuggestionOutcome): void {
  state.update((s) => (s.current?.id === id ? { current: { ...s.current, outcome } } : {}))
}

/** What the user can do with a suggestion — reuse, save, dismiss, undo — each naming its id. */
export function createActions(deps: ActionDeps) {
  /** The suggestion named by the request, or a refusal (with a notice) when it is not on screen. */
  function shown(suggestionId: string): { copy: Copy; current: CurrentSuggestion } {
    const copy = deps.flow.copyFor(suggestionId)
    const current = deps.state.get().current
    if (!copy || !current) {
      deps.activity.notify('warning', STALE_MESSAGE)
      throw new ActionError('STALE_SUGGESTION', STALE_MESSAGE)
    }
    return { copy, current }
  }

  function refuse(code: ActionError['code'], message: string): never {
    deps.activity.notify('info', message)
    throw new ActionError(code, message)
  }

  async function call<T>(run: (client: ConnectorClient) => Promise<T>): Promise<T> {
    try {
      return await run(deps.session.connectedClient())
    } catch (error) {
      deps.session.reportFailure(error)
      throw error
    }
  }

  return {
    /** Puts the asset's text on the clipboard (as our own write) and tells the connector. */
    async reuse(request: ReuseRequest): Promise<void> {
      const { copy, current } = shown(request.suggestionId)
      const { assetId } = request
      const match = current.matches.find((m) => m.assetId === assetId)
      const text = match?.text || assetText(await call((client) => client.getAsset(assetId)))
      await deps.watcher.writeOwn(text)
      setOutcome(deps.state, copy.id, { type: 'reused', assetId })
      deps.activity.record('reused', preview(text), assetId)
      deps.track(trackingEvents.reuseChosen(assetId))
      try {
        await call((client) =>
          client.react({ save: false, reuse: { asset: assetId }, seed: copy.seed }),
        )
      } catch {
        deps.activity.notify(
          'warning',
          'The snippet is on your clipboard, but the connector did not get the reuse.',
        )
      }
    },

    /** Saves the copy with the name, tags and language the user chose, in one `/reaction`. */
    async save(request: SaveRequest): Promise<SaveResult> {
      const { copy, current } = shown(request.suggestionId)
      if (current.outcome?.type === 'saved') {
        refuse('ALREADY_DONE', `Already saved as “${current.outcome.name}”.`)
      }
      if (current.outcome?.type === 'save-waiting') {
        refuse('ALREADY_DONE', 'This save already waits for the connector.')
      }
      const answer = await deps.saves.save({
        text: copy.text,
        ...(request.name?.trim() ? { name: request.name.trim() } : {}),
        ...(request.tags ? { tags: request.tags } : {}),
        ...(request.language ? { language: request.language } : {}),
        // The user saw this suggestion's answer and chose to save: a duplicate is what they asked.
        allowDuplicate: current.status === 'ready',
        via: 'suggestion',
        suggestionId: copy.id,
      })
      if (answer.status === 'waiting') {
        setOutcome(deps.state, copy.id, { type: 'save-waiting' })
        return answer
      }
      const name = answer.name || current.draft.name || 'Untitled snippet'
      return { status: 'saved', assetId: answer.assetId, name }
    },

    /** Not now: `/reaction` save: false plus an intention, so a repeat copy counts. */
    async dismiss(request: SuggestionRequest): Promise<void> {
      const { copy, current } = shown(request.suggestionId)
      if (current.status === 'queued') {
        // Never sent: nothing to tell the connector.
        deps.flow.forget(copy.id)
      } else {
        await call(async (client) => {
          await client.react({ save: false, seed: copy.seed })
          if (copy.seed.asset) await client.intention(copy.seed.asset)
        })
      }
      setOutcome(deps.state, copy.id, { type: 'dismissed' })
      deps.activity.record('dismissed', preview(copy.text))
      deps.track(trackingEvents.dismissed())
    },

    /** Deletes the snippet this suggestion just saved. */
    async undoSave(request: UndoSaveRequest): Promise<void> {
      const { copy, current } = shown(request.suggestionId)
      if (current.outcome?.type !== 'saved' || current.outcome.assetId !== request.assetId) {
        refuse(
          'NOTHING_TO_UNDO',
          'That snippet was not saved from this suggestion; nothing undone.',
        )
      }
      await call((client) => client.deleteAsset(request.assetId))
      setOutcome(deps.state, copy.id, { type: 'undone' })
      deps.track(trackingEvents.assetDeleted(request.assetId))
    },
  }
}

export type Actions = ReturnType<typeof createActions>
