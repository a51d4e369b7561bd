import { mixHash } from './hash'

function grow<T extends Int32Array | Uint32Array>(arr: T, size: number, make: (n: number) => T): T {
  if (size <= arr.length) return arr
  const next = make(Math.max(size, Math.ceil(arr.length * 1.5)))
  next.set(arr)
  return next
}

/**
 * Inverted index from anchor hashes to slots, in typed arrays (a `Map` of millions of small
 * arrays costs several times more memory): chained buckets over an append-only entry list.
 */
export function createPostings() {
  let bits = 12
  let heads = new Int32Array(1 << bits).fill(-1)
  let keys = new Uint32Array(1 << 12)
  let slots = new Int32Array(1 << 12)
  let next = new Int32Array(1 << 12)
  let n = 0
  const bucket = (key: number): number => mixHash(0, key) >>> (32 - bits)

  function rehash(): void {
    bits++
    heads = new Int32Array(1 << bits).fill(-1)
    for (let e = 0; e < n; e++) {
      const b = bucket(keys[e] ?? 0)
      next[e] = heads[b] ?? -1
      heads[b] = e
    }
  }

  return {
    add(key: number, slot: number): void {
      if (n >= keys.length) {
        keys = grow(keys, n + 1, (m) => new Uint32Array(m))
        slots = grow(slots, n + 1, (m) => new Int32Array(m))
        next = grow(next, n + 1, (m) => new Int32Array(m))
      }
      keys[n] = key
      slots[n] = slot
      const b = bucket(key)
      next[n] = heads[b] ?? -1
      heads[b] = n++
      if (n > heads.length * 2) rehash()
    },
    /** Calls `visit(slot, n)` for the `n` slots filed under `key`, unless `n > cap` (false). */
    forEach(key: number, cap: number, visit: (slot: number, n: number) => void): boolean {
      const head = heads[bucket(key)] ?? -1
      let count = 0
      for (let e = head; e >= 0; e = next[e] ?? -1)
        if (keys[e] === key && ++count > cap) return false
      for (let e = head; e >= 0; e = next[e] ?? -1) if (keys[e] === key) visit(slots[e] ?? 0, count)
      return true
    },
  }
}
