import type { ClipboardPort } from '../../core'
import { createMacClipboard } from './macos-clipboard'
import { createWaylandClipboard } from './wayland-clipboard'
import { createWindowsClipboard } from './windows-clipboard'
import { createX11Clipboard } from './x11-clipboard'

export interface SystemClipboard {
  port: ClipboardPort
  /** How changes are noticed, for people: "X11 selection events (XFixes)". */
  description: string
  close(): void
}

/** The platform's clipboard: X11 or Wayland on Linux, pbpaste on macOS, PowerShell on Windows. */
export async function openSystemClipboard(
  platform: string = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): Promise<SystemClipboard> {
  if (platform === 'darwin') {
    return {
      port: createMacClipboard(),
      description: 'macOS pasteboard change count (polled)',
      close() {},
    }
  }
  if (platform === 'win32') {
    return {
      port: createWindowsClipboard(),
      description: 'Windows clipboard sequence number (polled)',
      close() {},
    }
  }
  if (env.WAYLAND_DISPLAY) {
    const port = createWaylandClipboard(env)
    return { port, description: 'Wayland wl-paste --watch', close: () => port.close() }
  }
  if (!env.DISPLAY) {
    throw new Error('No clipboard to watch: neither DISPLAY (X11) nor WAYLAND_DISPLAY is set.')
  }
  const port = await createX11Clipboard(env)
  return {
    port,
    description:
      port.mode === 'events'
        ? 'X11 selection events (XFixes)'
        : 'X11 without XFixes: polling xclip (costs CPU)',
    close: () => port.close(),
  }
}
