import { useRef } from 'react'
import type { KeyboardEvent } from 'react'
import { useAppStore } from '../store'
import type { View } from '../store'
import { VIEWS } from '../store/view-slice'

export const VIEW_LABELS: Record<View, string> = {
  now: 'Now',
  library: 'Library',
  activity: 'Activity',
  settings: 'Settings',
}

/** The view switcher: an ARIA tab list with arrow-key navigation. */
export function Tabs() {
  const view = useAppStore((state) => state.view)
  const setView = useAppStore((state) => state.setView)
  const refs = useRef<(HTMLButtonElement | null)[]>([])

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = VIEWS.indexOf(view)
    const step = { ArrowRight: 1, ArrowLeft: -1, Home: -index, End: VIEWS.length - 1 - index }[
      event.key
    ]
    if (step === undefined) return
    event.preventDefault()
    const next = (index + step + VIEWS.length) % VIEWS.length
    const target = VIEWS[next]
    if (!target) return
    setView(target)
    refs.current[next]?.focus()
  }

  return (
    <div className="tabs" role="tablist" aria-label="Views" onKeyDown={onKeyDown}>
      {VIEWS.map((name, index) => (
        <button
          key={name}
          ref={(node) => {
            refs.current[index] = node
          }}
          type="button"
          role="tab"
          id={`tab-${name}`}
          aria-selected={view === name}
          aria-controls={`panel-${name}`}
          aria-keyshortcuts={`Control+${index + 1}`}
          tabIndex={view === name ? 0 : -1}
          className="tab"
          onClick={() => setView(name)}
        >
          {VIEW_LABELS[name]}
        </button>
      ))}
    </div>
  )
}
