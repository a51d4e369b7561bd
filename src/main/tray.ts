import type { Menu, MenuItemConstructorOptions, Tray } from 'electron'
import type { AppState } from '../shared/domain'
import type { Desktop } from './desktop'
import { trayIcon } from './tray-icon'
import { trayIconStatus, trayMenu, trayStatus, type TrayAction } from './tray-menu'

/** The tray icon and its menu, redrawn from the app state. */
export class AppTray {
  readonly tray: Tray
  private state: AppState | undefined
  private menu: Menu | undefined

  constructor(
    private readonly desktop: Desktop,
    private readonly options: {
      platform: string
      onAction: (action: TrayAction) => void
      onClick: () => void
    },
  ) {
    this.tray = new desktop.Tray(this.icon())
    // Linux ignores clicks on many panels; the menu carries every action, so it is always set.
    this.tray.on('click', () => options.onClick())
    desktop.nativeTheme.on('updated', () => this.tray.setImage(this.icon()))
    this.update(undefined)
  }

  /** Redraws menu, tooltip and icon. */
  update(state: AppState | undefined): void {
    const changedIcon = trayIconStatus(state) !== trayIconStatus(this.state)
    this.state = state
    this.menu = this.desktop.Menu.buildFromTemplate(
      trayMenu(state).map((entry) => this.toMenuItem(entry)),
    )
    this.tray.setContextMenu(this.menu)
    this.tray.setToolTip(`Clipwise — ${trayStatus(state)}`)
    if (changedIcon) this.tray.setImage(this.icon())
  }

  /** The menu now set on the tray (the end-to-end test clicks its items). */
  currentMenu(): Menu | undefined {
    return this.menu
  }

  private icon() {
    return trayIcon(this.desktop.nativeImage, {
      platform: this.options.platform,
      darkPanel: this.desktop.nativeTheme.shouldUseDarkColors,
      status: trayIconStatus(this.state),
    })
  }

  private toMenuItem(entry: ReturnType<typeof trayMenu>[number]): MenuItemConstructorOptions {
    if (entry.type === 'separator') return { type: 'separator' }
    if (entry.type === 'status') return { label: entry.label, enabled: false }
    return {
      id: entry.id,
      label: entry.label,
      // Shown for reference only: the global shortcut is registered by the hotkey module.
      ...(entry.accelerator ? { accelerator: entry.accelerator, registerAccelerator: false } : {}),
      click: () => this.options.onAction(entry.id),
    }
  }
}
