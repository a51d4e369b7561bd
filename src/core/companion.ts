import type { ConnectorClient } from '../connector/client'
import type { AppState } from '../shared/domain'
import type { SeededConnectorTracking } from '../shared/wire'
import { createActions, setOutcome } from './actions'
import { createActivityLog } from './activity-log'
import { preview } from './asset-mapping'
import { createClipboardWatcher } from './clipboard-watcher'
import { systemClock } from './clock'
import type { Companion, CompanionDeps } from './contracts'
import { saveCurrentClipboard } from './hotkey-save'
import { createLibraryApi } from './library'
import { openLocalState } from './local-state'
import { createSaveQueue } from './save-queue'
import { createConnectorSession } from './session'
import { createPreferences } from './preferences'
import { openSettingsStore } from './settings-store'
import { createStateStore } from './state-store'
import { createSuggestionFlow } from './suggestion-flow'
import { createSupervisor } from './supervisor'
import { trackingEvents } from './tracking-events'
import { createUsage } from './usage'

/** Builds the running core from its parts — session, suggestion flow, actions, save queue,
 * supervisor — over what a front end passes in; nothing starts until `start()`. */
export function createCompanion(deps: CompanionDeps): Companion {
  const clock = deps.clock ?? systemClock(deps.now)
  const settingsStore = openSettingsStore(deps.dataDir)
  const local = openLocalState(deps.dataDir)
  const settings = () => settingsStore.get()
  const state = createStateStore(initialState(settings(), local.get()))
  const activity = createActivityLog({ state, local, clock })
  let startedEventSent = false

  const supervisor = createSupervisor({
    state,
    clock,
    configuredUrl: () => deps.connectorUrl ?? settings().connectorUrl,
    ...(deps.connectorUrl ? { configuredReason: 'The connector URL was given for this run.' } : {}),
    startEmbedded: deps.startEmbeddedConnector,
    piecesPorts: deps.discovery?.piecesPorts,
    legacyPorts: deps.discovery?.legacyPorts,
  })
  const session = createConnectorSession({
    state,
    clock,
    supervisor,
    appVersion: deps.appVersion,
    platform: deps.platform,
    ...(deps.timeouts ? { timeouts: deps.timeouts } : {}),
    onConnected,
  })
  const usage = createUsage({ settings, session, local })
  /** Usage events never hold anything up: parts fire them and move on. */
  const track = (event: SeededConnectorTracking): void => void usage.track(event)
  const flow = createSuggestionFlow({ state, session, clock, activity, settings, track })
  const watcher = createClipboardWatcher({
    clipboard: deps.clipboard,
    clock,
    intervalMs: settings().pollIntervalMs,
    onCopy: (candidate) => flow.handleCopy(candidate),
    onError: (error) =>
      activity.notify('warning', `Reading the clipboard failed: ${(error as Error).message}`),
  })
  const saves = createSaveQueue({
    dataDir: deps.dataDir,
    session,
    state,
    clock,
    activity,
    onSaved(entry, saved, afterWait) {
      const name = saved.name || 'Untitled snippet'
      if (entry.suggestionId) {
        setOutcome(state, entry.suggestionId, { type: 'saved', assetId: saved.assetId, name })
      }
      if (saved.alreadySaved) return
      activity.record(afterWait ? 'saved-after-wait' : 'saved', preview(entry.text), saved.assetId)
      if (afterWait) activity.notify('info', `Saved “${name}”; it was waiting for the connector.`)
      track(trackingEvents.saveChosen(saved.assetId, entry.via === 'hotkey'))
    },
  })
  const actions = createActions({ state, flow, session, watcher, activity, saves, track })
  const clipboardSave = { clipboard: deps.clipboard, saves, state, activity, settings }
  const library = createLibraryApi({ session, watcher, activity, track })
  const preferences = createPreferences({
    settingsStore,
    local,
    state,
    watcher,
    session,
    usage,
    fixedUrl: deps.connectorUrl !== undefined,
  })

  async function onConnected(client: ConnectorClient): Promise<void> {
    if (!startedEventSent) {
      startedEventSent = true
      track(trackingEvents.appStarted())
    }
    if (local.get().onboarded && !local.get().onboardedSent) await usage.sendOnboarded(client)
    await Promise.all([flow.flush(client), saves.flush(client)])
  }

  return {
    async start() {
      await saves.refresh()
      await watcher.start()
      await session.establish()
    },
    async stop() {
      watcher.stop()
      // The events of the last moments (a save just made) go out with the stop event, not lost.
      const sent = Promise.all([usage.track(trackingEvents.appStopped()), usage.settled()])
      await Promise.race([sent, delay(1500)])
      await session.stop()
    },
    subscribe: (listener) => state.subscribe(listener),
    getState: async () => state.get(),
    reuse: (request) => actions.reuse(request),
    save: (request) => actions.save(request),
    dismiss: (request) => actions.dismiss(request),
    undoSave: (request) => actions.undoSave(request),
    saveClipboard: () => saveCurrentClipboard(clipboardSave, 'command'),
    async hotkeySave() {
      track(trackingEvents.hotkeyUsed(settings().hotkey))
      return saveCurrentClipboard(clipboardSave, 'hotkey')
    },
    ...library,
    ...preferences,
    setHotkeyStatus(status) {
      state.update({ hotkey: status })
    },
    windowOpened() {
      track(trackingEvents.windowOpened())
    },
    idle: () => flow.idle(),
  }
}

function initialState(
  settings: AppState['settings'],
  local: ReturnType<ReturnType<typeof openLocalState>['get']>,
): AppState {
  return {
    connection: { status: 'discovering', queued: 0 },
    current: null,
    activity: local.activity.slice(0, 50),
    settings,
    onboarded: local.onboarded,
    hotkey: { accelerator: settings.hotkey, registered: false },
    notices: [],
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref())
}
