import type { AppState, CurrentSuggestion, HotkeySaveResult } from '../shared/domain'

/** How to surface a new suggestion without taking focus from the user's editor. */
export type PopupAction =
  { type: 'show-inactive' } | { type: 'notify'; title: string; body: string } | { type: 'none' }

function isNewReadySuggestion(previous: CurrentSuggestion | null, next: CurrentSuggestion | null) {
  if (!next || next.status !== 'ready' || next.outcome) return false
  if (next.kind !== 'reuse' && next.kind !== 'save') return false
  return !(previous && previous.id === next.id && previous.status === 'ready')
}

/** Decides, from one state to the next, whether a suggestion appeared and how to show it. */
export function popupFor(
  previous: AppState | undefined,
  next: AppState,
  windowVisible: boolean,
): PopupAction {
  if (!isNewReadySuggestion(previous?.current ?? null, next.current) || windowVisible)
    return { type: 'none' }
  if (next.settings.paused) return { type: 'none' }
  const current = next.current as CurrentSuggestion
  if (next.settings.popup === 'window') return { type: 'show-inactive' }
  if (next.settings.popup === 'notification') {
    const best = current.matches[0]
    return current.kind === 'reuse' && best
      ? {
          type: 'notify',
          title: 'Already saved',
          body: `"${best.name}" matches ${Math.round(best.similarity * 100)}%. Open Clipwise to reuse it.`,
        }
      : {
          type: 'notify',
          title: 'Save this snippet?',
          body: `Open Clipwise to save "${current.draft.name}".`,
        }
  }
  return { type: 'none' }
}

/** The native notification for a hotkey save. */
export function hotkeyNotification(result: HotkeySaveResult): { title: string; body: string } {
  const titles: Record<HotkeySaveResult['status'], string> = {
    saved: 'Saved to Clipwise',
    'already-saved': 'Already saved',
    waiting: 'Will be saved',
    refused: 'Not saved',
    failed: 'Could not save',
  }
  return { title: titles[result.status], body: result.message }
}
