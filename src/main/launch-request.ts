/** What a launch asks of Clipwise: show the window, or save the current clipboard. */
export type LaunchRequest = 'show' | 'save-current'

/** The flag that asks for a hotkey-style save (`clipwise-app --save-current`). */
export const SAVE_CURRENT_FLAG = '--save-current'

/** Reads the request from a command line, ignoring Electron's and Chromium's own arguments. */
export function launchRequestFromArgv(argv: readonly string[]): LaunchRequest {
  return argv.includes(SAVE_CURRENT_FLAG) ? 'save-current' : 'show'
}

/** The data a second instance hands to the first (through `requestSingleInstanceLock`). */
export interface LaunchData {
  request: LaunchRequest
}

/** Reads a second instance's request; its data is untrusted, so argv decides when it is malformed. */
export function launchRequestFromSecondInstance(
  data: unknown,
  argv: readonly string[],
): LaunchRequest {
  if (typeof data === 'object' && data !== null && 'request' in data) {
    const { request } = data as { request: unknown }
    if (request === 'show' || request === 'save-current') return request
  }
  return launchRequestFromArgv(argv)
}
