import { createHash } from 'node:crypto'
import { findSources, sliceSnippets } from '../src/connector/server/engine/test-support/corpus'

/** Real code from this machine, cut into distinct function-sized snippets with varied windows. */
export function buildCorpus(target: number): string[] {
  const roots = ['node_modules', '/usr/lib/python3.11', '/usr/include']
  const exts = ['js', 'ts', 'mjs', 'cjs', 'py', 'c', 'h', 'go', 'sh', 'css']
  const files = findSources(roots, exts, 12_000, 200, 400_000)
  const seen = new Set<string>()
  const out: string[] = []
  const windows: [number, number, number][] = [
    [8, 30, 0],
    [5, 15, 0],
    [12, 40, 0],
    [6, 20, 7],
    [10, 25, 13],
  ]
  for (const [min, max, stride] of windows) {
    for (const file of files) {
      for (const snippet of sliceSnippets(file.text, min, max, stride)) {
        const key = createHash('sha1').update(snippet).digest('base64')
        if (seen.has(key)) continue
        seen.add(key)
        out.push(snippet)
        if (out.length >= target) return out
      }
    }
  }
  return out
}
