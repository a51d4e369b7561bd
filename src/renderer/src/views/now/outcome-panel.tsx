import { useEffect } from 'react'
import type { SuggestionOutcome } from '../../../../shared/domain'
import { Kbd } from '../../components/kbd'
import { useAppStore } from '../../store'
import { ActionError } from './action-error'

/** How long "undo" stays offered after a save. */
export const UNDO_MS = 8000

/** What happened to the last copy: reused, saved (with undo for a few seconds), dismissed. */
export function OutcomePanel({ outcome }: { outcome: SuggestionOutcome }) {
  const current = useAppStore((state) => state.current)
  const justSaved = useAppStore((state) => state.justSaved)
  const undoSave = useAppStore((state) => state.undoSave)
  const expireUndo = useAppStore((state) => state.expireUndo)
  const busy = useAppStore((state) => state.busy)
  const undoable = outcome.type === 'saved' && justSaved?.assetId === outcome.assetId

  useEffect(() => {
    if (!undoable) return
    const timer = setTimeout(expireUndo, UNDO_MS)
    return () => clearTimeout(timer)
  }, [undoable, expireUndo])

  const reused = current?.matches.find(
    (match) => outcome.type === 'reused' && match.assetId === outcome.assetId,
  )
  const { mark, title, detail } = {
    reused: {
      mark: '✓',
      title: 'On your clipboard',
      detail: reused
        ? `“${reused.name}” is ready to paste.`
        : 'The saved snippet is ready to paste.',
    },
    saved: {
      mark: '✓',
      title: 'Saved',
      detail: outcome.type === 'saved' ? `“${outcome.name}” is in your library.` : '',
    },
    'save-waiting': {
      mark: '…',
      title: 'Will be saved',
      detail: 'No connector answers right now; Clipwise saves it as soon as one does.',
    },
    dismissed: { mark: '–', title: 'Dismissed', detail: 'Clipwise will remember you copied it.' },
    undone: { mark: '↺', title: 'Save undone', detail: 'The snippet was removed again.' },
  }[outcome.type]

  return (
    <section className="empty" aria-labelledby="outcome-title" aria-live="polite">
      <div className={`empty-mark mark-${outcome.type}`} aria-hidden="true">
        {mark}
      </div>
      <h2 id="outcome-title">{title}</h2>
      <p>{detail}</p>
      <ActionError />
      {undoable ? (
        <button
          type="button"
          className="button"
          disabled={busy !== null}
          onClick={() => void undoSave()}
        >
          Undo <Kbd>U</Kbd>
        </button>
      ) : null}
    </section>
  )
}
