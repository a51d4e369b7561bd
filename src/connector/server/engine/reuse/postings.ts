import { mixHash } from './hash'

/**
 * Entries per allocation block. Entries live in fixed blocks that are never copied: growing one
 * big array by copying left up to half of it as slack plus freed copies the allocator kept (at
 * 100,000 assets, 4.5 M entries: RSS 85 MB above the live arrays, against 5 MB with blocks).
 */
const BLOCK_BITS = 16
const BLOCK = 1 << BLOCK_BITS
const MASK = BLOCK - 1
/** Keys filed under this many slots or more have their slots memoised by the first query. */
const HOT_FROM = 64

/** Per-slot tallies of one query (zeroed again by the caller through `touched`). */
export interface Accumulator {
  /** Sum of the weights of the keys each slot is filed under (every weight is > 0). */
  weights: Float32Array
  /** Slots with a non-zero weight, in the order first seen. */
  touched: number[]
  /**
   * When given, how many places of `touched` hold this query's slots: they are written from
   * there (a caller reuses one array across queries, never shrunk), else appended.
   */
  count?: number
}

/**
 * Inverted index from anchor hashes to slots, in typed arrays (a `Map` of millions of small
 * arrays costs several times more memory): chained buckets over append-only entries, each entry
 * `[key, slot, next]` in one block so that a chain walk reads one place per entry.
 */
export function createPostings() {
  let bits = 12
  let heads = new Int32Array(1 << bits).fill(-1)
  const blocks: Int32Array[] = []
  let n = 0
  /** Slots of the key being gathered (reused across calls). */
  let found = new Int32Array(256)
  /**
   * Common keys' slots, kept contiguous once a query has walked them (chain order), or for a
   * key over a cap just how many slots it has at least. A key's entries are filed as its assets
   * come, so they are spread over all the blocks and walking a chain is a cache miss per entry:
   * at 100,000 assets the slowest 1% of queries spent 3-5 ms walking anchors of 100-1,000
   * assets. Only keys of `HOT_FROM` slots or more (~5,800 keys, 1.3 M slots, 5 MB at most).
   */
  const hot = new Map<number, Int32Array | number>()
  const bucket = (key: number): number => mixHash(0, key) >>> (32 - bits)
  const block = (e: number): Int32Array => blocks[e >>> BLOCK_BITS] as Int32Array

  function rehash(to = bits + 1): void {
    bits = to
    heads = new Int32Array(1 << bits).fill(-1)
    for (let e = 0; e < n; e++) {
      const b = block(e)
      const at = (e & MASK) * 3
      const h = bucket(b[at] ?? 0)
      b[at + 2] = heads[h] ?? -1
      heads[h] = e
    }
  }

  /** How many slots the last `walk` found. */
  let walked = 0

  /**
   * The slots filed under `k`, newest first, in the first `walked` places of the array returned
   * (the scratch array unless memoised), or undefined when there are more than `cap`.
   */
  function walk(k: number, cap: number): Int32Array | undefined {
    if (found.length <= cap) found = new Int32Array(Math.max(cap + 1, found.length * 2))
    let count = 0
    for (let e = heads[bucket(k)] ?? -1; e >= 0;) {
      const b = block(e)
      const at = (e & MASK) * 3
      if (b[at] === k) {
        if (count === cap) {
          if (cap >= HOT_FROM) hot.set(k, cap + 1)
          return undefined
        }
        found[count++] = b[at + 1] ?? 0
      }
      e = b[at + 2] ?? -1
    }
    walked = count
    if (count < HOT_FROM) return found
    const slots = found.slice(0, count)
    hot.set(k, slots)
    return slots
  }

  return {
    /** Entries filed. */
    get size(): number {
      return n
    },
    /** Bytes held: entry blocks (12 per entry), bucket heads and memoised hot keys. */
    get bytes(): number {
      let hotBytes = 0
      for (const v of hot.values()) hotBytes += typeof v === 'number' ? 8 : v.byteLength + 8
      return blocks.length * BLOCK * 12 + heads.byteLength + hotBytes
    },
    /** Sizes the bucket table for `entries` in all (at start: no rehash while loading). */
    reserve(entries: number): void {
      let want = bits
      while (entries > (1 << want) * 2) want++
      if (want > bits) rehash(want)
    },
    /**
     * Files `slot` under every key (one call per asset: 32-bit keys passed one by one as
     * arguments cost 4× more at start, 100,000 assets and 4.5 M keys in 0.38 s against 0.1 s).
     */
    add(keys: ArrayLike<number>, slot: number): void {
      this.reserve(n + keys.length)
      // Locals rather than the closure's variables in the loop: 1.7× faster at start.
      const table = heads
      const shift = 32 - bits
      let e = n
      // A key that gains a slot is walked again (and memoised again) by the next query.
      if (hot.size > 0) for (let i = 0; i < keys.length; i++) hot.delete((keys[i] ?? 0) | 0)
      for (let i = 0; i < keys.length; i++, e++) {
        if ((e & MASK) === 0 && blocks.length <= e >>> BLOCK_BITS)
          blocks.push(new Int32Array(BLOCK * 3))
        const key = keys[i] ?? 0
        const b = blocks[e >>> BLOCK_BITS] as Int32Array
        const at = (e & MASK) * 3
        const h = mixHash(0, key) >>> shift
        b[at] = key | 0
        b[at + 1] = slot
        b[at + 2] = table[h] ?? -1
        table[h] = e
      }
      n = e
    },
    /**
     * Adds, for each slot filed under `key`, the key's weight (from its number of slots,
     * `weigh(n)`, > 0) to `weights[slot]`; slots first seen go into `touched`.
     * Does nothing and returns false when more than `cap` slots are filed under the key.
     */
    gather(key: number, cap: number, acc: Accumulator, weigh: (n: number) => number): boolean {
      // One walk of the chain (or none, for a memoised key), its slots kept until the count,
      // so the weight, is known: walking twice doubled the cache misses of common anchors.
      const k = key | 0
      const known = hot.get(k)
      if (typeof known === 'number' && known > cap) return false
      let slots: Int32Array | undefined
      if (typeof known === 'object') {
        slots = known
        walked = known.length
      } else slots = walk(k, cap)
      const count = walked
      if (slots === undefined || count > cap) return false
      if (count === 0) return true
      const w = weigh(count)
      const { weights, touched } = acc
      let at = acc.count ?? touched.length
      for (let i = 0; i < count; i++) {
        const slot = slots[i] ?? 0
        const before = weights[slot] ?? 0
        if (before === 0) touched[at++] = slot
        weights[slot] = before + w
      }
      if (acc.count !== undefined) acc.count = at
      return true
    },
  }
}
