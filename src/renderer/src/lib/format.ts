/** "just now", "5 min ago", "3 h ago", "2 d ago", then a date. */
export function timeAgo(iso: string, now = Date.now()): string {
  const then = Date.parse(iso)
  if (Number.isNaN(then)) return ''
  const seconds = Math.max(0, Math.round((now - then) / 1000))
  if (seconds < 45) return 'just now'
  const minutes = Math.round(seconds / 60)
  if (minutes < 60) return `${minutes} min ago`
  const hours = Math.round(minutes / 60)
  if (hours < 24) return `${hours} h ago`
  const days = Math.round(hours / 24)
  if (days < 14) return `${days} d ago`
  return new Date(then).toLocaleDateString(undefined, { month: 'short', day: 'numeric' })
}

/** A similarity as a whole percentage; only an identical copy (1) reads 100%. */
export function percent(similarity: number): string {
  const rounded = Math.round(Math.min(1, Math.max(0, similarity)) * 100)
  return `${similarity < 1 ? Math.min(99, rounded) : rounded}%`
}

export function timesReused(count: number): string {
  if (count === 0) return 'never reused'
  return count === 1 ? 'reused once' : `reused ${count}×`
}

/** Languages offered in the save form's picker, in a sensible order (from the one catalogue). */
export { LANGUAGE_CHOICES, languageName } from '../../../shared/languages'

/** `CommandOrControl+Shift+S` as the user's platform writes it. */
export function acceleratorLabel(accelerator: string, mac = isMac()): string {
  return accelerator
    .split('+')
    .map((part) => {
      if (part === 'CommandOrControl' || part === 'CmdOrCtrl') return mac ? '⌘' : 'Ctrl'
      if (part === 'Command' || part === 'Cmd') return '⌘'
      if (part === 'Control' || part === 'Ctrl') return mac ? '⌃' : 'Ctrl'
      if (part === 'Alt' || part === 'Option') return mac ? '⌥' : 'Alt'
      if (part === 'Shift') return mac ? '⇧' : 'Shift'
      if (part === 'Super' || part === 'Meta') return mac ? '⌘' : 'Super'
      return part
    })
    .join(mac ? '' : '+')
}

export function isMac(): boolean {
  return typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform)
}

/** The first line of a snippet, shortened, for one-line lists. */
export function firstLine(text: string, max = 80): string {
  const line = text.split('\n').find((candidate) => candidate.trim()) ?? ''
  const trimmed = line.trim()
  return trimmed.length > max ? `${trimmed.slice(0, max - 1)}…` : trimmed
}
