import type { Companion } from '../core/contracts'
import type { OpenableView } from '../shared/ipc'
import { hotkeyNotification } from './popup-decision'
import type { TrayAction } from './tray-menu'

export interface TrayActionDeps {
  window: { show(view?: OpenableView): void }
  companion: Pick<Companion, 'getState' | 'updateSettings' | 'hotkeySave'>
  notify(options: { title: string; body: string }): void
  quit(): void
}

/** What each tray menu item does (and the hotkey's save), over injected Electron pieces. */
export function createTrayActions(deps: TrayActionDeps) {
  /** The hotkey and "Save clipboard now": save what is on the clipboard, say so in a notification. */
  async function saveCurrent(): Promise<void> {
    deps.notify(hotkeyNotification(await deps.companion.hotkeySave()))
  }

  async function act(action: TrayAction): Promise<void> {
    switch (action) {
      case 'show':
        return deps.window.show()
      case 'settings':
        return deps.window.show('settings')
      case 'save-now':
        return saveCurrent()
      case 'toggle-pause': {
        const { settings } = await deps.companion.getState()
        await deps.companion.updateSettings({ paused: !settings.paused })
        return
      }
      case 'quit':
        return deps.quit()
    }
  }

  return { act, saveCurrent }
}
