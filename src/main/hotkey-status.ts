/** What the shell reports to the core after trying to register the global shortcut. */
export interface HotkeyRegistration {
  accelerator: string
  registered: boolean
  error?: string
}

const FALLBACK =
  'Bind a desktop keyboard shortcut to `clipwise save` to save the clipboard instead.'

/** Turns a registration attempt into a status a person can act on. */
export function hotkeyRegistration(options: {
  accelerator: string
  /** What `globalShortcut.register` returned, or the error it threw. */
  outcome: boolean | Error
  sessionType?: string
}): HotkeyRegistration {
  const { accelerator, outcome } = options
  if (outcome instanceof Error) {
    return {
      accelerator,
      registered: false,
      error: `"${accelerator}" is not a valid shortcut (${outcome.message}). ${FALLBACK}`,
    }
  }
  if (!outcome) {
    const why =
      options.sessionType === 'wayland'
        ? 'this Wayland desktop does not let apps grab global shortcuts'
        : 'another application already uses it'
    return {
      accelerator,
      registered: false,
      error: `"${accelerator}" could not be registered: ${why}. ${FALLBACK}`,
    }
  }
  return { accelerator, registered: true }
}
