import { StandInEmitter, preventableEvent } from './emitter'

type AppUsed =
  | 'on'
  | 'once'
  | 'quit'
  | 'whenReady'
  | 'enableSandbox'
  | 'requestSingleInstanceLock'
  | 'setAppUserModelId'
  | 'isPackaged'
  | 'getVersion'
  | 'getAppPath'
  | 'setLoginItemSettings'

/** Electron's `app`: ready at once, holds the single-instance lock, quits like Electron does
 * (`before-quit`, which a listener may prevent, then `will-quit` and `quit`). */
export class StandInApp
  extends StandInEmitter<Electron.App>
  implements Pick<Electron.App, AppUsed>
{
  readonly isPackaged = false
  sandboxed = false
  readonly dock = undefined
  private quitting = false
  private readonly quitDone: Promise<void>
  private resolveQuit: () => void = () => undefined

  constructor(
    private readonly appPath: string,
    /** Closes what the stand-in opened (browsers, windows) once the app has quit. */
    private readonly onQuit: () => Promise<void>,
  ) {
    super()
    this.quitDone = new Promise((resolve) => (this.resolveQuit = resolve))
  }

  enableSandbox(): void {
    this.sandboxed = true
  }

  requestSingleInstanceLock(): boolean {
    return true
  }

  setAppUserModelId(): void {}

  whenReady(): Promise<void> {
    return Promise.resolve()
  }

  getVersion(): string {
    return '0.0.0-stand-in'
  }

  getAppPath(): string {
    return this.appPath
  }

  setLoginItemSettings(): void {}

  quit(): void {
    if (this.quitting) return
    const { event, prevented } = preventableEvent()
    this.emit('before-quit', event)
    if (prevented()) return
    this.quitting = true
    this.emit('will-quit', preventableEvent().event)
    this.emit('quit', preventableEvent().event, 0)
    void this.onQuit().finally(() => this.resolveQuit())
  }

  /** Resolves once `quit()` went through and everything the stand-in opened is closed. */
  whenQuit(): Promise<void> {
    return this.quitDone
  }
}
