import { lazy, Suspense, useEffect } from 'react'
import { Notices } from './components/notices'
import { StatusBadge } from './components/status-badge'
import { Tabs } from './components/tabs'
import { KeyHints } from './components/key-hints'
import { isEditable } from './lib/editable'
import { isMac } from './lib/format'
import { useKeys } from './lib/use-keys'
import { useAppStore } from './store'
import type { View } from './store'
import { VIEWS } from './store/view-slice'
import { NowView } from './views/now/now-view'
import { OnboardingView } from './views/onboarding/onboarding-view'

// The Now view paints first; the others load right after it (see `prefetchViews`).
const loadLibrary = () => import('./views/library/library-view')
const loadActivity = () => import('./views/activity/activity-view')
const loadSettings = () => import('./views/settings/settings-view')
const LibraryView = lazy(loadLibrary)
const ActivityView = lazy(loadActivity)
const SettingsView = lazy(loadSettings)

/** Warms the other views' chunks once the window has painted. */
export function prefetchViews(): void {
  void Promise.all([loadLibrary(), loadActivity(), loadSettings()]).catch(() => {})
}

export function App() {
  const loaded = useAppStore((state) => state.loaded)
  const bridgeError = useAppStore((state) => state.bridgeError)
  const onboarded = useAppStore((state) => state.onboarded)
  const theme = useAppStore((state) => state.settings.theme)

  useEffect(() => {
    if (theme === 'system') delete document.documentElement.dataset.theme
    else document.documentElement.dataset.theme = theme
  }, [theme])

  if (bridgeError && !loaded) {
    return (
      <main className="fatal" role="alert">
        <h1>Clipwise cannot reach its core</h1>
        <p>{bridgeError}</p>
      </main>
    )
  }
  if (!loaded) return <main className="loading" aria-busy="true" aria-label="Loading Clipwise" />
  if (!onboarded) return <OnboardingView />
  return <Shell />
}

function Shell() {
  const view = useAppStore((state) => state.view)
  useShellKeys()
  useViewFromHash()
  return (
    <div className="shell">
      <header className="topbar">
        <span className="brand">
          <span className="brand-mark" aria-hidden="true" />
          Clipwise
        </span>
        <StatusBadge />
      </header>
      <Tabs />
      <main
        className="content"
        id={`panel-${view}`}
        role="tabpanel"
        aria-labelledby={`tab-${view}`}
      >
        <Notices />
        <Suspense fallback={<div className="loading" aria-busy="true" />}>
          <ViewBody view={view} />
        </Suspense>
      </main>
      <KeyHints view={view} />
    </div>
  )
}

function ViewBody({ view }: { view: View }) {
  if (view === 'library') return <LibraryView />
  if (view === 'activity') return <ActivityView />
  if (view === 'settings') return <SettingsView />
  return <NowView />
}

/**
 * The main process opens a view by a fragment-only navigation (`#settings` from the tray menu):
 * show it, then drop the fragment so that the next `#settings` is a change again.
 */
function useViewFromHash() {
  const setView = useAppStore((state) => state.setView)
  useEffect(() => {
    const apply = () => {
      const view = VIEWS.find((name) => `#${name}` === window.location.hash)
      if (view) setView(view)
      if (window.location.hash) {
        history.replaceState(null, '', window.location.pathname + window.location.search)
      }
    }
    apply()
    window.addEventListener('hashchange', apply)
    return () => window.removeEventListener('hashchange', apply)
  }, [setView])
}

function useShellKeys() {
  useKeys((event) => {
    if (event.defaultPrevented) return
    const state = useAppStore.getState()
    const command = isMac() ? event.metaKey : event.ctrlKey
    const digit = Number(event.key)
    if (command && !event.altKey && digit >= 1 && digit <= VIEWS.length) {
      event.preventDefault()
      const target = VIEWS[digit - 1]
      if (target) state.setView(target)
    } else if (command && event.key === ',') {
      event.preventDefault()
      state.setView('settings')
    } else if (event.key === '/' && !isEditable(event.target) && state.view !== 'library') {
      event.preventDefault()
      state.setView('library')
    } else if (event.key === 'Escape') {
      event.preventDefault()
      if (state.view !== 'now') state.setView('now')
      else void window.clipwise?.hideWindow().catch(() => {})
    }
  }, 'window')
}
