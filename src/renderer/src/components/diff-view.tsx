import { diffLines } from 'diff'
import { useMemo } from 'react'

interface Props {
  saved: string
  copied: string
}

type Row = { kind: 'same' | 'added' | 'removed' | 'gap'; text: string }

const CONTEXT = 1

/** Lines of the saved snippet against the copy, unchanged runs folded to one line of context. */
export function compactDiff(saved: string, copied: string): Row[] {
  const rows: Row[] = []
  for (const part of diffLines(saved, copied, { ignoreWhitespace: false })) {
    const lines = part.value.replace(/\n$/, '').split('\n')
    const kind: Row['kind'] = part.added ? 'added' : part.removed ? 'removed' : 'same'
    if (kind !== 'same' || lines.length <= CONTEXT * 2 + 1) {
      rows.push(...lines.map((text) => ({ kind, text })))
      continue
    }
    const head = rows.length === 0 ? [] : lines.slice(0, CONTEXT)
    rows.push(...head.map((text) => ({ kind, text })))
    rows.push({ kind: 'gap', text: `${lines.length - head.length - CONTEXT} unchanged` })
    rows.push(...lines.slice(-CONTEXT).map((text) => ({ kind, text })))
  }
  return rows
}

const MARK = { same: ' ', added: '+', removed: '−', gap: '⋯' } as const
const SPOKEN = { same: '', added: 'Added: ', removed: 'Removed: ', gap: '' } as const

/** The compact line diff between the copy and a saved snippet (loaded lazily with `diff`). */
export default function DiffView({ saved, copied }: Props) {
  const rows = useMemo(() => compactDiff(saved, copied), [saved, copied])
  const changed = rows.some((row) => row.kind === 'added' || row.kind === 'removed')
  if (!changed) return <p className="diff-same">Identical to the saved snippet.</p>
  return (
    <div className="diff" role="group" aria-label="Differences: saved snippet against your copy">
      <pre className="diff-lines" tabIndex={0} aria-label="Line differences">
        {rows.map((row, index) => (
          <span key={index} className={`diff-row diff-${row.kind}`}>
            <span className="diff-mark" aria-hidden="true">
              {MARK[row.kind]}
            </span>
            <span className="visually-hidden">{SPOKEN[row.kind]}</span>
            {row.text || ' '}
            {'\n'}
          </span>
        ))}
      </pre>
    </div>
  )
}
