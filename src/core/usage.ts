import type { ConnectorClient } from '../connector/client'
import type { Settings } from '../shared/domain'
import type { SeededConnectorTracking } from '../shared/wire'
import type { LocalStateFile } from './local-state'
import type { ConnectorSession } from './session'

/** Usage events and the onboarding flag, sent to the connector only as the user agreed. */
export function createUsage(deps: {
  settings: () => Settings
  session: ConnectorSession
  local: LocalStateFile
}) {
  const inFlight = new Set<Promise<void>>()
  return {
    /** Usage events go out only when the user agreed, and never break anything when they fail. */
    track(event: SeededConnectorTracking): Promise<void> {
      const client = deps.session.client()
      if (!deps.settings().usageEvents || !client) return Promise.resolve()
      const sent = client.track(event).catch(() => undefined)
      inFlight.add(sent)
      void sent.finally(() => inFlight.delete(sent))
      return sent
    },
    /** Resolves once every event sent so far has been answered (or failed). */
    async settled(): Promise<void> {
      await Promise.all(inFlight)
    },
    /** `/onboarded`, remembered once the connector has it. */
    async sendOnboarded(client: ConnectorClient): Promise<void> {
      try {
        await client.onboarded(true)
        await deps.local.update({ onboardedSent: true })
      } catch (error) {
        deps.session.reportFailure(error)
      }
    },
  }
}
