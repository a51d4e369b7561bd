import type { SeededConnectorTracking } from '../shared/wire'

// `/track` bodies in the spec's shapes (§6.6): one event per request, wire keys exactly as the spec
// writes them (`identifier_description_pair` and the snake_case event names).

type Pair = Record<string, string>

interface AssetEvent {
  asset: { id: string }
  identifier_description_pair: Pair
  metadata?: Record<string, unknown>
}

interface DescribedEvent {
  identifier_description_pair?: Pair
  description: string
  element?: string
  shortcut?: number[]
}

const session = (key: string, sentence: string): SeededConnectorTracking => ({
  session: { identifier_description_pair: { [key]: sentence } },
})

const assetEvent = (
  id: string,
  key: string,
  sentence: string,
  metadata?: Record<string, unknown>,
): SeededConnectorTracking => {
  const event: AssetEvent = { asset: { id }, identifier_description_pair: { [key]: sentence } }
  if (metadata) event.metadata = metadata
  return { asset: event }
}

const interaction = (description: string, element: string): SeededConnectorTracking => {
  const event: DescribedEvent = { description, element }
  return { interaction: event }
}

/** The usage events Clipwise sends, each a complete `/track` body. */
export const trackingEvents = {
  appStarted: () =>
    session(
      'session_initialized',
      'a_session_has_been_initialized_and_the_application_has_been_opened',
    ),
  appStopped: () =>
    session('session_terminated', 'a_session_has_been_ended_and_the_application_has_been_closed'),
  windowOpened: () =>
    session('session_active', 'a_session_is_active_because_the_application_is_in_the_foreground'),
  onboardingCompleted: () =>
    session('session_onboarding_completed', 'onboarding_has_been_completed_for_this_session'),
  suggestionShown: (kind: 'reuse' | 'save') =>
    interaction(`a ${kind} suggestion was shown for a copied snippet`, `${kind}_suggestion`),
  dismissed: () => interaction('a suggestion was dismissed', 'dismiss_button'),
  reuseChosen: (assetId: string) =>
    assetEvent(
      assetId,
      'suggested_asset_referenced',
      'a_suggested_asset_was_referenced_by_the_user',
    ),
  saveChosen: (assetId: string, viaKeyboard: boolean) =>
    assetEvent(assetId, 'asset_created', 'an_asset_was_created', {
      creation: { clipboard: { keyboard: viaKeyboard, interaction: !viaKeyboard } },
    }),
  libraryCopied: (assetId: string) =>
    assetEvent(assetId, 'asset_referenced', 'an_asset_was_referenced_by_the_user'),
  assetDeleted: (assetId: string) => assetEvent(assetId, 'asset_deleted', 'an_asset_was_deleted'),
  assetRenamed: (assetId: string, previous: string, current: string) =>
    assetEvent(assetId, 'asset_name_updated', 'an_asset_was_renamed_by_the_user', {
      rename: { previous, current },
    }),
  assetUpdated: (assetId: string) => assetEvent(assetId, 'asset_updated', 'an_asset_was_updated'),
  hotkeyUsed: (accelerator: string): SeededConnectorTracking => {
    const event: DescribedEvent = {
      description: 'the current clipboard was saved with the global hotkey',
      shortcut: acceleratorKeyCodes(accelerator),
    }
    return { keyboard: event }
  },
}

const MODIFIER_CODES: Record<string, number> = {
  commandorcontrol: 17,
  cmdorctrl: 17,
  control: 17,
  ctrl: 17,
  shift: 16,
  alt: 18,
  option: 18,
  altgr: 18,
  command: 91,
  cmd: 91,
  super: 91,
  meta: 91,
}

/** An Electron accelerator as DOM key codes (`CommandOrControl+Shift+S` → [17, 16, 83]). */
export function acceleratorKeyCodes(accelerator: string): number[] {
  return accelerator
    .split('+')
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((part) => {
      const modifier = MODIFIER_CODES[part.toLowerCase()]
      if (modifier !== undefined) return modifier
      if (/^[a-z0-9]$/i.test(part)) return part.toUpperCase().charCodeAt(0)
      const fn = /^F(\d{1,2})$/i.exec(part)
      if (fn) return 111 + Number(fn[1])
      return 0
    })
}
