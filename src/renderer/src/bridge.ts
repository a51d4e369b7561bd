import type { ClipwiseBridge, IpcFailure } from '../../shared/ipc'

/** The preload's bridge; the only way this window talks to the rest of Clipwise. */
export function bridge(): ClipwiseBridge {
  const api = window.clipwise
  if (!api) throw new Error('Clipwise is not connected to this window. Open it from the tray icon.')
  return api
}

/** A message a person can read, from whatever a bridge call rejected with. */
export function errorMessage(error: unknown): string {
  // A failed call rejects with main's IpcFailure (a plain object with its code and message).
  if (isFailure(error)) return error.message
  if (error instanceof Error) {
    // Electron prefixes errors that cross IPC: "Error invoking remote method 'x': Error: …".
    return error.message.replace(/^Error invoking remote method '[^']+': (\w*Error: )?/, '')
  }
  return typeof error === 'string' ? error : 'Something went wrong.'
}

/** True for what a failed bridge call rejects with; `code` is stable (see IpcFailure). */
export function isFailure(error: unknown): error is IpcFailure {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as Partial<IpcFailure>).name === 'ClipwiseError' &&
    typeof (error as Partial<IpcFailure>).code === 'string' &&
    typeof (error as Partial<IpcFailure>).message === 'string'
  )
}
