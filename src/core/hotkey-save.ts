import { toErrorInfo } from '../connector/client'
import type { HotkeySaveResult, Settings } from '../shared/domain'
import type { ActivityLog } from './activity-log'
import type { ClipboardPort } from './contracts'
import { checkMarkers, ingestFilter, VALUE_MARKERS } from './ingest-filter'
import type { SaveQueue } from './save-queue'
import type { StateStore } from './state-store'

export interface HotkeySaveDeps {
  clipboard: ClipboardPort
  saves: SaveQueue
  state: StateStore
  activity: ActivityLog
  settings: () => Settings
}

/** Saves whatever is on the clipboard now (hotkey, tray menu, `clipwise save`) through the save queue. */
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

  // The text read now is what is saved; when it is the suggestion on screen, the save is its.
  const current = deps.state.get().current
  const shown =
    current && current.text === decision.text && !current.outcome ? current.id : undefined
  try {
    const answer = await deps.saves.save({
      text: decision.text,
      allowDuplicate: false,
      via,
      ...(shown ? { suggestionId: shown } : {}),
    })
    if (answer.status === 'waiting') return { status: 'waiting', message: answer.message }
    if (answer.alreadySaved) {
      const name = answer.name || answer.assetId
      return {
        status: 'already-saved',
        assetId: answer.assetId,
        message: `Already saved as "${name}".`,
      }
    }
    return {
      status: 'saved',
      assetId: answer.assetId,
      message: `Saved "${answer.name || 'snippet'}".`,
    }
  } catch (error) {
    return { status: 'failed', message: `Could not save: ${toErrorInfo(error).message}` }
  }
}

function refused(message: string): HotkeySaveResult {
  return { status: 'refused', message }
}
