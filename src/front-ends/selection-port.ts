import type { ClipboardPort } from '../core'
import type { SelectionEvents } from './x11-selection-events'

/** A clipboard port told about copies by the X server (XFixes) instead of being polled: the
 * change token is the owner-change count, and the watcher subscribes to the events. */
export function withSelectionEvents(port: ClipboardPort, events: SelectionEvents): ClipboardPort {
  return {
    ...port,
    changeToken: async () => events.changes(),
    watch: (onChange) => events.onChange(onChange),
  }
}

/** The X display whose selection events to watch: Linux under X11 only (Wayland has none). */
export function x11Display(platform: string, env: NodeJS.ProcessEnv): string | undefined {
  if (platform !== 'linux' || env.WAYLAND_DISPLAY) return undefined
  return env.DISPLAY || undefined
}
