import { describe, expect, it } from 'vitest'
import { createPostings, type Accumulator } from './postings'

const gather = (postings: ReturnType<typeof createPostings>, key: number, cap: number) => {
  const acc: Accumulator = { weights: new Float32Array(1000), touched: [] }
  const ok = postings.gather(key, cap, acc, () => 1)
  return { ok, touched: acc.touched }
}

describe('postings', () => {
  it('answers a memoised common key as its chain does, newest first, and sees later slots', () => {
    const postings = createPostings()
    for (let slot = 0; slot < 100; slot++) postings.add([7, slot + 1000], slot)
    const newestFirst = Array.from({ length: 100 }, (_, i) => 99 - i)
    expect(gather(postings, 7, 500)).toEqual({ ok: true, touched: newestFirst })
    expect(gather(postings, 7, 500)).toEqual({ ok: true, touched: newestFirst })
    postings.add([7], 100)
    expect(gather(postings, 7, 500).touched).toEqual([100, ...newestFirst])
  })

  it('skips a key over the cap, and gathers it under a larger cap', () => {
    const postings = createPostings()
    for (let slot = 0; slot < 100; slot++) postings.add([7], slot)
    expect(gather(postings, 7, 50)).toEqual({ ok: false, touched: [] })
    expect(gather(postings, 7, 50)).toEqual({ ok: false, touched: [] })
    expect(gather(postings, 7, 100).touched).toHaveLength(100)
    expect(gather(postings, 7, 99).ok).toBe(false)
  })
})
