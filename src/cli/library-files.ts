import type { Asset } from '../shared/wire'

/** One snippet as export and import see it. */
export interface LibraryEntry {
  name: string
  /** ClassificationSpecificEnum value (`py`, `ts`, `txt`…). */
  language: string
  tags: string[]
  text: string
  description?: string
}

/** Reads the entry out of an Asset model (Pieces' asset shape). */
export function entryOfAsset(asset: Asset): LibraryEntry | undefined {
  const format = asset.formats.iterable[0]
  const text = format?.fragment?.string?.raw ?? format?.file?.string?.raw
  if (typeof text !== 'string') return undefined
  const description = asset.annotations?.iterable.find((a) => a.type === 'DESCRIPTION')?.text
  return {
    name: asset.name ?? 'Untitled snippet',
    language: format?.classification.specific ?? 'txt',
    tags: asset.tags?.iterable.map((t) => t.text) ?? [],
    text,
    ...(description !== undefined && { description }),
  }
}

/** The entries of a JSON export (`{ iterable: Asset[] }`, as `GET /assets` gives it). */
export function entriesOfJson(json: unknown): LibraryEntry[] {
  const iterable = (json as { iterable?: unknown } | null)?.iterable
  if (!Array.isArray(iterable)) {
    throw new Error('The JSON file is not a Pieces asset list: it needs an "iterable" array.')
  }
  return iterable.flatMap((asset: unknown) => {
    if (typeof asset !== 'object' || asset === null || !('formats' in asset)) return []
    const entry = entryOfAsset(asset as Asset)
    return entry ? [entry] : []
  })
}

const fenceFor = (text: string) =>
  '`'.repeat(Math.max(3, ...[...text.matchAll(/`+/g)].map((m) => m[0].length + 1)))

/**
 * One Markdown file: front matter (name, language, tags as JSON values, which YAML reads too),
 * then the snippet in a fenced block. `final_newline` keeps a trailing newline exact.
 */
export function toMarkdownFile(entry: LibraryEntry): string {
  const fence = fenceFor(entry.text)
  const newline = entry.text.endsWith('\n')
  const body = newline ? entry.text.slice(0, -1) : entry.text
  return [
    '---',
    `name: ${JSON.stringify(entry.name)}`,
    `language: ${entry.language}`,
    `tags: ${JSON.stringify(entry.tags)}`,
    ...(entry.description !== undefined
      ? [`description: ${JSON.stringify(entry.description)}`]
      : []),
    ...(newline ? ['final_newline: true'] : []),
    '---',
    '',
    `${fence}${entry.language === 'txt' ? '' : entry.language}`,
    body,
    fence,
    '',
  ].join('\n')
}

function frontValue(raw: string): unknown {
  try {
    return JSON.parse(raw)
  } catch {
    return raw.trim()
  }
}

/** Reads a Markdown file written by `toMarkdownFile` (or by hand in the same shape). */
export function entryOfMarkdown(markdown: string, fallbackName: string): LibraryEntry {
  const lines = markdown.replace(/\r\n/g, '\n').split('\n')
  const front: Record<string, unknown> = {}
  let i = 0
  if (lines[0] === '---') {
    for (i = 1; i < lines.length && lines[i] !== '---'; i++) {
      const match = /^([A-Za-z_]+):\s*(.*)$/.exec(lines[i] ?? '')
      if (match) front[match[1] as string] = frontValue(match[2] as string)
    }
    i++
  }
  const open = lines.findIndex((line, n) => n >= i && /^`{3,}/.test(line))
  const fence = open >= 0 ? (/^`+/.exec(lines[open] ?? '')?.[0] ?? '```') : undefined
  const close = fence ? lines.findLastIndex((line, n) => n > open && line === fence) : -1
  const body =
    open >= 0 && close > open
      ? lines.slice(open + 1, close)
      : lines.slice(i).filter((l, n) => n > 0 || l !== '')
  const text = body.join('\n') + (front.final_newline === true ? '\n' : '')
  const tags = Array.isArray(front.tags)
    ? front.tags.map(String)
    : typeof front.tags === 'string' && front.tags !== ''
      ? front.tags.split(',').map((t) => t.trim())
      : []
  const language =
    typeof front.language === 'string' && front.language !== ''
      ? front.language
      : (lines[open]?.slice(fence?.length ?? 0).trim() ?? '') || 'txt'
  return {
    name: typeof front.name === 'string' && front.name !== '' ? front.name : fallbackName,
    language,
    tags: tags.filter((t) => t !== ''),
    text,
    ...(typeof front.description === 'string' && { description: front.description }),
  }
}

/** A file name for an entry: its name in kebab case, made unique with a counter. */
export function fileNameFor(entry: LibraryEntry, taken: Set<string>): string {
  const base =
    entry.name
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'snippet'
  let name = `${base}.md`
  for (let n = 2; taken.has(name); n++) name = `${base}-${n}.md`
  taken.add(name)
  return name
}

// ClassificationSpecificEnum values whose VS Code language id differs from the value itself.
const VSCODE_IDS: Record<string, string> = {
  py: 'python',
  ts: 'typescript',
  tsx: 'typescriptreact',
  js: 'javascript',
  jsx: 'javascriptreact',
  sh: 'shellscript',
  bat: 'bat',
  rb: 'ruby',
  rs: 'rust',
  cs: 'csharp',
  kt: 'kotlin',
  md: 'markdown',
  yml: 'yaml',
  ps1: 'powershell',
  pl: 'perl',
  hs: 'haskell',
  ex: 'elixir',
  erl: 'erlang',
  txt: 'plaintext',
}

/** The library as one VS Code snippets file (`*.code-snippets`): a global file, scoped by language. */
export function toVsCodeSnippets(entries: readonly LibraryEntry[]): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  const prefixes = new Set<string>()
  for (const entry of entries) {
    let key = entry.name
    for (let n = 2; key in out; n++) key = `${entry.name} (${n})`
    const prefix = fileNameFor(entry, prefixes).replace(/\.md$/, '')
    out[key] = {
      prefix,
      scope: VSCODE_IDS[entry.language] ?? entry.language,
      // `$` starts a tab stop in VS Code snippets; the text is inserted as it was saved.
      body: entry.text.replace(/\$/g, '\\$').split('\n'),
      description:
        entry.description ?? (entry.tags.length > 0 ? entry.tags.join(', ') : entry.name),
    }
  }
  return out
}
