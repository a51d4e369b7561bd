import type { ClipwiseApi } from '../shared/ipc'
import type { ClipboardWatcher } from './clipboard-watcher'
import { compilePattern, PATTERN_INPUT_LIMIT } from './ingest-filter'
import type { LocalStateFile } from './local-state'
import type { ConnectorSession } from './session'
import type { SettingsStore } from './settings-store'
import type { StateStore } from './state-store'
import { trackingEvents } from './tracking-events'
import type { createUsage } from './usage'

/** Settings and onboarding: the part of the tray window's API that changes how Clipwise works. */
export function createPreferences(deps: {
  settingsStore: SettingsStore
  local: LocalStateFile
  state: StateStore
  watcher: ClipboardWatcher
  session: ConnectorSession
  usage: ReturnType<typeof createUsage>
  /** The connector URL was given for this run: a settings change does not retarget. */
  fixedUrl: boolean
}): Pick<ClipwiseApi, 'updateSettings' | 'testIgnorePattern' | 'completeOnboarding'> {
  const { settingsStore, state } = deps
  return {
    async updateSettings(patch) {
      const before = settingsStore.get()
      const next = await settingsStore.update(patch)
      state.update({ settings: next })
      if (next.pollIntervalMs !== before.pollIntervalMs)
        deps.watcher.setInterval(next.pollIntervalMs)
      if (next.connectorUrl !== before.connectorUrl && !deps.fixedUrl) void deps.session.retarget()
      return next
    },
    async testIgnorePattern(request) {
      const pattern = compilePattern(request.pattern)
      if (!pattern)
        return { valid: false, matches: false, error: 'Not a valid regular expression.' }
      return { valid: true, matches: pattern.test(request.sample.slice(0, PATTERN_INPUT_LIMIT)) }
    },
    async completeOnboarding(request) {
      const next = await settingsStore.update({ usageEvents: request.usageEvents })
      await deps.local.update({ onboarded: true })
      state.update({ settings: next, onboarded: true })
      const client = deps.session.client()
      if (client) await deps.usage.sendOnboarded(client)
      void deps.usage.track(trackingEvents.onboardingCompleted())
    },
  }
}
