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
  const sharedNow = item.team?.mine ?? false
  const [shared, setShared] = useState(sharedNow)
  const first = useRef<HTMLInputElement>(null)
  useEffect(() => first.current?.focus(), [])

  async function onSubmit(event: FormEvent) {
    event.preventDefault()
    const saved = await update({
      assetId: item.id,
      name: name.trim() || item.name,
      tags: cleanTags(tags.split(',')),
      ...(language !== (item.language || 'txt') && { language }),
      ...(shared !== sharedNow && { shared }),
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
      <ShareField item={item} shared={shared} setShared={setShared} />
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

/** The per-snippet team choice: the user's own snippets only, never one holding a secret. */
function ShareField({
  item,
  shared,
  setShared,
}: {
  item: LibraryItem
  shared: boolean
  setShared(shared: boolean): void
}) {
  const teamSet = useAppStore((state) => state.settings.team.url !== null)
  if (item.team && !item.team.mine) {
    return (
      <p className="muted">
        Saved by {item.team.owner} in the team library {item.team.library}.
      </p>
    )
  }
  if (!teamSet && !item.team) return null
  return (
    <label className="field field-inline">
      <input
        type="checkbox"
        role="switch"
        className="switch"
        checked={shared}
        disabled={item.sensitive}
        aria-describedby={`share-note-${item.id}`}
        onChange={(e) => setShared(e.target.checked)}
      />
      <span className="field-label">Shared with the team</span>
      <span className="muted" id={`share-note-${item.id}`}>
        {item.sensitive
          ? 'It holds a credential (redacted), so it is never shared.'
          : 'Teammates see it, named as yours, and are offered it for reuse.'}
      </span>
    </label>
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
        {item.team && !item.team.mine
          ? `It is hidden for you; ${item.team.owner}'s snippet stays in the team library.`
          : item.team?.mine
            ? 'It is removed from the connector and from the team library. This cannot be undone.'
            : 'It is removed from the connector. This cannot be undone.'}
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
