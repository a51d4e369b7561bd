// Realistic snippets for the connector benchmark: windows of 5–40 lines cut from real source
// files shipped in node_modules (JavaScript and TypeScript of several libraries).
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

const SOURCE_DIRS = [
  'node_modules/fastify/lib',
  'node_modules/typebox/build',
  'node_modules/got/dist/source',
  'node_modules/ajv/lib',
  'node_modules/@pieces.app/pieces-os-client/dist',
  'node_modules/typescript-eslint/dist',
  'node_modules/@typescript-eslint/typescript-estree/dist',
  'node_modules/vitest/dist',
  'node_modules/eslint/lib',
  'node_modules/prettier/plugins',
]
const EXTENSIONS = /\.(m?js|ts)$/

function* files(dir: string): Generator<string> {
  let entries: string[]
  try {
    entries = readdirSync(dir).sort()
  } catch {
    return
  }
  for (const name of entries) {
    const path = join(dir, name)
    const stat = statSync(path)
    if (stat.isDirectory()) yield* files(path)
    else if (EXTENSIONS.test(name) && stat.size < 2_000_000) yield path
  }
}

/** A small deterministic PRNG (mulberry32) so every run cuts the same snippets. */
export function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** At least `count` distinct snippets of 5–40 lines (fewer only if the sources run out). */
export function buildCorpus(root: string, count: number, seed = 7): string[] {
  const next = random(seed)
  const seen = new Set<string>()
  const snippets: string[] = []
  for (const dir of SOURCE_DIRS) {
    for (const file of files(join(root, dir))) {
      const lines = readFileSync(file, 'utf8').split('\n')
      const average = lines.reduce((n, l) => n + l.length, 0) / Math.max(1, lines.length)
      if (average > 160) continue // minified
      let at = 0
      while (at < lines.length - 5) {
        const length = 5 + Math.floor(next() * 36)
        const window = lines.slice(at, at + length)
        at += length
        const text = window.join('\n').trim()
        if (window.filter((l) => l.trim() !== '').length < 4 || text.length > 4000) continue
        if (seen.has(text)) continue
        seen.add(text)
        snippets.push(text)
        if (snippets.length >= count) return snippets
      }
    }
  }
  return snippets
}
