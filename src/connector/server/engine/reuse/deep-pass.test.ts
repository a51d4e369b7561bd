import { describe, expect, it } from 'vitest'
import { createEngine, normalizeSnippet } from '../index'
import { findSources, sliceSnippets } from '../test-support/corpus'
import { renameIdentifiers } from '../test-support/variants'
import { createNearIndex, inspectNearIndex } from './near-index'
import { sketchOf } from './sketch'

// A generated-code family (renamed copies of one helper, more of them than the posting cap of
// 64) among real snippets: a copy of one member shares only common anchors with the others.
const helper = (name: string) =>
  [
    `export function is${name}(node, opts) {`,
    '  if (!node) return false',
    `  if (node.type !== '${name}') return false`,
    '  return opts == null || shallowEqual(node, opts)',
    '}',
    `export function assert${name}(node, opts) {`,
    `  if (!is${name}(node, opts)) throw new Error('expected ${name}')`,
    '  return node',
    '}',
  ].join('\n')
const names = Array.from({ length: 150 }, (_, i) => `Node${String.fromCharCode(65 + (i % 26))}${i}`)
const real = findSources(['node_modules'], ['js', 'ts'], 200, 8)
  .flatMap((f) => sliceSnippets(f.text, 8, 30))
  .slice(0, 600)

describe('deep pass', () => {
  it('reads each posting entry once: a deep query costs what one deep search does', () => {
    const index = createNearIndex()
    const engine = createEngine({ index })
    const texts = [...names.map(helper), ...real]
    engine.load(texts.map((t, i) => ({ assetId: `a${i}`, fingerprint: engine.fingerprint(t) })))
    const inside = inspectNearIndex(index)
    let deep = 0
    const candidates = index.candidates.bind(index)
    index.candidates = (sketch, wanted, more) => {
      if (more?.deep) deep++
      return candidates(sketch, wanted, more)
    }
    const query = renameIdentifiers(helper('NodeQ7'))
    const before = inside.entriesRead
    const answer = engine.match(query, 10)
    const queried = inside.entriesRead - before
    expect(deep).toBe(1)
    expect(answer).toHaveLength(10)
    // One deep search from scratch (its own sketch): every posting the query needs, read once.
    const from = inside.entriesRead
    index.candidates(sketchOf(normalizeSnippet(query)), 40, { deep: true })
    expect(queried).toBe(inside.entriesRead - from)
  })
})
