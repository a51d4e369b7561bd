import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createEngine } from '../index'
import { distinctSnippets, findSources, sliceSnippets } from '../test-support/corpus'
import {
  contiguousPart,
  editLines,
  reindent,
  renameIdentifiers,
  seededRandom,
} from '../test-support/variants'

// Real code shipped by our dependencies: JavaScript (fastify), Python (node-gyp's gyp); the
// unrelated code comes from other packages (eslint's rules, the `packaging` module).
const snippetsOf = (roots: string[], files: number): string[] =>
  findSources(roots, ['js', 'py'], files, 40).flatMap((f) => sliceSnippets(f.text, 8, 30))
const libraryRoots = ['node_modules/fastify/lib', 'node_modules/node-gyp/gyp/pylib/gyp']
const library = distinctSnippets(snippetsOf(libraryRoots, 60)).slice(0, 150)
const unrelated = distinctSnippets(
  snippetsOf(['node_modules/eslint/lib/rules', 'node_modules/node-gyp/gyp/pylib/packaging'], 40),
  0.5,
  library,
).slice(0, 100)
const engine = createEngine()
library.forEach((text, i) => engine.add(`asset-${i}`, engine.fingerprint(text)))

function topOneRate(variant: (text: string) => string): number {
  let hits = 0
  library.forEach((text, i) => {
    if (engine.match(variant(text), 1)[0]?.assetId === `asset-${i}`) hits++
  })
  return hits / library.length
}

describe('reuse on real code', () => {
  it('has a real corpus to work with', () => {
    expect(library.length).toBeGreaterThanOrEqual(100)
    expect(unrelated.length).toBeGreaterThanOrEqual(30)
  })

  it('finds exact and re-indented copies as the top match, every time', () => {
    expect(topOneRate((t) => t)).toBe(1)
    expect(topOneRate(reindent)).toBe(1)
    const best = engine.match(library[0] ?? '', 1)[0]
    expect(best?.exact).toBe(true)
    expect(engine.isReuse(best)).toBe(true)
  })

  it('finds renamed, partial and edited copies as the top match and suggests reuse', () => {
    const random = seededRandom(7)
    // Misses are lists of names (an import list with every name renamed has nothing left to match).
    expect(topOneRate(renameIdentifiers)).toBeGreaterThanOrEqual(0.95)
    const partRandom = seededRandom(7)
    expect(topOneRate((t) => contiguousPart(t, partRandom))).toBeGreaterThanOrEqual(0.9)
    const editRandom = seededRandom(8)
    expect(topOneRate((t) => editLines(t, editRandom))).toBeGreaterThanOrEqual(0.9)
    const edited = engine.match(editLines(library[3] ?? '', random), 1)[0]
    expect(edited?.assetId).toBe('asset-3')
    expect(engine.isReuse(edited)).toBe(true)
  })

  it('does not suggest reuse for unrelated real code', () => {
    const falseReuse = unrelated.filter((t) => engine.isReuse(engine.match(t, 1)[0]))
    expect(falseReuse.length / unrelated.length).toBeLessThanOrEqual(0.02)
  })

  it('never returns a removed asset, and can add it back', () => {
    const text = library[2] ?? ''
    engine.remove('asset-2')
    expect(engine.match(text, 10).map((m) => m.assetId)).not.toContain('asset-2')
    expect(engine.match(reindent(text), 10).map((m) => m.assetId)).not.toContain('asset-2')
    engine.add('asset-2', engine.fingerprint(text))
    expect(engine.match(text, 1)[0]?.assetId).toBe('asset-2')
  })

  it('rebuilds the same index from stored fingerprints (a copied BLOB, as SQLite returns)', () => {
    const fresh = createEngine()
    library.forEach((text, i) => {
      const fp = engine.fingerprint(text)
      fresh.add(`asset-${i}`, { exactHash: fp.exactHash, data: Buffer.from(fp.data) })
    })
    const random = seededRandom(3)
    const query = contiguousPart(library[5] ?? '', random)
    expect(fresh.match(query, 3)).toEqual(engine.match(query, 3))
  })

  it('bulk-loads the same index as adding one by one, misaligned bytes included', () => {
    const loaded = createEngine()
    const assets = library.map((text, i) => {
      const { exactHash, data } = engine.fingerprint(text)
      const odd = new Uint8Array(data.byteLength + 1).subarray(1)
      odd.set(data)
      return { assetId: `asset-${i}`, fingerprint: { exactHash, data: i % 2 ? odd : data } }
    })
    loaded.load(assets)
    for (const [i, kind] of [contiguousPart, editLines].entries()) {
      const query = kind(library[7 + i] ?? '', seededRandom(i))
      expect(loaded.match(query, 5)).toEqual(engine.match(query, 5))
    }
    loaded.load(assets.slice(0, 3))
    expect(loaded.match(library[1] ?? '', 5).filter((m) => m.exact)).toHaveLength(1)
  })

  it('orders matches best first with similarity and containment in 0..1', () => {
    const matches = engine.match(contiguousPart(library[4] ?? '', seededRandom(1)), 5)
    for (const m of matches) {
      expect(m.similarity).toBeGreaterThanOrEqual(0)
      expect(m.similarity).toBeLessThanOrEqual(1)
      expect(m.containment).toBeLessThanOrEqual(1)
    }
    const sims = matches.map((m) => m.similarity)
    expect([...sims].sort((a, b) => b - a)).toEqual(sims)
    expect(matches[0]?.containment).toBeGreaterThanOrEqual(0.9)
  })

  it('finds copies in generated-code families, whose every shape anchor is too common to look up', () => {
    // Babel's generated asserts: 300 functions of one shape, filed in pairs (150 assets > the
    // 64-asset cap on an anchor), queried by the last five lines of each pair.
    const file = 'node_modules/@babel/types/lib/asserts/generated/index.js'
    const fns = readFileSync(file, 'utf8').match(/^function assert\w+\(node, opts\) \{\n.*\n\}$/gm)
    const pairs: string[] = []
    for (let i = 0; i + 1 < Math.min(300, fns?.length ?? 0); i += 2)
      pairs.push(`${fns?.[i] ?? ''}\n${fns?.[i + 1] ?? ''}`)
    expect(pairs.length).toBe(150)
    const family = createEngine()
    pairs.forEach((text, i) => family.add(`pair-${i}`, family.fingerprint(text)))
    const found = pairs.filter((text, i) => {
      const best = family.match(text.split('\n').slice(1).join('\n'), 1)[0]
      return best?.assetId === `pair-${i}` && family.isReuse(best)
    })
    expect(found.length).toBe(pairs.length)
  })
})

describe('renamed lists', () => {
  const list = (type: string) =>
    [
      'var (',
      ...['StructField', 'SliceIndex', 'MapIndex', 'Indirect', 'Transform'].map(
        (v) => `\t_ ${type} = ${v}{}`,
      ),
      ')',
    ].join('\n')
  const engine = createEngine()
  engine.add('saved', engine.fingerprint(list('PathStep')))
  engine.add('other', engine.fingerprint(list('Visitor').replace(/(\w+)\{\}/g, 'New$1()')))

  it('a list whose renamed name repeats (one type on every line) is reuse of the list', () => {
    const best = engine.match(list('Step'), 1)[0]
    expect(best?.assetId).toBe('saved')
    expect(engine.isReuse(best)).toBe(true)
  })

  it('a list of the same shape with every name its own is not', () => {
    const names = ['Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon']
    let k = 0
    const other = list('Kind')
      .replace(/= \w+\{\}/g, () => `= ${names[k++] ?? ''}{}`)
      .replace(/Kind/g, () => `Kind${k++}`)
    expect(engine.isReuse(engine.match(other, 1)[0])).toBe(false)
  })
})
