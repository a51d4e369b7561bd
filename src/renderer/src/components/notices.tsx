import { useAppStore } from '../store'

/** Notices from the core (skipped copies, hotkey problems), newest last. */
export function Notices() {
  const notices = useAppStore((state) => state.notices)
  if (notices.length === 0) return null
  return (
    <ul className="notices" aria-label="Notices">
      {notices.slice(-3).map((notice) => (
        <li key={notice.id} className={`notice notice-${notice.level}`}>
          {/* The live role sits inside the item: on the <li> it would hide it from the list. */}
          <span role={notice.level === 'error' ? 'alert' : 'status'}>{notice.message}</span>
        </li>
      ))}
    </ul>
  )
}
