import type { Desktop } from './desktop'
import { hotkeyRegistration, type HotkeyRegistration } from './hotkey-status'

/** Keeps one global shortcut registered; each change reports whether it took. */
export class GlobalHotkey {
  private current: string | undefined

  constructor(
    private readonly globalShortcut: Desktop['globalShortcut'],
    private readonly onPress: () => void,
    private readonly report: (status: HotkeyRegistration) => void,
  ) {}

  /** Registers `accelerator` in place of the previous one; does nothing when it is unchanged. */
  set(accelerator: string): void {
    if (accelerator === this.current) return
    if (this.current) this.globalShortcut.unregister(this.current)
    this.current = accelerator
    let outcome: boolean | Error
    try {
      outcome = this.globalShortcut.register(accelerator, this.onPress)
    } catch (error) {
      outcome = error instanceof Error ? error : new Error(String(error))
    }
    this.report(
      hotkeyRegistration({ accelerator, outcome, sessionType: process.env.XDG_SESSION_TYPE }),
    )
  }

  dispose(): void {
    this.globalShortcut.unregisterAll()
    this.current = undefined
  }
}
