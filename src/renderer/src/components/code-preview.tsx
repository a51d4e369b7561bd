import { useEffect, useState } from 'react'
import { highlight } from '../lib/highlight'

interface Props {
  text: string
  language: string
  /** Names the scrollable region for screen readers. */
  label: string
  compact?: boolean
  /** False inside lists: the row is the focus target, and the preview is clipped, not scrolled. */
  focusable?: boolean
}

/** A snippet shown at once as plain text, then highlighted when the grammar has loaded. */
export function CodePreview({ text, language, label, compact = false, focusable = true }: Props) {
  const [highlighted, setHighlighted] = useState<{ source: string; html: string } | null>(null)
  const source = `${language}\u0000${text}`

  useEffect(() => {
    let live = true
    highlight(text, language).then(
      (html) => {
        if (live && html !== undefined) setHighlighted({ source, html })
      },
      () => {}, // Highlighting is decoration: plain text stays.
    )
    return () => {
      live = false
    }
  }, [text, language, source])

  const html = highlighted?.source === source ? highlighted.html : undefined
  return (
    <pre
      className={['code', compact && 'code-compact', !focusable && 'code-clipped']
        .filter(Boolean)
        .join(' ')}
      tabIndex={focusable ? 0 : undefined}
      aria-label={focusable ? label : undefined}
      data-highlighted={html ? 'true' : 'false'}
    >
      {html ? (
        // highlight.js escapes the snippet and emits only <span class="hljs-…"> around it.
        <code className="hljs" dangerouslySetInnerHTML={{ __html: html }} />
      ) : (
        <code className="hljs">{text}</code>
      )}
    </pre>
  )
}
