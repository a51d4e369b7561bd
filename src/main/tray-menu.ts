import type { AppState } from '../shared/domain'

/** Menu actions the tray offers; the glue maps each to one call. */
export type TrayAction = 'show' | 'save-now' | 'toggle-pause' | 'settings' | 'quit'

/** One tray menu entry as plain data (turned into an Electron menu by the glue). */
export type TrayMenuEntry =
  | { type: 'separator' }
  | { type: 'status'; label: string }
  | { type: 'action'; id: TrayAction; label: string; accelerator?: string }

/** A one-line status for the menu and the tooltip. */
export function trayStatus(state: AppState | undefined): string {
  if (!state) return 'Starting…'
  if (state.settings.paused) return 'Paused'
  const { connection } = state
  if (connection.status === 'discovering') return 'Looking for a connector…'
  const waiting = connection.queued + (connection.savesWaiting ?? 0)
  if (connection.status === 'restarting') {
    return waiting > 0
      ? `Restarting its connector (${waiting} waiting)`
      : 'Restarting its connector…'
  }
  if (connection.status === 'offline')
    return waiting > 0 ? `Offline (${waiting} waiting)` : 'Offline'
  return connection.target?.kind === 'pieces-os' ? 'Watching (Pieces OS)' : 'Watching'
}

/** The tray menu for a state; every entry works even where tray clicks are ignored (Linux). */
export function trayMenu(state: AppState | undefined): TrayMenuEntry[] {
  const hotkey = state?.hotkey
  const paused = state?.settings.paused ?? false
  return [
    { type: 'status', label: `Clipwise — ${trayStatus(state)}` },
    { type: 'separator' },
    { type: 'action', id: 'show', label: 'Show Clipwise' },
    {
      type: 'action',
      id: 'save-now',
      label: 'Save clipboard now',
      ...(hotkey?.registered ? { accelerator: hotkey.accelerator } : {}),
    },
    { type: 'action', id: 'toggle-pause', label: paused ? 'Resume watching' : 'Pause watching' },
    { type: 'separator' },
    { type: 'action', id: 'settings', label: 'Settings…' },
    { type: 'action', id: 'quit', label: 'Quit Clipwise' },
  ]
}

/** Which tray icon variant reflects the state. */
export type TrayIconStatus = 'normal' | 'paused' | 'offline' | 'restarting'

/** The icon's status: paused wins over restarting and offline, which win over normal. */
export function trayIconStatus(state: AppState | undefined): TrayIconStatus {
  if (state?.settings.paused) return 'paused'
  if (state?.connection.status === 'restarting') return 'restarting'
  if (state?.connection.status === 'offline') return 'offline'
  return 'normal'
}
