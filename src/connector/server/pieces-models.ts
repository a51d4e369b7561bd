import { userInfo } from 'node:os'
import type { Asset, Model, Tag, UserProfile } from '../../shared/wire'
import type { LibraryTag } from './storage'
import { MODEL_SCHEMA, readableAge } from './wire-models'

/** The Pieces OS API version whose subset this connector implements (clients gate on 12.x). */
export const PIECES_API_VERSION = '12.0.0'

const stamp = (iso: string, now: Date) => ({ value: iso, readable: readableAge(iso, now) })

/** The Tag model of a library tag. */
export function toWireTag(tag: LibraryTag, now: Date): Tag {
  return {
    schema: MODEL_SCHEMA,
    id: tag.id,
    text: tag.text,
    created: stamp(tag.createdAt, now),
    updated: stamp(tag.updatedAt, now),
    category: 'UNKNOWN',
    assets: { iterable: tag.assetIds.map((id) => ({ id })) },
  }
}

function localName(): string {
  try {
    return userInfo().username || 'local'
  } catch {
    return 'local'
  }
}

/**
 * Clipwise's user: a profile that lives on this computer only. No account, no e-mail, nothing
 * signed in or sent anywhere; its id is the data folder's installation id.
 */
export function localUser(osId: string, since: string, now: Date): UserProfile {
  const name = localName()
  return {
    schema: MODEL_SCHEMA,
    id: osId,
    name: `${name} (local, no account)`,
    username: name,
    created: stamp(since, now),
    updated: stamp(since, now),
    aesthetics: { theme: { dark: false }, font: { size: 12 } },
  }
}

const NOT_RUN =
  'Listed so that Pieces integrations start; Clipwise runs no language model and never sends ' +
  'anything to one, so every request that would use it answers 501.'

// The entries the official clients look up at start: the CLI its default model by `unique`,
// Pieces for Sublime a model by name and one by `unique`, each marked cloud or downloaded.
const LISTED: readonly { id: string; name: string; unique: string; provider: string }[] = [
  {
    id: '6b1e4c1a-8f6e-4d8e-9a51-2b0f1c9d7a01',
    name: 'Gemini 2.0 Flash Lite',
    unique: 'gemini-2.0-flash-lite-001',
    provider: 'GOOGLE',
  },
  {
    id: '6b1e4c1a-8f6e-4d8e-9a51-2b0f1c9d7a02',
    name: 'GPT-3.5-turbo Chat Model',
    unique: 'gpt-3.5-turbo',
    provider: 'OPENAI',
  },
  {
    id: '6b1e4c1a-8f6e-4d8e-9a51-2b0f1c9d7a03',
    name: 'OpenAI o4 Mini',
    unique: 'o4-mini-2025-04-16',
    provider: 'OPENAI',
  },
]

/** `GET /models`: the entries clients need to start, none of which Clipwise runs. */
export function listedModels(now: Date): Model[] {
  const created = now.toISOString()
  return LISTED.map((m) => ({
    schema: MODEL_SCHEMA,
    id: m.id,
    version: '0',
    created: { value: created, readable: 'Just now...' },
    name: m.name,
    description: NOT_RUN,
    cloud: true,
    type: 'BALANCED',
    usage: 'CODE_GENERATION',
    unique: m.unique,
    provider: m.provider,
    downloaded: false,
    loaded: false,
    downloading: false,
    cpu: false,
    custom: false,
    maxTokens: { total: null },
  }))
}

/** The Markdown a Pieces export gives for one asset (name, description, fenced code, tags). */
export function assetMarkdown(asset: Asset): string {
  const format = asset.formats.iterable[0]
  const text = format?.fragment?.string?.raw ?? ''
  const ext = format?.classification.specific ?? 'txt'
  const fence = text.includes('```') ? '````' : '```'
  const description = asset.annotations?.iterable.find((a) => a.type === 'DESCRIPTION')?.text
  const tags = asset.tags?.iterable.map((t) => t.text) ?? []
  return [
    `# ${asset.name ?? 'Untitled snippet'}`,
    '',
    ...(description ? [description, ''] : []),
    `${fence}${ext === 'txt' ? '' : ext}`,
    text,
    fence,
    ...(tags.length > 0 ? ['', `Tags: ${tags.join(', ')}`] : []),
    '',
  ].join('\n')
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c)

/** The HTML a Pieces export gives for one asset: a title and the code, escaped. */
export function assetHtml(asset: Asset): string {
  const format = asset.formats.iterable[0]
  const text = format?.fragment?.string?.raw ?? ''
  const ext = format?.classification.specific ?? 'txt'
  const name = escapeHtml(asset.name ?? 'Untitled snippet')
  return `<h1>${name}</h1>\n<pre><code class="language-${escapeHtml(ext)}">${escapeHtml(text)}</code></pre>\n`
}
