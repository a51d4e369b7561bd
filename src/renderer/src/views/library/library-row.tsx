import type { LibraryItem } from '../../../../shared/domain'
import { CodePreview } from '../../components/code-preview'
import { languageName, timeAgo, timesReused } from '../../lib/format'

interface Props {
  item: LibraryItem
  selected: boolean
  onSelect(): void
}

export function LibraryRow({ item, selected, onSelect }: Props) {
  return (
    <div
      id={`library-${item.id}`}
      role="option"
      aria-selected={selected}
      className="result"
      onClick={onSelect}
      ref={(node) => {
        if (selected) node?.scrollIntoView?.({ block: 'nearest' })
      }}
    >
      <div className="match-main">
        <span className="match-name">{item.name}</span>
        <span className="chip">{languageName(item.language)}</span>
        {item.team ? (
          <span className="chip chip-team">
            {item.team.mine ? 'shared' : `team · ${item.team.owner}`}
          </span>
        ) : null}
      </div>
      <CodePreview
        text={item.text}
        language={item.language}
        label={item.name}
        compact
        focusable={false}
      />
      <div className="match-meta muted">
        {item.tags.length > 0 ? (
          <span className="tags">
            {item.tags.map((tag) => (
              <span key={tag} className="tag">
                {tag}
              </span>
            ))}
          </span>
        ) : null}
        <span>
          {timeAgo(item.savedAt)} · {timesReused(item.reuseCount)}
        </span>
      </div>
    </div>
  )
}
