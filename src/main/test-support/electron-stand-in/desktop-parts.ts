import { StandInEmitter } from './emitter'

/** Electron's clipboard over a string in memory (what the tray reads, writes and polls). */
export class StandInClipboard implements Pick<
  Electron.Clipboard,
  'readText' | 'writeText' | 'read'
> {
  private text = ''

  readText(): Promise<string> {
    return Promise.resolve(this.text)
  }

  writeText(text: string): Promise<void> {
    this.text = text
    return Promise.resolve()
  }

  /** What is on the clipboard now (for tests; `readText` is what the app uses). */
  current(): string {
    return this.text
  }

  read(): Promise<Electron.ClipboardItem[]> {
    const text = this.text
    if (text === '') return Promise.resolve([])
    const item = {
      types: ['text/plain'],
      getType: (type: string) => Promise.resolve(new Blob([type === 'text/plain' ? text : ''])),
    }
    return Promise.resolve([item as unknown as Electron.ClipboardItem])
  }
}

type ShortcutUsed = 'register' | 'unregister' | 'unregisterAll' | 'isRegistered'

/** Electron's `globalShortcut`; `press` plays the user pressing a registered accelerator. */
export class StandInGlobalShortcut implements Pick<Electron.GlobalShortcut, ShortcutUsed> {
  private readonly shortcuts = new Map<string, () => void>()

  register(accelerator: Electron.Accelerator, callback: () => void): boolean {
    if (this.shortcuts.has(accelerator)) return false
    this.shortcuts.set(accelerator, callback)
    return true
  }

  isRegistered(accelerator: Electron.Accelerator): boolean {
    return this.shortcuts.has(accelerator)
  }

  unregister(accelerator: Electron.Accelerator): void {
    this.shortcuts.delete(accelerator)
  }

  unregisterAll(): void {
    this.shortcuts.clear()
  }

  /** Fires the shortcut; false when nothing is registered under `accelerator`. */
  press(accelerator: string): boolean {
    const callback = this.shortcuts.get(accelerator)
    callback?.()
    return callback !== undefined
  }

  registered(): string[] {
    return [...this.shortcuts.keys()]
  }
}

type ImageUsed = 'addRepresentation' | 'setTemplateImage' | 'isEmpty' | 'getScaleFactors'

/** A `NativeImage` that keeps its PNG representations. */
export class StandInImage implements Pick<Electron.NativeImage, ImageUsed> {
  readonly representations: { scaleFactor: number; buffer?: Buffer }[] = []
  template = false

  addRepresentation(options: Electron.AddRepresentationOptions): void {
    this.representations.push({
      scaleFactor: options.scaleFactor ?? 1,
      ...(options.buffer && { buffer: options.buffer }),
    })
  }

  setTemplateImage(option: boolean): void {
    this.template = option
  }

  isEmpty(): boolean {
    return this.representations.length === 0
  }

  getScaleFactors(): number[] {
    return this.representations.map((entry) => entry.scaleFactor)
  }
}

export const standInNativeImage = {
  createEmpty: () => new StandInImage() as unknown as Electron.NativeImage,
} satisfies Pick<typeof Electron.nativeImage, 'createEmpty'>

export class StandInNativeTheme
  extends StandInEmitter<Electron.NativeTheme>
  implements Pick<Electron.NativeTheme, 'on' | 'shouldUseDarkColors'>
{
  shouldUseDarkColors = false
}

/** Keeps every notification shown, so a test can read what the user would have seen. */
export function standInNotification(shown: { title: string; body: string }[]) {
  return class StandInNotification
    extends StandInEmitter<Electron.Notification>
    implements Pick<Electron.Notification, 'on' | 'show' | 'title' | 'body'>
  {
    title: string
    body: string

    constructor(options: Electron.NotificationConstructorOptions = {}) {
      super()
      this.title = options.title ?? ''
      this.body = options.body ?? ''
    }

    static isSupported(): boolean {
      return true
    }

    show(): void {
      shown.push({ title: this.title, body: this.body })
    }
  }
}

type SafeStorageUsed = 'isEncryptionAvailable' | 'encryptString' | 'decryptString'

/** A keychain that "encrypts" by reversing bytes: enough that the clear text is not on disk. */
export const standInSafeStorage = {
  isEncryptionAvailable: () => true,
  encryptString: (text: string) => Buffer.from(text, 'utf8').reverse(),
  decryptString: (data: Buffer) => Buffer.from(data).reverse().toString('utf8'),
} satisfies Pick<Electron.SafeStorage, SafeStorageUsed>

const DISPLAY: Electron.Display = {
  accelerometerSupport: 'unknown',
  bounds: { x: 0, y: 0, width: 1920, height: 1080 },
  colorDepth: 24,
  colorSpace: 'srgb',
  depthPerComponent: 8,
  detected: true,
  displayFrequency: 60,
  id: 1,
  internal: false,
  label: 'stand-in display',
  maximumCursorSize: { width: 64, height: 64 },
  monochrome: false,
  nativeOrigin: { x: 0, y: 0 },
  rotation: 0,
  scaleFactor: 1,
  size: { width: 1920, height: 1080 },
  touchSupport: 'unknown',
  workArea: { x: 0, y: 32, width: 1920, height: 1048 },
  workAreaSize: { width: 1920, height: 1048 },
}

type ScreenUsed = 'getCursorScreenPoint' | 'getAllDisplays' | 'getPrimaryDisplay'

/** One 1920×1080 display with a top panel; the cursor rests near the top right corner. */
export const standInScreen = {
  getCursorScreenPoint: () => ({ x: 1900, y: 10 }),
  getAllDisplays: () => [DISPLAY],
  getPrimaryDisplay: () => DISPLAY,
} satisfies Pick<Electron.Screen, ScreenUsed>

type SessionUsed = 'setPermissionRequestHandler' | 'setPermissionCheckHandler'

/** The default session: keeps the handlers security.ts installs, so a test can ask them. */
export class StandInSession implements Pick<Electron.Session, SessionUsed> {
  permissionRequest: Parameters<Electron.Session['setPermissionRequestHandler']>[0] = null
  permissionCheck: Parameters<Electron.Session['setPermissionCheckHandler']>[0] = null
  headersListener: Parameters<Electron.WebRequest['onHeadersReceived']>[0] = null
  readonly webRequest = {
    onHeadersReceived: (...args: unknown[]) => {
      // Electron takes (listener) or (filter, listener); the listener is always last.
      this.headersListener = args.at(-1) as StandInSession['headersListener']
    },
  } satisfies Pick<Electron.WebRequest, 'onHeadersReceived'>

  setPermissionRequestHandler(
    handler: Parameters<Electron.Session['setPermissionRequestHandler']>[0],
  ): void {
    this.permissionRequest = handler
  }

  setPermissionCheckHandler(
    handler: Parameters<Electron.Session['setPermissionCheckHandler']>[0],
  ): void {
    this.permissionCheck = handler
  }
}
