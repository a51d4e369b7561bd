import type { ConnectorClient } from '../connector/client'
import type { AppState, UsageStats } from '../shared/domain'
import type { SeededConnectorTracking } from '../shared/wire'
import { ActionError } from './action-error'
import { createActivityLog } from './activity-log'
import { assetText } from './asset-mapping'
import { createClipboardWatcher } from './clipboard-watcher'
import { systemClock } from './clock'
import { createConnectorSession } from './connector-session'
import type { Companion, CompanionDeps } from './contracts'
import { saveCurrentClipboard } from './hotkey-save'
import { compilePattern, PATTERN_INPUT_LIMIT } from './ingest-filter'
import { listLibrary, searchLibrary, updateLibraryItem } from './library'
import { openLocalState } from './local-state'
import { openSettingsStore } from './settings-store'
import { createStateStore } from './state-store'
import { createSuggestionActions } from './suggestion-actions'
import { createSuggestionFlow } from './suggestion-flow'
import { trackingEvents } from './tracking-events'

/** Builds the running core from what a front end passes in; nothing starts until `start()`. */
export function createCompanion(deps: CompanionDeps): Companion {
  const clock = deps.clock ?? systemClock(deps.now)
  const settingsStore = openSettingsStore(deps.dataDir)
  const local = openLocalState(deps.dataDir)
  const settings = () => settingsStore.get()
  const initial: AppState = {
    connection: { status: 'discovering', queued: 0 },
    current: null,
    activity: local.get().activity.slice(0, 50),
    settings: settings(),
    onboarded: local.get().onboarded,
    hotkey: { accelerator: settings().hotkey, registered: false },
    notices: [],
  }
  const state = createStateStore(initial)
  const activity = createActivityLog({ state, local, clock })
  let startedEventSent = false

  const session = createConnectorSession({
    state,
    clock,
    appVersion: deps.appVersion,
    platform: deps.platform,
    configuredUrl: () => deps.connectorUrl ?? settings().connectorUrl,
    ...(deps.connectorUrl ? { configuredReason: 'The connector URL was given for this run.' } : {}),
    startEmbedded: deps.startEmbeddedConnector,
    piecesPorts: deps.discovery?.piecesPorts,
    legacyPorts: deps.discovery?.legacyPorts,
    onConnected: async (client) => {
      if (!startedEventSent) {
        startedEventSent = true
        void track(trackingEvents.appStarted())
      }
      if (local.get().onboarded && !local.get().onboardedSent) await sendOnboarded(client)
      await flow.flush(client)
    },
  })

  /** Usage events go out only when the user agreed, and never break anything when they fail. */
  function track(event: SeededConnectorTracking): Promise<void> {
    const client = session.client()
    if (!settings().usageEvents || !client || state.get().connection.status !== 'connected') {
      return Promise.resolve()
    }
    return client.track(event).catch(() => undefined)
  }
  /** The same, for parts that never wait for it. */
  const trackInBackground = (event: SeededConnectorTracking): void => void track(event)

  async function sendOnboarded(client: ConnectorClient): Promise<void> {
    try {
      await client.onboarded(true)
      await local.update({ onboardedSent: true })
    } catch (error) {
      session.reportFailure(error)
    }
  }

  const flow = createSuggestionFlow({
    state,
    session,
    clock,
    activity,
    settings,
    track: trackInBackground,
  })
  const watcher = createClipboardWatcher({
    clipboard: deps.clipboard,
    clock,
    intervalMs: settings().pollIntervalMs,
    onCopy: (candidate) => flow.handleCopy(candidate),
    onError: (error) =>
      activity.notify('warning', `Reading the clipboard failed: ${(error as Error).message}`),
  })
  const actions = createSuggestionActions({
    state,
    flow,
    session,
    watcher,
    activity,
    track: trackInBackground,
  })
  const hotkeyDeps = {
    clipboard: deps.clipboard,
    session,
    activity,
    settings,
    track: trackInBackground,
  }

  function connected(): ConnectorClient {
    const client = session.client()
    if (!client || state.get().connection.status !== 'connected') {
      throw new ActionError(
        'CONNECTOR_UNAVAILABLE',
        'The connector is offline; your library will be back when it reconnects.',
      )
    }
    return client
  }

  return {
    async start() {
      await watcher.start()
      await session.establish()
    },
    async stop() {
      watcher.stop()
      await Promise.race([track(trackingEvents.appStopped()), delay(1500)])
      await session.stop()
    },
    subscribe: (listener) => state.subscribe(listener),
    getState: async () => state.get(),
    reuse: (request) => actions.reuse(request.assetId),
    save: (request) => actions.save(request),
    dismiss: () => actions.dismiss(),
    undoSave: (request) => actions.undoSave(request.assetId),
    saveClipboard: () => saveCurrentClipboard(hotkeyDeps, 'command'),
    async hotkeySave() {
      void track(trackingEvents.hotkeyUsed(settings().hotkey))
      return saveCurrentClipboard(hotkeyDeps, 'hotkey')
    },
    listLibrary: () => listLibrary(connected()),
    searchLibrary: (request) => searchLibrary(connected(), request.query),
    async copyFromLibrary(request) {
      const asset = await connected().getAsset(request.assetId)
      await watcher.writeOwn(assetText(asset))
      void track(trackingEvents.libraryCopied(asset.id))
    },
    async updateAsset(request) {
      const { item, previousName } = await updateLibraryItem(connected(), request)
      if (request.name !== undefined && request.name !== previousName) {
        void track(trackingEvents.assetRenamed(item.id, previousName, item.name))
      } else void track(trackingEvents.assetUpdated(item.id))
      return item
    },
    async deleteAsset(request) {
      await connected().deleteAsset(request.assetId)
      void track(trackingEvents.assetDeleted(request.assetId))
    },
    async getUsageStats(): Promise<UsageStats> {
      const stats = activity.weekStats()
      const client = session.client()
      if (client && state.get().connection.status === 'connected') {
        const assets = await client.listAssets().catch(() => undefined)
        if (assets) stats.snippetsSaved = assets.iterable.length
      }
      return stats
    },
    async updateSettings(patch) {
      const before = settings()
      const next = await settingsStore.update(patch)
      state.update({ settings: next })
      if (next.pollIntervalMs !== before.pollIntervalMs) watcher.setInterval(next.pollIntervalMs)
      if (next.connectorUrl !== before.connectorUrl && !deps.connectorUrl) void session.retarget()
      return next
    },
    async testIgnorePattern(request) {
      const pattern = compilePattern(request.pattern)
      if (!pattern) {
        return { valid: false, matches: false, error: 'Not a valid regular expression.' }
      }
      return { valid: true, matches: pattern.test(request.sample.slice(0, PATTERN_INPUT_LIMIT)) }
    },
    async completeOnboarding(request) {
      const next = await settingsStore.update({ usageEvents: request.usageEvents })
      await local.update({ onboarded: true })
      state.update({ settings: next, onboarded: true })
      const client = session.client()
      if (client && state.get().connection.status === 'connected') await sendOnboarded(client)
      void track(trackingEvents.onboardingCompleted())
    },
    setHotkeyStatus(status) {
      state.update({ hotkey: status })
    },
    windowOpened() {
      void track(trackingEvents.windowOpened())
    },
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref())
}
