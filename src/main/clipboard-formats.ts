/** Electron's clipboard names a raw platform format `electron application/osclipboard;format="<name>"`. */
const RAW_PREFIX = 'electron application/osclipboard;format="'

/** The clipboard type for a raw platform format name. */
export function rawFormatType(name: string): string {
  return `${RAW_PREFIX}${name.replace(/"/g, '')}"`
}

/** The platform format name behind a clipboard type: raw types unwrapped, MIME types as they are. */
export function formatName(type: string): string {
  return type.startsWith(RAW_PREFIX) && type.endsWith('"')
    ? type.slice(RAW_PREFIX.length, -1)
    : type
}

/** The clipboard type to read for a format name, from the types on offer. */
export function typeForFormat(types: readonly string[], name: string): string | undefined {
  return types.find((type) => type === name) ?? types.find((type) => formatName(type) === name)
}

/** Decodes a clipboard payload (a Blob in Electron 45, a Buffer in later releases) as UTF-8 text. */
export async function payloadText(payload: unknown): Promise<string | undefined> {
  if (typeof payload === 'string') return payload
  if (payload instanceof Uint8Array) return Buffer.from(payload).toString('utf8')
  if (payload instanceof Blob) return payload.text()
  return undefined
}
