import type { ClipboardPort } from '../core/contracts'
import { formatName, payloadText, typeForFormat } from './clipboard-formats'

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
