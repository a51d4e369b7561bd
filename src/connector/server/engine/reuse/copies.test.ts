import { describe, expect, it } from 'vitest'
import { createEngine } from '../index'
import { createScannableEngine } from '../test-support/full-scan'
import { findSources, sliceSnippets } from '../test-support/corpus'
import { editLines, seededRandom } from '../test-support/variants'
import { createNearIndex, inspectNearIndex } from './near-index'

// A library holding several copies of each text (a team's snippets pulled beside the user's own):
// each copy is scored once per query and the others reuse that score, which must change nothing.
const texts = findSources(['node_modules'], ['js', 'ts'], 200, 8)
  .flatMap((f) => sliceSnippets(f.text, 8, 30))
  .slice(0, 400)
const random = seededRandom(5)
const queries = Array.from({ length: 40 }, () =>
  editLines(texts[Math.floor(random() * texts.length)] ?? '', random),
)

describe('copies of one text in the library', () => {
  it('are each answered with the score brute force gives it', () => {
    const engine = createScannableEngine()
    texts.forEach((text, i) => {
      const fingerprint = engine.fingerprint(text)
      for (let copy = 0; copy < 3; copy++) engine.add(`t${i}-${copy}`, fingerprint)
    })
    let compared = 0
    for (const q of queries) {
      const truth = new Map(engine.scanAll(q, texts.length * 3).map((m) => [m.assetId, m]))
      const answer = engine.match(q, 30)
      for (const m of answer) {
        expect(m.similarity).toBe(truth.get(m.assetId)?.similarity)
        compared++
      }
      // The copies of a text answered together, all with the same score.
      const byText = new Map<string, Set<number>>()
      for (const m of answer) {
        const text = m.assetId.split('-')[0] ?? ''
        byText.set(text, (byText.get(text) ?? new Set()).add(m.similarity))
      }
      for (const scores of byText.values()) expect(scores.size).toBe(1)
    }
    expect(compared).toBeGreaterThan(300)
  })

  it('score by their own sketch when two assets carry one exact hash but different sketches', () => {
    // A fingerprint a teammate's client sent can disagree with its hash: the score follows the sketch.
    const engine = createEngine()
    const [a = '', b = ''] = [texts[0], texts[200]]
    const index = createNearIndex()
    const indexed = createEngine({ index })
    const fa = engine.fingerprint(a)
    const fb = engine.fingerprint(b)
    indexed.add('a', fa)
    indexed.add('b-with-a-hash', { exactHash: fa.exactHash, data: fb.data })
    const byId = new Map(indexed.match(b, 5).map((m) => [m.assetId, m]))
    expect(byId.get('b-with-a-hash')?.similarity).toBeGreaterThan(0.95)
    expect(byId.get('a')?.similarity ?? 0).toBeLessThan(0.5)
  })

  it('never answers a removed copy, and still answers the others', () => {
    const engine = createEngine()
    const text = texts[10] ?? ''
    const fingerprint = engine.fingerprint(text)
    for (let copy = 0; copy < 4; copy++) engine.add(`c${copy}`, fingerprint)
    engine.remove('c1')
    engine.remove('c3')
    const ids = engine.match(editLines(text, seededRandom(9)), 10).map((m) => m.assetId)
    expect(ids.sort()).toEqual(['c0', 'c2'])
  })

  it('keeps answering the later copies when the first one saved is removed', () => {
    const engine = createEngine()
    const text = texts[20] ?? ''
    const fingerprint = engine.fingerprint(text)
    for (let copy = 0; copy < 3; copy++) engine.add(`c${copy}`, fingerprint)
    const edited = editLines(text, seededRandom(3))
    engine.remove('c0')
    expect(
      engine
        .match(edited, 10)
        .map((m) => m.assetId)
        .sort(),
    ).toEqual(['c1', 'c2'])
    engine.remove('c1')
    engine.remove('c2')
    expect(engine.match(edited, 10)).toEqual([])
    // Saved again after every copy went: found as a new text.
    engine.add('again', fingerprint)
    expect(engine.match(edited, 10).map((m) => m.assetId)).toEqual(['again'])
  })

  it('file a text once, however many copies of it are saved', () => {
    const sizes = [1, 10].map((copies) => {
      const index = createNearIndex()
      const engine = createEngine({ index })
      texts.slice(0, 100).forEach((text, i) => {
        const fingerprint = engine.fingerprint(text)
        for (let copy = 0; copy < copies; copy++) engine.add(`t${i}-${copy}`, fingerprint)
      })
      return inspectNearIndex(index).bytes()
    })
    const [one, ten] = sizes
    expect(ten?.postings).toBe(one?.postings)
    expect(ten?.sketches).toBe(one?.sketches)
  })
})
