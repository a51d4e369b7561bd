import { createHash, randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { createSlotTable } from './slot-table'

const sha = (text: string) => createHash('sha256').update(text).digest('base64url')

describe('slot table', () => {
  it('gives back every id and finds every slot by id and by exact hash, across growth', () => {
    const table = createSlotTable()
    const ids = Array.from({ length: 5_000 }, (_, i) => (i % 7 === 0 ? `asset-${i}` : randomUUID()))
    const hashes = ids.map((_, i) => (i % 11 === 0 ? `hash-${i % 50}` : sha(String(i % 3_000))))
    ids.forEach((id, i) => expect(table.push(id, hashes[i] ?? '', i % 40)).toBe(i))
    expect(ids.map((_, slot) => table.idAt(slot))).toEqual(ids)
    expect(ids.map((id) => table.slotOf(id))).toEqual(ids.map((_, slot) => slot))
    expect(table.withHash(sha('17'))).toEqual([17, 3_017])
    expect(table.withHash('hash-0')).toEqual([
      0, 550, 1_100, 1_650, 2_200, 2_750, 3_300, 3_850, 4_400, 4_950,
    ])
    expect(table.sizeAt(41)).toBe(1)
    expect(table.slotOf(randomUUID())).toBe(-1)
    expect(table.withHash(sha('no such text'))).toEqual([])
  })

  it('forgets a dead slot, and finds the asset filed again in its new slot', () => {
    const table = createSlotTable()
    const id = randomUUID()
    table.push(id, sha('a'), 3)
    table.push('other', sha('a'), 3)
    table.kill(0)
    expect([table.live(0), table.idAt(0), table.slotOf(id)]).toEqual([false, undefined, -1])
    expect(table.withHash(sha('a'))).toEqual([1])
    table.push(id, sha('a'), 3)
    expect([table.slotOf(id), table.withHash(sha('a'))]).toEqual([2, [1, 2]])
  })

  it('holds a random UUID, a SHA-256 and an anchor count in under 100 bytes a slot', () => {
    const table = createSlotTable()
    for (let i = 0; i < 50_000; i++) table.push(randomUUID(), sha(String(i)), 40)
    expect(table.bytes / table.length).toBeLessThan(100)
  })

  it('packs only canonical UUIDs and hashes, and finds the others by their own string', () => {
    // Strings that decode to the same bytes as a packed one must not be taken for it: upper-case
    // hex, base64 digits of another alphabet, stray low bits in the last digit.
    const table = createSlotTable()
    const id = randomUUID()
    const hash = sha('a')
    const last = hash.charCodeAt(42)
    const lookalikes = [
      hash.slice(0, 42) + String.fromCharCode(last + 1),
      hash.replaceAll('-', '+').replaceAll('_', '/'),
      `${hash}=`,
    ].filter((h) => h !== hash)
    table.push(id, hash, 1)
    table.push(id.toUpperCase(), lookalikes[0] ?? '', 2)
    lookalikes.slice(1).forEach((h, i) => table.push(`other-${i}`, h, 3))
    expect(table.withHash(hash)).toEqual([0])
    lookalikes.forEach((h, i) => expect(table.withHash(h)).toEqual([i + 1]))
    expect([table.slotOf(id), table.slotOf(id.toUpperCase())]).toEqual([0, 1])
    expect([table.idAt(0), table.idAt(1)]).toEqual([id, id.toUpperCase()])
    expect(table.slotOf(`${id.slice(0, 35)}g`)).toBe(-1)
  })
})
