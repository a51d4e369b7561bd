import { useEffect } from 'react'
import type { ActivityEntry, ActivityOutcome } from '../../../../shared/domain'
import { timeAgo } from '../../lib/format'
import { useAppStore } from '../../store'

const OUTCOMES: Record<ActivityOutcome, { label: string; tone: string }> = {
  'suggested-reuse': { label: 'Reuse suggested', tone: 'info' },
  'suggested-save': { label: 'Save suggested', tone: 'info' },
  'no-suggestion': { label: 'Nothing to do', tone: 'quiet' },
  queued: { label: 'Waiting', tone: 'warning' },
  reused: { label: 'Reused', tone: 'good' },
  saved: { label: 'Saved', tone: 'good' },
  'save-waiting': { label: 'Save waiting', tone: 'warning' },
  'saved-after-wait': { label: 'Saved (was waiting)', tone: 'good' },
  dismissed: { label: 'Dismissed', tone: 'quiet' },
  'skipped-secret': { label: 'Skipped: secret', tone: 'warning' },
  'skipped-concealed': { label: 'Skipped: password manager', tone: 'warning' },
  'skipped-too-large': { label: 'Skipped: too large', tone: 'warning' },
  'skipped-ignored': { label: 'Skipped: ignore rule', tone: 'quiet' },
  failed: { label: 'Failed', tone: 'error' },
}

/** Recent copies and what happened to each, with a few usage figures from the connector. */
export default function ActivityView() {
  const activity = useAppStore((state) => state.activity)
  const loadStats = useAppStore((state) => state.loadStats)
  useEffect(() => {
    void loadStats()
  }, [loadStats, activity.length])

  return (
    <div className="activity">
      <Stats />
      <h2 className="section-title" id="recent-title">
        Recent copies
      </h2>
      {activity.length === 0 ? (
        <p className="empty-inline">Nothing copied since Clipwise started.</p>
      ) : (
        <ol className="activity-list" aria-labelledby="recent-title">
          {activity.map((entry) => (
            <ActivityRow key={entry.id} entry={entry} />
          ))}
        </ol>
      )}
    </div>
  )
}

function ActivityRow({ entry }: { entry: ActivityEntry }) {
  const outcome = OUTCOMES[entry.outcome]
  const hidden = !entry.preview
  return (
    <li className="activity-row">
      <span className={`badge badge-${outcome.tone}`}>{outcome.label}</span>
      <span className={hidden ? 'activity-preview muted' : 'activity-preview mono'}>
        {hidden ? 'content not shown' : entry.preview}
      </span>
      <time className="muted activity-time" dateTime={entry.at}>
        {timeAgo(entry.at)}
      </time>
    </li>
  )
}

function Stats() {
  const stats = useAppStore((state) => state.stats)
  const error = useAppStore((state) => state.statsError)
  if (error) return <p className="error-text">Usage figures unavailable: {error}</p>
  const figures = [
    ['Snippets saved', stats?.snippetsSaved],
    ['Reuses this week', stats?.reusesThisWeek],
    ['Saves this week', stats?.savesThisWeek],
  ] as const
  return (
    <dl className="stats" aria-busy={stats === null}>
      {figures.map(([label, value]) => (
        <div key={label} className="stat">
          <dt>{label}</dt>
          <dd>{value ?? '–'}</dd>
        </div>
      ))}
    </dl>
  )
}
