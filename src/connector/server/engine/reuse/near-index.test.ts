import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { createEngine } from '../index'
import { findSources, sliceSnippets } from '../test-support/corpus'
import { contiguousPart, editLines, seededRandom } from '../test-support/variants'
import { createNearIndex } from './near-index'

// 3,000 snippets of real code (~160,000 anchors): past the 65,536 entries at which new saves are
// merged from the postings' tail into its compacted runs.
const library = findSources(['node_modules'], ['js', 'ts'], 600, 8)
  .flatMap((f) => sliceSnippets(f.text, 8, 30))
  .slice(0, 3_000)
const random = seededRandom(21)
const queries = Array.from({ length: 80 }, (_, i) => {
  const source = library[Math.floor(random() * library.length)] ?? ''
  return i % 3 === 0
    ? contiguousPart(source, random)
    : i % 3 === 1
      ? editLines(source, random)
      : source
})

describe('near index', () => {
  it('answers the same whether loaded at start or saved one by one, at every stage', () => {
    const reference = createEngine()
    const ids: string[] = library.map(() => randomUUID())
    const fingerprints = library.map((text) => reference.fingerprint(text))
    const fp0 = reference.fingerprint('')
    const assets = ids.map((assetId, i) => ({ assetId, fingerprint: fingerprints[i] ?? fp0 }))
    const answers = (engine: typeof reference) => queries.map((q) => engine.match(q, 5))
    const loadedWith = (count: number) => {
      const engine = createEngine()
      engine.load(assets.slice(0, count))
      return engine
    }
    // Saved one by one: all in the tail at 1,000 (~47,000 anchors), runs and tail at 2,200,
    // against the same library loaded at once (runs only).
    const saved = createEngine()
    assets.forEach(({ assetId, fingerprint }, i) => {
      saved.add(assetId, fingerprint)
      if (i === 999 || i === 2_199) expect(answers(saved)).toEqual(answers(loadedWith(i + 1)))
    })
    expect(library.length).toBe(3_000)
    const fromLoad = answers(loadedWith(3_000))
    expect(answers(saved)).toEqual(fromLoad)
    // Some queries find their source, and a removed asset is never answered again.
    expect(fromLoad.filter((found) => found[0]?.similarity === 1).length).toBeGreaterThan(20)
    const gone = fromLoad[2]?.[0]?.assetId ?? ''
    saved.remove(gone)
    expect(saved.match(queries[2] ?? '', 5).map((m) => m.assetId)).not.toContain(gone)
    saved.add(gone, fingerprints[ids.indexOf(gone)] ?? fp0)
    expect(saved.match(queries[2] ?? '', 1)[0]?.assetId).toBe(gone)
  })

  it('keeps asset ids of any form, and exact copies oldest first', () => {
    const engine = createEngine()
    const text = library[0] ?? ''
    const fp = engine.fingerprint(text)
    engine.add('pair-1', fp)
    engine.add('A0B1C2D3-E4F5-4789-8abc-def012345678', fp)
    engine.add('0a1b2c3d-4e5f-4789-8abc-def012345678', fp)
    engine.add('pair-2', { exactHash: 'not-a-sha256', data: fp.data })
    const exact = engine.match(text, 5).filter((m) => m.exact)
    expect(exact.map((m) => m.assetId)).toEqual([
      'pair-1',
      'A0B1C2D3-E4F5-4789-8abc-def012345678',
      '0a1b2c3d-4e5f-4789-8abc-def012345678',
    ])
    expect(engine.match(text, 5).map((m) => m.assetId)).toContain('pair-2')
    engine.remove('A0B1C2D3-E4F5-4789-8abc-def012345678')
    engine.add('pair-1', fp)
    expect(
      engine
        .match(text, 5)
        .filter((m) => m.exact)
        .map((m) => m.assetId),
    ).toEqual(['0a1b2c3d-4e5f-4789-8abc-def012345678', 'pair-1'])
  })

  it('ships no brute-force scan and no byte counts (test support reads them from outside)', () => {
    expect(Object.keys(createNearIndex()).sort()).toEqual([
      'add',
      'candidates',
      'compact',
      'load',
      'query',
      'remove',
      'size',
    ])
  })
})
