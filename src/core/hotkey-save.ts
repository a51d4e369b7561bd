import { toErrorInfo } from '../connector/client'
import type { HotkeySaveResult, Settings } from '../shared/domain'
import type { SeededConnectorTracking } from '../shared/wire'
import type { ActivityLog } from './activity-log'
import { assetText, preview, seedFor } from './asset-mapping'
import type { ClipboardPort } from './contracts'
import type { ConnectorSession } from './connector-session'
import { checkMarkers, ingestFilter, VALUE_MARKERS } from './ingest-filter'
import { trackingEvents } from './tracking-events'

/** A reuse match at least this similar counts as "already saved". */
export const ALREADY_SAVED_SIMILARITY = 0.95

export interface HotkeySaveDeps {
  clipboard: ClipboardPort
  session: ConnectorSession
  activity: ActivityLog
  settings: () => Settings
  track: (event: SeededConnectorTracking) => void
}

/** Saves whatever is on the clipboard now (hotkey, tray button, `clipwise save`). */
export async function saveCurrentClipboard(
  deps: HotkeySaveDeps,
  via: 'hotkey' | 'command',
): Promise<HotkeySaveResult> {
  const settings = deps.settings()
  const formats = await deps.clipboard.formats()
  const markerValues: Record<string, string | undefined> = {}
  for (const marker of VALUE_MARKERS) {
    if (formats.includes(marker)) markerValues[marker] = await deps.clipboard.readFormat(marker)
  }
  if (checkMarkers(formats, markerValues)) {
    deps.activity.record('skipped-concealed', '')
    return refused(
      'The clipboard holds a password-manager secret; Clipwise did not read or save it.',
    )
  }
  let text = await deps.clipboard.readText()
  if (!text?.trim() && settings.usePrimarySelection && deps.clipboard.readPrimaryText) {
    text = await deps.clipboard.readPrimaryText()
  }
  // An explicit save ignores the pause and the ignore patterns, never the secret and size rules.
  const decision = ingestFilter(
    { formats, markerValues, text },
    { ignoreNext: false, maxBytes: settings.maxSnippetBytes, ignorePatterns: [], paused: false },
  )
  if (decision.action === 'skip') {
    if (decision.reason === 'secret') deps.activity.record('skipped-secret', '')
    if (decision.reason === 'empty') return refused('The clipboard is empty; copy some text first.')
    return refused(decision.notice ?? 'Clipwise cannot save what is on the clipboard.')
  }

  const client = deps.session.client()
  if (!client)
    return failed('No connector can be reached; start Pieces OS or check the connector URL.')
  const seed = seedFor(decision.text)
  try {
    const suggestion = await client.suggest(seed)
    const same = suggestion.reuse.assets.iterable.find((asset) => {
      const similarity = suggestion.distribution?.[asset.id] ?? 0
      return similarity >= ALREADY_SAVED_SIMILARITY || sameText(assetText(asset), decision.text)
    })
    if (same) {
      const name = same.name ?? same.id
      return { status: 'already-saved', assetId: same.id, message: `Already saved as "${name}".` }
    }
    const assetId = await client.react({ save: true, seed })
    const name = (await client.getAsset(assetId).catch(() => undefined))?.name ?? 'snippet'
    deps.activity.record('saved', preview(decision.text), assetId)
    deps.track(trackingEvents.saveChosen(assetId, via === 'hotkey'))
    return { status: 'saved', assetId, message: `Saved "${name}".` }
  } catch (error) {
    deps.session.reportFailure(error)
    return failed(`Could not save: ${toErrorInfo(error).message}`)
  }
}

function refused(message: string): HotkeySaveResult {
  return { status: 'refused', message }
}

function failed(message: string): HotkeySaveResult {
  return { status: 'failed', message }
}

function sameText(a: string, b: string): boolean {
  const normalise = (text: string) =>
    text
      .replace(/\r\n?/g, '\n')
      .replace(/[ \t]+$/gm, '')
      .trim()
  return normalise(a) === normalise(b)
}
