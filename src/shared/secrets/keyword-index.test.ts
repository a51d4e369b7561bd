import { describe, expect, it } from 'vitest'
import { buildKeywordIndex } from './keyword-index'

describe('the keyword index', () => {
  it('finds every occurrence, case-insensitively, in one pass', () => {
    const index = buildKeywordIndex(['ghp_', 'akia', 'key'])
    const hits: [number, number][] = []
    const read = index.scan('xx GHP_ a key AKIA', (id, end) => hits.push([id, end]))
    expect(read).toBe(18)
    expect(hits).toEqual([
      [0, 7],
      [2, 13],
      [1, 18],
    ])
  })

  it('stops where keepGoing says no, says where, and reports nothing after it', () => {
    const index = buildKeywordIndex(['key'])
    const text = 'key '.repeat(10_000)
    let asked = 0
    const ends: number[] = []
    const read = index.scan(
      text,
      (_id, end) => ends.push(end),
      () => ++asked < 2,
    )
    expect(read).toBeLessThan(text.length)
    expect(Math.max(...ends)).toBeLessThanOrEqual(read)
    // Every occurrence that ends before the stop was reported ("key " at 0, 4, 8 …).
    expect(ends.length).toBe(Math.floor((read - 3) / 4) + 1)
  })
})
