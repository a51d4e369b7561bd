import type { ConnectorClient } from '../connector/client'
import type { SaveRequest } from '../shared/ipc'
import type { SeededConnectorTracking } from '../shared/wire'
import { ActionError } from './action-error'
import type { ActivityLog } from './activity-log'
import { assetText, preview } from './asset-mapping'
import type { ClipboardWatcher } from './clipboard-watcher'
import type { ConnectorSession } from './connector-session'
import type { StateStore } from './state-store'
import type { SuggestionFlow } from './suggestion-flow'
import { trackingEvents } from './tracking-events'

export interface ActionDeps {
  state: StateStore
  flow: SuggestionFlow
  session: ConnectorSession
  watcher: ClipboardWatcher
  activity: ActivityLog
  track: (event: SeededConnectorTracking) => void
}

/** What the user can do with the current suggestion: reuse, save, dismiss, undo a save. */
export function createSuggestionActions(deps: ActionDeps) {
  function requireCurrent() {
    const copy = deps.flow.current()
    if (!copy) {
      throw new ActionError(
        'NO_SUGGESTION',
        'There is no copied snippet to act on; copy something first.',
      )
    }
    return copy
  }

  function requireClient(): ConnectorClient {
    const client = deps.session.client()
    if (!client || deps.state.get().connection.status !== 'connected') {
      throw new ActionError(
        'CONNECTOR_UNAVAILABLE',
        'The connector is offline; try again when Clipwise shows it connected.',
      )
    }
    return client
  }

  async function call<T>(run: (client: ConnectorClient) => Promise<T>): Promise<T> {
    try {
      return await run(requireClient())
    } catch (error) {
      deps.session.reportFailure(error)
      throw error
    }
  }

  const setOutcome = (
    copyId: string,
    outcome: NonNullable<ReturnType<StateStore['get']>['current']>['outcome'],
  ) =>
    deps.state.update((s) =>
      s.current?.copyId === copyId ? { current: { ...s.current, outcome } } : {},
    )

  return {
    /** Puts the asset's text on the clipboard (as our own write) and tells the connector. */
    async reuse(assetId: string): Promise<void> {
      const copy = requireCurrent()
      const match = deps.state.get().current?.matches.find((m) => m.assetId === assetId)
      const text = match?.text || assetText(await call((client) => client.getAsset(assetId)))
      await deps.watcher.writeOwn(text)
      setOutcome(copy.copyId, { type: 'reused', assetId })
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

    /** Saves the current copy (`/reaction` save: true), then applies a name or tags the user gave. */
    async save(request: SaveRequest): Promise<{ assetId: string; name: string }> {
      const copy = requireCurrent()
      const assetId = await call((client) => client.react({ save: true, seed: copy.seed }))
      let name = request.name?.trim() || ''
      if (name || request.tags) {
        const updated = await call((client) =>
          client.updateAsset({
            id: assetId,
            ...(name ? { name } : {}),
            ...(request.tags ? { tags: { iterable: request.tags.map((text) => ({ text })) } } : {}),
          }),
        )
        name = updated.name ?? name
      } else {
        name = (await call((client) => client.getAsset(assetId)).catch(() => undefined))?.name ?? ''
      }
      name ||= deps.state.get().current?.draft.name || 'Untitled snippet'
      setOutcome(copy.copyId, { type: 'saved', assetId, name })
      deps.activity.record('saved', preview(copy.text), assetId)
      deps.track(trackingEvents.saveChosen(assetId, false))
      return { assetId, name }
    },

    /** Not now: `/reaction` save: false plus an intention, so a repeat copy counts. */
    async dismiss(): Promise<void> {
      const copy = requireCurrent()
      await call(async (client) => {
        await client.react({ save: false, seed: copy.seed })
        if (copy.seed.asset) await client.intention(copy.seed.asset)
      })
      setOutcome(copy.copyId, { type: 'dismissed' })
      deps.activity.record('dismissed', preview(copy.text))
      deps.track(trackingEvents.dismissed())
    },

    /** Deletes a snippet just saved by mistake. */
    async undoSave(assetId: string): Promise<void> {
      await call((client) => client.deleteAsset(assetId))
      const current = deps.state.get().current
      if (current?.outcome?.type === 'saved' && current.outcome.assetId === assetId) {
        setOutcome(current.copyId, { type: 'undone' })
      }
      deps.track(trackingEvents.assetDeleted(assetId))
    },
  }
}

export type SuggestionActions = ReturnType<typeof createSuggestionActions>
