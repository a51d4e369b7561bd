import { useAppStore } from '../../store'
import { hasCommandModifier, isEditable } from '../../lib/editable'
import { useKeys } from '../../lib/use-keys'
import { EmptyState, OfflineBanner, PausedState, WaitingState } from './now-states'
import { NothingPanel } from './nothing-panel'
import { OutcomePanel } from './outcome-panel'
import { ReusePanel } from './reuse-panel'
import { SavePanel } from './save-panel'

/** The last copy and what to do with it: reuse, save, or nothing. */
export function NowView() {
  const current = useAppStore((state) => state.current)
  const paused = useAppStore((state) => state.settings.paused)
  const offline = useAppStore((state) => state.connection.status === 'offline')
  useNowKeys()

  let body
  if (paused) body = <PausedState />
  else if (!current) body = <EmptyState />
  else if (current.outcome) body = <OutcomePanel outcome={current.outcome} />
  else if (current.status !== 'ready') body = <WaitingState current={current} />
  else if (current.kind === 'reuse') body = <ReusePanel current={current} />
  else if (current.kind === 'save') body = <SavePanel current={current} />
  else body = <NothingPanel current={current} />

  return (
    <div className="now">
      {offline && !paused ? <OfflineBanner /> : null}
      {body}
    </div>
  )
}

function useNowKeys() {
  useKeys((event) => {
    if (hasCommandModifier(event)) return
    const state = useAppStore.getState()
    const { current } = state
    if (!current || current.outcome || state.settings.paused) {
      if (
        (event.key === 'u' || event.key === 'U') &&
        state.justSaved &&
        !isEditable(event.target)
      ) {
        event.preventDefault()
        void state.undoSave()
      }
      return
    }
    if (event.key === 'Escape') {
      event.preventDefault()
      void state.dismiss()
      return
    }
    if (isEditable(event.target) || current.status !== 'ready') return
    const onButton = event.target instanceof HTMLButtonElement
    switch (event.key) {
      case 'ArrowDown':
      case 'j':
        event.preventDefault()
        state.moveMatch(1)
        break
      case 'ArrowUp':
      case 'k':
        event.preventDefault()
        state.moveMatch(-1)
        break
      case 'Enter':
        if (onButton || current.kind !== 'reuse') return
        event.preventDefault()
        void state.reuse()
        break
      case 's':
      case 'S':
        event.preventDefault()
        void state.save()
        break
    }
  })
}
