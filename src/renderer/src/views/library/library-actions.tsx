import { useEffect, useRef, useState } from 'react'
import type { FormEvent, KeyboardEvent } from 'react'
import type { LibraryItem } from '../../../../shared/domain'
import { Kbd } from '../../components/kbd'
import { LanguageSelect } from '../../components/language-select'
import { isMac } from '../../lib/format'
import { useAppStore } from '../../store'
import { cleanTags } from '../../store/suggestion-slice'
import type { LibraryMode } from './library-view'

interface Props {
  item: LibraryItem
  mode: LibraryMode
  setMode(mode: LibraryMode): void
}

/** Copy, edit or delete the selected snippet. */
export function LibraryActions({ item, mode, setMode }: Props) {
  const copy = useAppStore((state) => state.copyLibraryItem)
  const mod = isMac() ? '⌘' : 'Ctrl+'
  if (mode === 'edit') return <EditForm item={item} done={() => setMode('browse')} />
  if (mode === 'confirm-delete') return <ConfirmDelete item={item} done={() => setMode('browse')} />
  return (
    <div className="actions library-actions" aria-label={`Actions for ${item.name}`} role="group">
      <button type="button" className="button primary" onClick={() => void copy(item.id)}>
        Copy <Kbd>Enter</Kbd>
      </button>
      <button type="button" className="button" onClick={() => setMode('edit')}>
        Edit <Kbd>{`${mod}E`}</Kbd>
      </button>
      <button type="button" className="button danger" onClick={() => setMode('confirm-delete')}>
        Delete <Kbd>{`${mod}D`}</Kbd>
      </button>
    </div>
  )
}

function EditForm({ item, done }: { item: LibraryItem; done(): void }) {
  const update = useAppStore((state) => state.updateLibraryItem)
  const [name, setName] = useState(item.name)
  const [tags, setTags] = useState(item.tags.join(', '))
  const [language, setLanguage] = useState(item.language || 'txt')
  const first = useRef<HTMLInputElement>(null)
  useEffect(() => first.current?.focus(), [])

  async function onSubmit(event: FormEvent) {
    event.preventDefault()
    const saved = await update({
      assetId: item.id,
      name: name.trim() || item.name,
      tags: cleanTags(tags.split(',')),
      ...(language !== (item.language || 'txt') && { language }),
    })
    if (saved) done()
  }

  return (
    <form
      className="form sheet"
      aria-label={`Edit ${item.name}`}
      onSubmit={(event) => void onSubmit(event)}
      onKeyDown={escapeTo(done)}
    >
      <label className="field">
        <span className="field-label">Name</span>
        <input
          ref={first}
          className="input"
          value={name}
          maxLength={300}
          onChange={(e) => setName(e.target.value)}
        />
      </label>
      <div className="field-row">
        <label className="field grow">
          <span className="field-label">Tags</span>
          <input
            className="input"
            value={tags}
            placeholder="comma, separated"
            onChange={(e) => setTags(e.target.value)}
          />
        </label>
        <LanguageSelect value={language} onChange={setLanguage} />
      </div>
      <div className="actions">
        <button type="submit" className="button primary">
          Save changes
        </button>
        <button type="button" className="button" onClick={done}>
          Cancel <Kbd>Esc</Kbd>
        </button>
      </div>
    </form>
  )
}

function ConfirmDelete({ item, done }: { item: LibraryItem; done(): void }) {
  const remove = useAppStore((state) => state.deleteLibraryItem)
  const confirm = useRef<HTMLButtonElement>(null)
  useEffect(() => confirm.current?.focus(), [])
  return (
    <div
      className="sheet confirm"
      role="alertdialog"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-detail"
      onKeyDown={escapeTo(done)}
    >
      <p id="confirm-title" className="confirm-title">
        Delete “{item.name}”?
      </p>
      <p id="confirm-detail" className="muted">
        It is removed from the connector. This cannot be undone.
      </p>
      <div className="actions">
        <button
          ref={confirm}
          type="button"
          className="button danger-solid"
          onClick={() => void remove(item.id).then(done)}
        >
          Delete
        </button>
        <button type="button" className="button" onClick={done}>
          Cancel <Kbd>Esc</Kbd>
        </button>
      </div>
    </div>
  )
}

function escapeTo(done: () => void) {
  return (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return
    event.preventDefault()
    event.nativeEvent.preventDefault()
    done()
  }
}
