import type { FormEvent } from 'react'
import type { CurrentSuggestion } from '../../../../shared/domain'
import { CodePreview } from '../../components/code-preview'
import { LanguageSelect } from '../../components/language-select'
import { useAppStore } from '../../store'
import { ActionError } from './action-error'
import { KeyButton } from './key-button'

/** A new snippet worth keeping: name, tags and language, then S (or Enter in a field) saves. */
export function SavePanel({ current }: { current: CurrentSuggestion }) {
  // The preview follows the language the user picks, so a correction shows at once.
  const language = useAppStore((state) => state.draft.language)
  return (
    <section className="panel" aria-labelledby="save-title">
      <header className="panel-head">
        <span className="pill pill-save">Save</span>
        <h2 id="save-title">New snippet worth keeping</h2>
      </header>
      <CodePreview text={current.text} language={language} label="Your copy" compact />
      <SaveForm />
    </section>
  )
}

export function SaveForm() {
  const draft = useAppStore((state) => state.draft)
  const editDraft = useAppStore((state) => state.editDraft)
  const save = useAppStore((state) => state.save)
  const dismiss = useAppStore((state) => state.dismiss)
  const busy = useAppStore((state) => state.busy)

  function onSubmit(event: FormEvent) {
    event.preventDefault()
    void save()
  }

  return (
    <form className="form" onSubmit={onSubmit} aria-label="Save snippet">
      <label className="field">
        <span className="field-label">Name</span>
        <input
          className="input"
          value={draft.name}
          placeholder="Untitled snippet"
          maxLength={300}
          onChange={(event) => editDraft({ name: event.target.value })}
        />
      </label>
      <div className="field-row">
        <label className="field grow">
          <span className="field-label">Tags</span>
          <input
            className="input"
            value={draft.tags.join(', ')}
            placeholder="comma, separated"
            onChange={(event) => editDraft({ tags: event.target.value.split(/,\s*/) })}
          />
        </label>
        <LanguageSelect
          value={draft.language}
          detect
          onChange={(language) => editDraft({ language })}
        />
      </div>
      <ActionError />
      <div className="actions">
        <KeyButton keyLabel="S" primary type="submit">
          {busy === 'save' ? 'Saving…' : 'Save'}
        </KeyButton>
        <KeyButton keyLabel="Esc" onClick={() => void dismiss()}>
          Dismiss
        </KeyButton>
      </div>
    </form>
  )
}
