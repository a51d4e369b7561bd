import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { startConnector, type RunningConnector } from '../connector/server'
import type { Asset } from '../shared/wire'
import { exportCommand, importCommand } from './library-command'
import { entryOfMarkdown, toMarkdownFile } from './library-files'

// Export and import against real connectors: what comes back is read from the second library.

let from: RunningConnector
let to: RunningConnector
const dirs: string[] = []
const temp = () => {
  const dir = mkdtempSync(join(tmpdir(), 'clipwise-library-'))
  dirs.push(dir)
  return dir
}

const SNIPPETS = [
  {
    name: 'Retry with backoff',
    language: 'py',
    tags: ['retry', 'network'],
    text: 'import time\n\ndef retry(fn, attempts=3):\n    for i in range(attempts):\n        try:\n            return fn()\n        except OSError:\n            time.sleep(2 ** i)\n    return fn()\n',
  },
  {
    name: 'Fenced `code`',
    language: 'md',
    tags: [],
    text: 'Use ```ts fences``` and `$HOME`:\n\n```ts\nconst a = 1\n```',
  },
  {
    name: 'Debounce',
    language: 'ts',
    tags: ['timing'],
    text: 'export function debounce(fn: () => void, ms: number) {\n  let t: ReturnType<typeof setTimeout> | undefined\n  return () => {\n    clearTimeout(t)\n    t = setTimeout(fn, ms)\n  }\n}',
  },
]

async function library(connector: RunningConnector) {
  const body = (await (await fetch(`${connector.url}/assets`)).json()) as { iterable: Asset[] }
  return body.iterable
    .map((a) => ({
      name: a.name,
      language: a.formats.iterable[0]?.classification.specific,
      tags: (a.tags?.iterable.map((t) => t.text) ?? []).sort(),
      text: a.formats.iterable[0]?.fragment?.string?.raw,
    }))
    .sort((a, b) => (a.name ?? '').localeCompare(b.name ?? ''))
}

const expected = [...SNIPPETS]
  .map((s) => ({ ...s, tags: [...s.tags].sort() }))
  .sort((a, b) => a.name.localeCompare(b.name))

beforeAll(async () => {
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true)
  from = await startConnector({ port: 0, dataDir: temp() })
  const app = (await (
    await fetch(`${from.url}/connect`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        application: { name: 'OPEN_SOURCE', version: '1', platform: 'LINUX' },
      }),
    })
  ).json()) as { application: { id: string } }
  const md = temp()
  SNIPPETS.forEach((s, i) => writeFileSync(join(md, `${i}.md`), toMarkdownFile(s)))
  expect(await importCommand.run([md, '--connector', from.url])).toBe(0)
  expect(app.application.id).toBeTruthy()
})

afterAll(async () => {
  vi.restoreAllMocks()
  await from.close()
  await to?.close()
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

describe('clipwise export and import', () => {
  it('imports Markdown files with their names, tags, languages and exact text', async () => {
    expect(await library(from)).toEqual(expected)
  })

  it('round-trips the library through JSON (Pieces asset shape) into a new library', async () => {
    const out = join(temp(), 'library.json')
    expect(
      await exportCommand.run(['--format', 'json', '--out', out, '--connector', from.url]),
    ).toBe(0)
    const json = JSON.parse(readFileSync(out, 'utf8')) as { iterable: Asset[] }
    expect(json.iterable[0]?.formats.iterable[0]?.fragment?.string?.raw).toBeDefined()
    to = await startConnector({ port: 0, dataDir: temp() })
    expect(await importCommand.run([out, '--connector', to.url])).toBe(0)
    expect(await library(to)).toEqual(expected)
    // Importing again saves no second copy.
    expect(await importCommand.run([out, '--connector', to.url])).toBe(0)
    expect(await library(to)).toHaveLength(SNIPPETS.length)
  })

  it('round-trips through Markdown files, one per snippet', async () => {
    const out = join(temp(), 'md')
    expect(
      await exportCommand.run(['--format', 'markdown', '--out', out, '--connector', from.url]),
    ).toBe(0)
    const files = readdirSync(out).sort()
    expect(files).toHaveLength(SNIPPETS.length)
    const entries = files
      .map((f) => entryOfMarkdown(readFileSync(join(out, f), 'utf8'), f))
      .map((e) => ({ ...e, tags: [...e.tags].sort() }))
      .sort((a, b) => a.name.localeCompare(b.name))
    expect(entries).toEqual(expected)
  })

  it('writes a VS Code snippets file with each snippet scoped to its language', async () => {
    const out = join(temp(), 'clipwise.code-snippets')
    expect(
      await exportCommand.run(['--format', 'vscode', '--out', out, '--connector', from.url]),
    ).toBe(0)
    const snippets = JSON.parse(readFileSync(out, 'utf8')) as Record<
      string,
      { scope: string; body: string[]; prefix: string }
    >
    expect(snippets['Retry with backoff']).toMatchObject({
      scope: 'python',
      prefix: 'retry-with-backoff',
    })
    expect(snippets['Debounce']?.body.join('\n')).toBe(SNIPPETS[2]?.text)
    expect(snippets['Fenced `code`']?.body.join('\n')).toContain('`\\$HOME`')
  })

  it('says what is wrong with a file that is not an export', async () => {
    const bad = join(temp(), 'bad.json')
    writeFileSync(bad, '{"assets": []}')
    await expect(importCommand.run([bad, '--connector', from.url])).rejects.toThrow(
      '"iterable" array',
    )
  })
})
