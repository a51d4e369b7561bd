import { lazy, Suspense } from 'react'
import type { CurrentSuggestion, SnippetMatch } from '../../../../shared/domain'
import { CodePreview } from '../../components/code-preview'
import { languageName, percent, timeAgo, timesReused } from '../../lib/format'
import { useAppStore } from '../../store'
import { ActionError } from './action-error'
import { KeyButton } from './key-button'

const DiffView = lazy(() => import('../../components/diff-view'))

/** Saved snippets that match the copy, best first; Enter puts the chosen one on the clipboard. */
export function ReusePanel({ current }: { current: CurrentSuggestion }) {
  const selected = useAppStore((state) => state.selectedMatch)
  const selectMatch = useAppStore((state) => state.selectMatch)
  const reuse = useAppStore((state) => state.reuse)
  const dismiss = useAppStore((state) => state.dismiss)
  const match = current.matches[selected] ?? current.matches[0]
  const best = current.matches[0]
  const exact = best !== undefined && best.similarity >= 0.999

  return (
    <section className="panel" aria-labelledby="reuse-title">
      <header className="panel-head">
        <span className="pill pill-reuse">Reuse</span>
        <h2 id="reuse-title">{reuseTitle(best, exact)}</h2>
      </header>
      <div
        className="matches"
        role="listbox"
        aria-label="Saved snippets that match your copy"
        aria-activedescendant={match ? `match-${match.assetId}` : undefined}
        tabIndex={0}
      >
        {current.matches.map((candidate, index) => (
          <MatchRow
            key={candidate.assetId}
            match={candidate}
            selected={index === selected}
            onSelect={() => selectMatch(index)}
            onChoose={() => {
              selectMatch(index)
              void reuse()
            }}
          />
        ))}
      </div>
      {match ? (
        <>
          <CodePreview
            text={match.text}
            language={match.language}
            label={`Saved snippet ${match.name}`}
            compact
          />
          <Suspense fallback={<p className="muted">Comparing…</p>}>
            <DiffView saved={match.text} copied={current.text} />
          </Suspense>
        </>
      ) : null}
      <ActionError />
      <div className="actions">
        <KeyButton keyLabel="Enter" primary onClick={() => void reuse()}>
          Copy saved
        </KeyButton>
        <KeyButton keyLabel="Esc" onClick={() => void dismiss()}>
          Dismiss
        </KeyButton>
      </div>
    </section>
  )
}

function reuseTitle(best: SnippetMatch | undefined, exact: boolean): string {
  if (best?.team && !best.team.mine) {
    return exact
      ? `${best.team.owner} saved this in the team library`
      : `${best.team.owner} saved something close`
  }
  return exact ? 'You saved this before' : 'You saved something close'
}

interface RowProps {
  match: SnippetMatch
  selected: boolean
  onSelect(): void
  onChoose(): void
}

function MatchRow({ match, selected, onSelect, onChoose }: RowProps) {
  return (
    <div
      id={`match-${match.assetId}`}
      role="option"
      aria-selected={selected}
      className="match"
      onClick={onSelect}
      onDoubleClick={onChoose}
    >
      <div className="match-main">
        <span className="match-name">{match.name}</span>
        <span className="chip">{languageName(match.language)}</span>
      </div>
      <div className="match-meta">
        <meter
          className="similarity"
          min={0}
          max={1}
          low={0.6}
          high={0.9}
          optimum={1}
          value={match.similarity}
          aria-label={`Similarity ${percent(match.similarity)}`}
        />
        <span className="similarity-value">{percent(match.similarity)}</span>
        <span className="muted">
          {match.team && !match.team.mine
            ? `saved by ${match.team.owner} in the team library ${match.team.library}`
            : `saved ${timeAgo(match.savedAt)}`}{' '}
          · {timesReused(match.reuseCount)}
        </span>
      </div>
    </div>
  )
}
