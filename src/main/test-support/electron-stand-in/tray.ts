import { StandInEmitter } from './emitter'

type MenuItemUsed = 'id' | 'label' | 'enabled' | 'type' | 'accelerator' | 'click'

/** One item of a stand-in menu: what a user sees (label, enabled) and its click. */
export class StandInMenuItem implements Pick<Electron.MenuItem, MenuItemUsed> {
  readonly id: string
  readonly label: string
  readonly enabled: boolean
  readonly type: Electron.MenuItem['type']
  readonly accelerator: Electron.Accelerator | null

  constructor(private readonly options: Electron.MenuItemConstructorOptions) {
    this.id = options.id ?? ''
    this.label = options.label ?? ''
    this.enabled = options.enabled ?? true
    this.type = options.type ?? 'normal'
    this.accelerator = options.accelerator ?? null
  }

  click(): void {
    if (!this.enabled) return
    const click = this.options.click as (() => void) | undefined
    click?.()
  }
}

/** Electron's `Menu`, as far as building one from a template and finding items. */
export class StandInMenu implements Pick<Electron.Menu, 'items' | 'getMenuItemById'> {
  readonly items: Electron.MenuItem[]

  constructor(template: Electron.MenuItemConstructorOptions[]) {
    this.items = template.map((entry) => new StandInMenuItem(entry) as unknown as Electron.MenuItem)
  }

  static buildFromTemplate(template: Electron.MenuItemConstructorOptions[]): Electron.Menu {
    return new StandInMenu(template) as unknown as Electron.Menu
  }

  getMenuItemById(id: string): Electron.MenuItem | null {
    return this.items.find((item) => item.id === id) ?? null
  }
}

type TrayUsed = 'on' | 'setImage' | 'setContextMenu' | 'setToolTip' | 'getBounds' | 'destroy'

/** Electron's `Tray`: keeps what it was given, so a test reads the menu and tooltip back. */
export class StandInTray
  extends StandInEmitter<Electron.Tray>
  implements Pick<Electron.Tray, TrayUsed>
{
  image: Electron.NativeImage | string
  menu: Electron.Menu | null = null
  toolTip = ''
  destroyed = false

  constructor(image: Electron.NativeImage | string) {
    super()
    this.image = image
  }

  setImage(image: Electron.NativeImage | string): void {
    this.image = image
  }

  setContextMenu(menu: Electron.Menu | null): void {
    this.menu = menu
  }

  setToolTip(toolTip: string): void {
    this.toolTip = toolTip
  }

  /** Where a panel puts it; Linux panels often report nothing, as here. */
  getBounds(): Electron.Rectangle {
    return { x: 0, y: 0, width: 0, height: 0 }
  }

  destroy(): void {
    this.destroyed = true
  }

  /** The labels a user sees in the menu, in order ('—' for a separator). */
  menuLabels(): string[] {
    return (this.menu?.items ?? []).map((item) => (item.type === 'separator' ? '—' : item.label))
  }
}
