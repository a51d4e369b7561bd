import type { CurrentSuggestion } from '../../../../shared/domain'
import { Kbd } from '../../components/kbd'
import { acceleratorLabel } from '../../lib/format'
import { useAppStore } from '../../store'
import { CodePreview } from '../../components/code-preview'
import { SaveForm } from './save-panel'

export function EmptyState() {
  const hotkey = useAppStore((state) => state.hotkey.accelerator)
  return (
    <section className="empty" aria-labelledby="empty-title">
      <div className="empty-mark" aria-hidden="true">
        ⧉
      </div>
      <h2 id="empty-title">Copy some code</h2>
      <p>Clipwise checks each copy against your saved snippets and tells you here.</p>
      <p className="muted">
        Save the clipboard from anywhere with <Kbd>{acceleratorLabel(hotkey)}</Kbd>
      </p>
    </section>
  )
}

export function PausedState() {
  const updateSettings = useAppStore((state) => state.updateSettings)
  return (
    <section className="empty" aria-labelledby="paused-title">
      <div className="empty-mark" aria-hidden="true">
        ❚❚
      </div>
      <h2 id="paused-title">Paused</h2>
      <p>Clipwise is not reading your clipboard.</p>
      <button
        type="button"
        className="button primary"
        onClick={() => void updateSettings({ paused: false })}
      >
        Resume watching
      </button>
    </section>
  )
}

export function OfflineBanner() {
  const error = useAppStore((state) => state.connection.error)
  const queued = useAppStore((state) => state.connection.queued)
  return (
    <div className="banner banner-warning" role="status">
      <strong>Connector offline.</strong> {error?.message ?? 'Trying again shortly.'}
      {queued > 0 ? ` ${queued} ${queued === 1 ? 'copy waits' : 'copies wait'} for it.` : ''}
    </div>
  )
}

const WAITING_TEXT = {
  pending: 'Checking your copy…',
  queued: 'Waiting for the connector',
  error: 'Could not check this copy',
  ready: '',
} as const

export function WaitingState({ current }: { current: CurrentSuggestion }) {
  return (
    <section
      className="panel"
      aria-labelledby="waiting-title"
      aria-busy={current.status === 'pending'}
    >
      <header className="panel-head">
        <h2 id="waiting-title" className={current.status === 'error' ? 'title-error' : undefined}>
          {WAITING_TEXT[current.status]}
        </h2>
      </header>
      {current.error ? <p className="error-text">{current.error.message}</p> : null}
      <CodePreview
        text={current.text}
        language={current.draft.language}
        label="Your copy"
        compact
      />
      {current.status === 'queued' ? (
        // The connector is away, but a save can be asked now: it waits and is made when it is back.
        <SaveForm />
      ) : (
        <p className="hints" aria-hidden="true">
          <Kbd>Esc</Kbd> dismiss
        </p>
      )}
    </section>
  )
}
