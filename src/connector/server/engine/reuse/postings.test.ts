import { describe, expect, it } from 'vitest'
import { seededRandom } from '../test-support/variants'
import { createPostings, type Accumulator } from './postings'

const scratch = new Float32Array(20_000)

/** What a query's candidate search gets for one key: whether it counted, slots and weights. */
const gather = (postings: ReturnType<typeof createPostings>, key: number, cap: number) => {
  const acc: Accumulator = { weights: scratch, touched: [] }
  const ok = postings.gather(key, cap, acc, (n) => 1 / n)
  const weights = acc.touched.map((s) => scratch[s])
  for (const s of acc.touched) scratch[s] = 0
  return { ok, touched: acc.touched, weights }
}

/**
 * Keys of a library: a few common ones, the rest drawn from `pool` (real code's anchors: ~0.2
 * distinct keys per entry at 100,000 snippets), each slot's keys distinct.
 */
function library(slots: number, perSlot: number, pool: number, seed: number): number[][] {
  const random = seededRandom(seed)
  return Array.from({ length: slots }, () => {
    const keys = new Set<number>()
    while (keys.size < perSlot) {
      const r = random()
      const key = r < 0.1 ? Math.floor(r * 300) : Math.floor(random() * pool) * 7_919
      // Signed and unsigned 32-bit keys both, as anchors come.
      keys.add(random() < 0.5 ? key | 0 : key >>> 0)
    }
    return [...keys]
  })
}

describe('postings', () => {
  it('answers a common key newest first, and sees later slots', () => {
    const postings = createPostings()
    for (let slot = 0; slot < 100; slot++) postings.add([7, slot + 1000], slot)
    const newestFirst = Array.from({ length: 100 }, (_, i) => 99 - i)
    expect(gather(postings, 7, 500)).toMatchObject({ ok: true, touched: newestFirst })
    postings.compact()
    expect(gather(postings, 7, 500)).toMatchObject({ ok: true, touched: newestFirst })
    postings.add([7], 100)
    expect(gather(postings, 7, 500).touched).toEqual([100, ...newestFirst])
    expect(gather(postings, 1050, 500).touched).toEqual([50])
  })

  it('merges its tails a partition at a time, answering the same all along', () => {
    const keysOf = library(2_000, 30, 20_000, 4)
    const postings = createPostings()
    keysOf.forEach((keys, slot) => postings.add(keys, slot))
    const probe = [...new Set(keysOf.slice(0, 200).flat())]
    const before = probe.map((key) => gather(postings, key, 5_000))
    let merges = 0
    while (postings.compactOne()) {
      merges++
      expect(probe.map((key) => gather(postings, key, 5_000))).toEqual(before)
    }
    // Four partitions, each merged once; then nothing is left to merge.
    expect(merges).toBe(4)
    expect(postings.compactOne()).toBe(false)
  })

  it('skips a key over the cap, tail and runs counted together, and gathers it under a larger cap', () => {
    const postings = createPostings()
    for (let slot = 0; slot < 60; slot++) postings.add([7], slot)
    postings.compact()
    for (let slot = 60; slot < 100; slot++) postings.add([7], slot)
    expect(gather(postings, 7, 50)).toMatchObject({ ok: false, touched: [] })
    expect(gather(postings, 7, 99).ok).toBe(false)
    expect(gather(postings, 7, 100).touched).toHaveLength(100)
  })

  it('answers every key as a plain list of its slots does, through merges of the tail', () => {
    // 3,000 slots × 40 keys: the tail is merged into the runs on the way (past 65,536 entries)
    // and at the end; checked all in the tail, runs and tail, runs alone.
    const keysOf = library(3_000, 40, 25_000, 9)
    const postings = createPostings()
    const truth = new Map<number, number[]>()
    const probe = new Set([
      0,
      1,
      15,
      29,
      30,
      ...keysOf.slice(0, 50).flat(),
      ...keysOf.slice(-50).flat(),
    ])
    // Each key once and one comparison per check: deep comparisons of the common keys' long
    // lists, repeated for every slot holding them, took longer than the test's budget.
    const check = (cap: number) => {
      const want = [...probe].map((key) => {
        const slots = truth.get(key) ?? []
        if (slots.length > cap) return { ok: false, touched: [], weights: [] }
        return { ok: true, touched: slots, weights: slots.map(() => Math.fround(1 / slots.length)) }
      })
      expect([...probe].map((key) => gather(postings, key, cap))).toEqual(want)
    }
    keysOf.forEach((keys, slot) => {
      postings.add(keys, slot)
      for (const key of keys) truth.set(key, [slot, ...(truth.get(key) ?? [])])
      if (slot % 1_000 === 999) check(slot === 1_999 ? 100 : 10_000)
    })
    postings.compact()
    check(10_000)
    check(64)
    expect(gather(postings, 123_456_789, 100)).toEqual({ ok: true, touched: [], weights: [] })
  })

  it('holds a large library in about a third of the bytes of chained entries', () => {
    // 12,000 slots × 45 keys = 540,000 entries, filed one asset at a time as saves are; chained
    // `[key, slot, next]` entries took 12 bytes each and more with their bucket heads.
    const postings = createPostings()
    library(12_000, 45, 100_000, 4).forEach((keys, slot) => postings.add(keys, slot))
    expect(postings.size).toBe(540_000)
    expect(postings.bytes / postings.size).toBeLessThan(8)
  })

  it('merges a large library a part at a time: no merge builds a whole new copy beside the old', () => {
    // Every typed array the postings allocate is counted (the merge's new runs among them). With
    // one set of runs, the merge at 400,000 entries built a 1.6 MB slot array while the old one
    // was alive: at 1,000,000 team snippets that was ~230 MB twice, the peak of a first pull.
    const sizes: number[] = []
    const Plain = globalThis.Int32Array
    class Counted extends Plain {
      // `slice` and `subarray` build through this too (a length, or a buffer and a range).
      constructor(...args: unknown[]) {
        super(...(args as [ArrayBuffer, number, number]))
        sizes.push(this.byteLength)
      }
    }
    const postings = (() => {
      globalThis.Int32Array = Counted as Int32ArrayConstructor
      try {
        const made = createPostings()
        library(10_000, 40, 100_000, 6).forEach((keys, slot) => made.add(keys, slot))
        return made
      } finally {
        globalThis.Int32Array = Plain
      }
    })()
    expect(postings.size).toBe(400_000)
    const largest = Math.max(...sizes)
    // Slots of the whole index, 4 bytes each; a part's new runs are about a quarter of them.
    expect(largest).toBeLessThan(postings.size * 4 * 0.35)
    expect(gather(postings, 7_919 * 3, 10_000).ok).toBe(true)
  })
})
