import { useAppStore } from '../store'

const KIND_LABEL = { 'pieces-os': 'Pieces OS', embedded: 'Embedded', configured: 'Custom URL' }

/** The connector in use and its health, in one quiet line. */
export function StatusBadge() {
  const connection = useAppStore((state) => state.connection)
  const paused = useAppStore((state) => state.settings.paused)
  const target = connection.target ? KIND_LABEL[connection.target.kind] : 'Connector'
  const health = paused
    ? 'paused'
    : connection.status === 'connected'
      ? 'ok'
      : connection.status === 'offline'
        ? 'offline'
        : connection.status === 'restarting'
          ? 'restarting'
          : 'starting'
  const label = {
    paused: 'Paused',
    ok: target,
    offline: 'Offline',
    restarting: 'Restarting…',
    starting: 'Connecting…',
  }[health]
  const waiting = connection.queued + (connection.savesWaiting ?? 0)
  const detail = [connection.target?.reason, connection.target?.url, connection.error?.message]
    .filter(Boolean)
    .join(' · ')
  return (
    <span
      className={`status status-${health}`}
      role="status"
      title={detail || undefined}
      aria-label={`Connector: ${label}${detail ? `. ${detail}` : ''}`}
    >
      <span className="status-dot" aria-hidden="true" />
      {label}
      {waiting > 0 ? <span className="status-queued">{waiting} waiting</span> : null}
    </span>
  )
}
