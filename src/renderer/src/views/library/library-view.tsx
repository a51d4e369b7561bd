import { useEffect, useRef, useState } from 'react'
import type { KeyboardEvent } from 'react'
import { isMac } from '../../lib/format'
import { useAppStore } from '../../store'
import { LibraryActions } from './library-actions'
import { LibraryRow } from './library-row'

const SEARCH_DELAY_MS = 120

export type LibraryMode = 'browse' | 'edit' | 'confirm-delete'

/** Saved snippets, searched as you type through the connector; Enter copies the selected one. */
export default function LibraryView() {
  const items = useAppStore((state) => state.libraryItems)
  const status = useAppStore((state) => state.libraryStatus)
  const selected = useAppStore((state) => state.librarySelected)
  const storedQuery = useAppStore((state) => state.libraryQuery)
  const searchLibrary = useAppStore((state) => state.searchLibrary)
  const [query, setQuery] = useState(storedQuery)
  const [mode, setMode] = useState<LibraryMode>('browse')
  const input = useRef<HTMLInputElement>(null)
  const item = items[selected]

  useEffect(() => {
    const timer = setTimeout(() => void searchLibrary(query), query ? SEARCH_DELAY_MS : 0)
    return () => clearTimeout(timer)
  }, [query, searchLibrary])

  useEffect(() => {
    if (mode === 'browse') input.current?.focus()
  }, [mode])

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const state = useAppStore.getState()
    const command = isMac() ? event.metaKey : event.ctrlKey
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      state.moveLibrarySelection(event.key === 'ArrowDown' ? 1 : -1)
    } else if (event.key === 'Enter' && item) {
      event.preventDefault()
      void state.copyLibraryItem(item.id)
    } else if (command && event.key.toLowerCase() === 'e' && item) {
      event.preventDefault()
      setMode('edit')
    } else if (command && event.key.toLowerCase() === 'd' && item) {
      event.preventDefault()
      setMode('confirm-delete')
    } else if (event.key === 'Escape' && query) {
      event.preventDefault()
      setQuery('')
    }
  }

  const searching = status === 'loading' && items.length === 0
  return (
    <div className="library">
      <div className="search">
        <input
          ref={input}
          className="input search-input"
          type="search"
          role="combobox"
          aria-label="Search saved snippets"
          aria-controls="library-results"
          aria-expanded={items.length > 0}
          aria-activedescendant={item ? `library-${item.id}` : undefined}
          aria-autocomplete="list"
          placeholder="Search snippets"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={onKeyDown}
        />
      </div>
      <div
        id="library-results"
        className="results"
        role="listbox"
        aria-label="Saved snippets"
        aria-busy={status === 'loading'}
      >
        {items.map((entry, index) => (
          <LibraryRow
            key={entry.id}
            item={entry}
            selected={index === selected}
            onSelect={() => useAppStore.getState().selectLibraryItem(index)}
          />
        ))}
      </div>
      {items.length === 0 && !searching && status !== 'idle' ? (
        <p className="empty-inline">
          {query.trim() ? `No saved snippet matches “${query.trim()}”.` : 'Nothing saved yet.'}
        </p>
      ) : null}
      {item ? <LibraryActions item={item} mode={mode} setMode={setMode} /> : null}
      <LibraryStatus />
    </div>
  )
}

function LibraryStatus() {
  const error = useAppStore((state) => state.libraryError)
  const message = useAppStore((state) => state.libraryMessage)
  return (
    <p className={error ? 'error-text library-status' : 'muted library-status'} role="status">
      {error ?? message ?? ''}
    </p>
  )
}
