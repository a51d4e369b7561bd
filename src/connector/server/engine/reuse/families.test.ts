import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createScannableEngine } from '../test-support/full-scan'
import { findSources, sliceSnippets } from '../test-support/corpus'

// Generated code comes in families: Babel's `isX(node, opts)` validators (shipped in
// node_modules by our build tools) are hundreds of helpers that differ only in the type they
// check. A copy of one shares nothing rare with its look-alikes; the index must still bring
// them back, as a scan of every asset does.
const source = readFileSync('node_modules/@babel/types/lib/validators/generated/index.js', 'utf8')
const helpers = [...source.matchAll(/^function is\w+\(node, opts\) \{\n(?:.*\n)*?\}$/gm)]
  .map((m) => m[0])
  .filter((text) => text.split('\n').length === 5)
const pairs = Array.from({ length: helpers.length >> 1 }, (_, i) =>
  [helpers[2 * i], helpers[2 * i + 1]].join('\n'),
)

describe('families of generated look-alikes', () => {
  const engine = createScannableEngine()
  pairs.forEach((text, i) => engine.add(`pair-${i}`, engine.fingerprint(text)))
  // The rest of a library: the other Babel code, whose few rare anchors in common with a
  // validator are enough to fill a first pass of candidates.
  const others = findSources(['node_modules/@babel'], ['js'], 400, 40)
    .filter((f) => !f.text.includes('function isArrayExpression(node, opts)'))
    .flatMap((f) => sliceSnippets(f.text, 8, 30))
    .slice(0, 3000)
  others.forEach((text, i) => engine.add(`other-${i}`, engine.fingerprint(text)))

  it('answers a re-indented copy with a line dropped as well as a scan of every asset', () => {
    // More look-alikes than the index's cap on a shared anchor at this size (64).
    expect(pairs.length).toBeGreaterThan(100)
    expect(others.length).toBeGreaterThan(1000)
    for (const at of [7, 60, 99]) {
      const lines = (pairs[at] ?? '').split('\n')
      lines.splice(4, 1)
      const copy = lines.map((l) => `    ${l}`).join('\r\n')
      const scanned = engine.scanAll(copy, 5)
      const found = engine.match(copy, 5)
      expect(found[0]?.assetId).toBe(`pair-${at}`)
      expect(scanned[4]?.similarity).toBeGreaterThan(0.6)
      // Look-alikes score within a hair of each other: which ones come back does not matter,
      // only that the n-th best found is as good as the n-th best there is.
      scanned.forEach((best, n) =>
        expect(found[n]?.similarity ?? 0).toBeGreaterThanOrEqual(best.similarity - 0.02),
      )
    }
  })
})
