import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from './support/older-node'

// Code that cites DESIGN.md by section (`DESIGN.md, "Layout"`) cites a section that exists, in
// the DESIGN.md of this repository.

const SKIP = new Set(['node_modules', 'out', 'dist', 'test-results', 'bench-results', '.git'])

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIP.has(entry.name)) return []
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return /\.(ts|tsx|mjs|cjs|md)$/.test(entry.name) ? [path] : []
  })
}

describe('DESIGN.md', () => {
  const design = readFileSync(join(ROOT, 'DESIGN.md'), 'utf8')
  const headings = [...design.matchAll(/^#+ (.+)$/gm)].map((match) => match[1]?.trim() ?? '')

  it('is in the repository, with every section the code cites', () => {
    const cited = sourceFiles(ROOT).flatMap((file) => {
      const text = readFileSync(file, 'utf8').replace(/\n\s*(\/\/|\*)\s*/g, ' ')
      return [...text.matchAll(/DESIGN\.md, "([^"]+)"/g)].map((match) => ({
        file: relative(ROOT, file),
        section: match[1] ?? '',
      }))
    })
    expect(cited.length).toBeGreaterThan(0)
    const missing = cited.filter(({ section }) => !headings.some((h) => h.startsWith(section)))
    expect(missing).toEqual([])
  })
})
