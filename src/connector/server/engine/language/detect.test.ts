import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createEngine } from '../index'
import { findSources, sliceSnippets } from '../test-support/corpus'

// One engine (one model load) for the file.
const engine = createEngine()

const SOURCES: [string, string[], string[]][] = [
  ['js', ['node_modules/fastify/lib'], ['js']],
  [
    'ts',
    ['node_modules/ajv/lib', 'node_modules/@noble/hashes/src', 'node_modules/cheerio/src'],
    ['ts'],
  ],
  ['py', ['node_modules/node-gyp/gyp/pylib'], ['py']],
  ['sh', ['node_modules'], ['sh']],
  ['css', ['node_modules'], ['css']],
  ['c', ['/usr/include'], ['h']],
]

describe('language detection on real files', () => {
  for (const [lang, roots, exts] of SOURCES) {
    const present = roots.filter((r) => existsSync(r))
    const snippets =
      present.length === 0
        ? []
        : findSources(present, exts, 6, 2)
            .flatMap((f) => sliceSnippets(f.text, 10, 30).slice(0, 2))
            .slice(0, 8)
    it.skipIf(snippets.length < 3)(`recognises ${lang}`, async () => {
      const answers = await Promise.all(
        snippets.map(async (s) => (await engine.enrich(s)).language),
      )
      const right = answers.filter((a) => a === lang).length
      // TypeScript slices without a type annotation (export lists, plain statements) are valid
      // JavaScript: answering `js` for those is right, so TS asks for half.
      expect(right / answers.length).toBeGreaterThanOrEqual(lang === 'ts' ? 0.5 : 0.75)
    })
  }

  it('answers txt for prose rather than guessing', async () => {
    const prose =
      'Thanks for the review. I will update the pull request tomorrow morning and ping you again.'
    expect((await engine.enrich(prose)).language).toBe('txt')
    expect((await engine.enrich(prose)).generic).toBe('TEXT')
  })
})

describe('names and tags', () => {
  it('names a function after its declaration and tags its imports', async () => {
    const code =
      "import { z } from 'zod'\nimport express from 'express'\n\nexport async function createUser(req, res) {\n  const body = z.object({ name: z.string() }).parse(req.body)\n  res.json(body)\n}"
    const e = await engine.enrich(code)
    expect(e.name).toBe('createUser')
    expect(e.tags).toEqual(expect.arrayContaining(['zod', 'express']))
    expect(e.tags).toContain(e.language)
  })

  it('names a Python class and tags its imports', async () => {
    const code =
      'import os\nfrom collections import OrderedDict\n\nclass Cache(OrderedDict):\n    def __init__(self, size):\n        super().__init__()\n        self.size = size\n'
    const e = await engine.enrich(code)
    expect(e.language).toBe('py')
    expect(e.name).toBe('Cache')
    expect([...e.tags].sort()).toEqual(['collections', 'os', 'py'])
  })

  it('falls back to the first meaningful comment, then to language and first line', async () => {
    const commented =
      '# Rotate the logs every night\nfind /var/log/app -name "*.log" -mtime +7 -delete\n'
    expect((await engine.enrich(commented)).name).toBe('Rotate the logs every night')
    const bare = 'SELECT id, name FROM users WHERE active = 1 ORDER BY name'
    expect((await engine.enrich(bare)).name).toMatch(/^sql · SELECT id, name/)
  })
})
