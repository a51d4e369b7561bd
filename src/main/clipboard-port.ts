import type { ClipboardPort } from '../core/contracts'
import { withSelectionEvents, x11Display } from '../front-ends/selection-port'
import { watchSelection } from '../front-ends/x11-selection-events'
import { formatName, payloadText, typeForFormat } from './clipboard-formats'

/** The tray's clipboard: Electron's, told about copies by the X server's selection events on X11
 * (the same watcher as `clipwise watch`); polled elsewhere, and where XFixes is unavailable. */
export async function trayClipboardPort(
  clipboard: Electron.Clipboard,
  platform: string,
  env: NodeJS.ProcessEnv,
): Promise<{ port: ClipboardPort; close(): void }> {
  const port = electronClipboardPort(clipboard, platform)
  const display = x11Display(platform, env)
  const events = display ? await watchSelection(display).catch(() => undefined) : undefined
  if (!events) return { port, close: () => undefined }
  return { port: withSelectionEvents(port, events), close: () => events.close() }
}

/** The core's `ClipboardPort` over Electron's asynchronous clipboard (main process only). */
export function electronClipboardPort(
  clipboard: Electron.Clipboard,
  platform: string,
): ClipboardPort {
  const text = (value: string) => (value.length > 0 ? value : undefined)
  // Items hand out their payloads lazily (`getType`), so listing types reads no content.
  const types = async () =>
    (await clipboard.read()).flatMap((item) => item.types.map((type) => ({ item, type })))
  return {
    formats: async () => [...new Set((await types()).map(({ type }) => formatName(type)))],
    // Only small marker formats are read this way (a flag or a short string).
    readFormat: async (format) => {
      const offered = await types()
      const type = typeForFormat(
        offered.map((entry) => entry.type),
        format,
      )
      const entry = offered.find((candidate) => candidate.type === type)
      return entry ? payloadText(await entry.item.getType(entry.type)) : undefined
    },
    readText: async () => text(await clipboard.readText()),
    writeText: (value) => clipboard.writeText(value),
    ...(platform === 'linux' && clipboard.selection
      ? { readPrimaryText: async () => text(await clipboard.selection.readText()) }
      : {}),
  }
}
