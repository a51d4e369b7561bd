import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { useOrStartEmbedded } from '../front-ends/embedded-advertisement'
import type { Asset } from '../shared/wire'
import { WHERE_HELP, WHERE_OPTIONS, whereFrom, type Where } from './cli-options'
import { defineCommand, UsageError } from './command'
import { startInProcessConnector } from './embedded-connector'
import {
  entriesOfJson,
  entryOfAsset,
  entryOfMarkdown,
  fileNameFor,
  toMarkdownFile,
  toVsCodeSnippets,
  type LibraryEntry,
} from './library-files'

const EXPORT_HELP = `Usage: clipwise export --format json|markdown|vscode --out PATH [--connector URL]
                      [--data DIR]
  Writes the library in one of three forms:
    json      one file: the library in Pieces' asset shape (as GET /assets gives it)
    markdown  a folder: one .md file per snippet, front matter for name, language, tags
    vscode    one .code-snippets file for VS Code

${WHERE_HELP}`
const IMPORT_HELP = `Usage: clipwise import FILE.json|FILE.md|FOLDER [--connector URL] [--data DIR]
  Saves each snippet of a JSON export, a Markdown file or a folder of .md files with its name,
  tags and language; a snippet whose text is already saved is skipped. Secrets in imported text
  are redacted, as in every save.

${WHERE_HELP}`

const FORMATS = ['json', 'markdown', 'vscode']

interface Http {
  get<T>(path: string): Promise<T>
  post<T>(path: string, body: unknown): Promise<T>
}

/** The connector to talk to: `--connector`, else the running or a newly started embedded one. */
async function withConnector<T>(
  { dataDir, connectorUrl: url }: Where,
  work: (http: Http) => Promise<T>,
) {
  const handle = url
    ? { url, stop: async () => undefined }
    : await useOrStartEmbedded(dataDir, () => startInProcessConnector(dataDir))
  const call = async <R>(path: string, init?: RequestInit): Promise<R> => {
    const response = await fetch(`${handle.url}${path}`, init)
    const text = await response.text()
    if (!response.ok) throw new Error(`${path} answered ${response.status}: ${text}`)
    return (response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as R
  }
  const http: Http = {
    get: (path) => call(path),
    post: (path, body) =>
      call(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
  }
  try {
    return await work(http)
  } finally {
    await handle.stop()
  }
}

/** `clipwise export`: writes the library as JSON, Markdown files or a VS Code snippets file. */
export const exportCommand = defineCommand({
  name: 'export',
  help: EXPORT_HELP,
  options: { format: { type: 'string' }, out: { type: 'string' }, ...WHERE_OPTIONS },
  run: async (values) => {
    const { format, out } = values
    if (format === undefined) throw new UsageError('--format json|markdown|vscode is needed.')
    if (!FORMATS.includes(format)) {
      throw new UsageError(`--format must be json, markdown or vscode, not "${format}".`)
    }
    if (!out) throw new UsageError('--out PATH is needed: the file or folder to write.')
    return exportLibrary(whereFrom(values), format, out)
  },
})

async function exportLibrary(where: Where, format: string, out: string): Promise<number> {
  const count = await withConnector(where, async (http) => {
    const library = await http.get<{ iterable: Asset[] }>('/assets')
    const entries = library.iterable.flatMap((a) => entryOfAsset(a) ?? [])
    if (format === 'json') writeFileSync(out, `${JSON.stringify(library, null, 2)}\n`)
    if (format === 'vscode') {
      writeFileSync(out, `${JSON.stringify(toVsCodeSnippets(entries), null, 2)}\n`)
    }
    if (format === 'markdown') {
      mkdirSync(out, { recursive: true })
      const taken = new Set(readdirSync(out))
      for (const entry of entries)
        writeFileSync(join(out, fileNameFor(entry, taken)), toMarkdownFile(entry))
    }
    return entries.length
  })
  process.stdout.write(`Exported ${count} snippet${count === 1 ? '' : 's'} to ${out}\n`)
  return 0
}

function readEntries(path: string): LibraryEntry[] {
  if (statSync(path).isDirectory()) {
    return readdirSync(path)
      .filter((f) => f.endsWith('.md'))
      .sort()
      .map((f) => entryOfMarkdown(readFileSync(join(path, f), 'utf8'), basename(f, '.md')))
  }
  const text = readFileSync(path, 'utf8')
  if (path.endsWith('.md')) return [entryOfMarkdown(text, basename(path, '.md'))]
  return entriesOfJson(JSON.parse(text))
}

/** Saves one entry through the Pieces API, then makes its tags and language exactly the file's. */
async function importEntry(http: Http, appId: string, entry: LibraryEntry): Promise<void> {
  const created = await http.post<Asset>('/assets/create', {
    type: 'SEEDED_ASSET',
    asset: {
      application: { id: appId },
      format: { fragment: { string: { raw: entry.text }, metadata: { ext: entry.language } } },
      metadata: {
        name: entry.name,
        tags: entry.tags.map((text) => ({ text })),
        ...(entry.description !== undefined && {
          annotations: [{ type: 'DESCRIPTION', text: entry.description }],
        }),
      },
    },
  })
  await http.post('/asset/update', {
    id: created.id,
    name: entry.name,
    tags: { iterable: entry.tags.map((text) => ({ text })) },
  })
}

/** `clipwise import`: saves the snippets of a JSON export or Markdown files. */
export const importCommand = defineCommand({
  name: 'import',
  help: IMPORT_HELP,
  options: WHERE_OPTIONS,
  maxPositionals: 1,
  run: async (values, [path]) => {
    if (path === undefined) throw new UsageError('Name the file or folder to import.')
    return importLibrary(whereFrom(values), readEntries(path))
  },
})

async function importLibrary(where: Where, entries: LibraryEntry[]): Promise<number> {
  const [added, skipped] = await withConnector(where, async (http) => {
    const context = await http.post<{ application: { id: string } }>('/connect', {
      application: { name: 'OPEN_SOURCE', version: 'clipwise-import', platform: 'UNKNOWN' },
    })
    const library = await http.get<{ iterable: Asset[] }>('/assets')
    const saved = new Set(library.iterable.flatMap((a) => entryOfAsset(a)?.text ?? []))
    let count = 0
    for (const entry of entries) {
      if (saved.has(entry.text)) continue
      await importEntry(http, context.application.id, entry)
      saved.add(entry.text)
      count++
    }
    return [count, entries.length - count]
  })
  process.stdout.write(
    `Imported ${added} snippet${added === 1 ? '' : 's'}; ${skipped} already saved.\n`,
  )
  return 0
}
