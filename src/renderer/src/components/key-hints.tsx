import type { View } from '../store'
import { isMac } from '../lib/format'
import { Kbd } from './kbd'

/** The keys that matter in this view, in one quiet line. */
export function KeyHints({ view }: { view: View }) {
  const mod = isMac() ? '⌘' : 'Ctrl+'
  const hints: [string, string][] =
    view === 'now'
      ? [
          ['↑↓', 'choose'],
          ['Enter', 'reuse'],
          ['S', 'save'],
          ['Esc', 'dismiss'],
        ]
      : view === 'library'
        ? [
            ['↑↓', 'choose'],
            ['Enter', 'copy'],
            [`${mod}E`, 'edit'],
            [`${mod}D`, 'delete'],
          ]
        : [
            [`${mod}1–4`, 'views'],
            ['/', 'search'],
            ['Esc', 'back'],
          ]
  return (
    <footer className="keyhints" aria-label="Keyboard shortcuts">
      {hints.map(([key, action]) => (
        <span key={action} className="keyhint">
          <Kbd>{key}</Kbd> {action}
        </span>
      ))}
    </footer>
  )
}
