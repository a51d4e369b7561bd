import type { SeededConnectorAsset, TransferableBytes, TransferableString } from '../../shared/wire'
import { BadRequestError } from './errors'

/** The text a seed carries, and the hints it gives about it. */
export interface SeedContent {
  text: string
  /** Where the text sits in the seed (so an echo can be redacted in place). */
  location: 'fragment' | 'file'
  language?: string
  name?: string
  description?: string
  tags: string[]
  mechanism?: string
}

function fromTransferables(
  where: string,
  string: TransferableString | undefined,
  bytes: TransferableBytes | undefined,
): string {
  if (string && bytes)
    throw new BadRequestError(`${where} must hold either string or bytes, not both.`)
  if (string) {
    if (typeof string.raw === 'string') return string.raw
    throw new BadRequestError(
      `${where}.string needs raw (base64, base64_url, data_url are not supported).`,
    )
  }
  if (bytes) {
    if (Array.isArray(bytes.raw)) return new TextDecoder().decode(Uint8Array.from(bytes.raw))
    throw new BadRequestError(
      `${where}.bytes needs raw (base64, base64_url, data_url are not supported).`,
    )
  }
  throw new BadRequestError(`${where} must hold string or bytes.`)
}

/** Reads the snippet out of a SeededConnectorAsset, or throws a 400 saying what is missing. */
export function readSeed(asset: SeededConnectorAsset | undefined, where = 'asset'): SeedContent {
  if (!asset)
    throw new BadRequestError(`The seed needs ${where} with a format holding the snippet.`)
  const { fragment, file, classification } = asset.format
  if (fragment && file) {
    throw new BadRequestError(
      `${where}.format must hold exactly one of fragment or file, not both.`,
    )
  }
  const metadata = asset.metadata
  const common = {
    tags: (metadata?.tags ?? []).map((t) => t.text.trim()).filter((t) => t !== ''),
    ...(metadata?.name !== undefined && { name: metadata.name }),
    ...(metadata?.mechanism !== undefined && { mechanism: metadata.mechanism }),
    ...(() => {
      const description = metadata?.annotations?.find((a) => a.type === 'DESCRIPTION')?.text
      return description === undefined ? {} : { description }
    })(),
  }
  if (fragment) {
    const text = fromTransferables(`${where}.format.fragment`, fragment.string, fragment.bytes)
    const language = fragment.metadata?.ext ?? classification?.specific
    return { text, location: 'fragment', ...common, ...(language && { language }) }
  }
  if (file) {
    const text = fromTransferables(`${where}.format.file`, file.string, file.bytes)
    const language = file.metadata?.ext ?? classification?.specific
    const name = common.name ?? file.metadata?.name
    return {
      text,
      location: 'file',
      ...common,
      ...(language && { language }),
      ...(name && { name }),
    }
  }
  throw new BadRequestError(`${where}.format must hold exactly one of fragment or file.`)
}
