import type { CurrentSuggestion } from '../../../../shared/domain'
import { CodePreview } from '../../components/code-preview'
import { useAppStore } from '../../store'
import { ActionError } from './action-error'
import { KeyButton } from './key-button'

/** The connector has nothing to suggest: say so calmly, keep "save anyway" one key away. */
export function NothingPanel({ current }: { current: CurrentSuggestion }) {
  const save = useAppStore((state) => state.save)
  const dismiss = useAppStore((state) => state.dismiss)
  return (
    <section className="panel" aria-labelledby="nothing-title">
      <header className="panel-head">
        <span className="pill">Copied</span>
        <h2 id="nothing-title">Nothing to do here</h2>
      </header>
      <p className="muted">Not code Clipwise would keep, and nothing like it is saved.</p>
      <CodePreview
        text={current.text}
        language={current.draft.language}
        label="Your copy"
        compact
      />
      <ActionError />
      <div className="actions">
        <KeyButton keyLabel="S" onClick={() => void save()}>
          Save anyway
        </KeyButton>
        <KeyButton keyLabel="Esc" onClick={() => void dismiss()}>
          Dismiss
        </KeyButton>
      </div>
    </section>
  )
}
