import { mixHash } from './hash'

/**
 * Partitions, by the top bits of a key's hash: each holds its own runs and tail and is merged on
 * its own, so a merge builds new arrays for a quarter of the entries while the old ones are alive
 * (one set of runs for all built the whole new copy beside the old: at 1,000,000 snippets, ~50 M
 * entries, a merge held ~230 MB twice, the peak of a load or first pull). Four and not more: a
 * part's arrays stay past glibc's 32 MB mmap threshold at 1,000,000 and go back to the system
 * when freed; 64 parts of ~3.5 MB were carved from the malloc heap, whose freed holes a slightly
 * larger next copy does not fit (`bench/index-memory.bench.ts` at 1,000,000, loaded machine: RSS
 * after load 976 MiB with 64 parts, 875 with 4, 969-1,005 with one).
 */
const PART_BITS = 2
const PARTS = 1 << PART_BITS
/** Entries per tail block: tail entries live in fixed blocks that are never copied on growth. */
const BLOCK_BITS = 10
const BLOCK = 1 << BLOCK_BITS
const MASK = BLOCK - 1
/** A partition's tail is merged into its runs once it holds more entries than this... */
const TAIL_MIN = (1 << 16) >>> PART_BITS
/** ...and more than the runs' entries divided by this (so merges copy ~9 entries per entry). */
const TAIL_SHARE = 8
/** Run buckets per entry, at least (a lookup scans the keys of one bucket, ~1-16 of them). */
const ENTRIES_PER_BUCKET = 16
/** Bucket bits of a partition's runs and of its tail's heads, at least. */
const MIN_BITS = 4

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

/** A key's partition: the top bits of its hash. */
const partOf = (key: number): number => mixHash(0, key) >>> (32 - PART_BITS)
/** A key's bucket of `bits` within its partition: the hash bits below the partition's. */
const bucketOf = (key: number, bits: number): number =>
  (mixHash(0, key) << PART_BITS) >>> (32 - bits)

/** Compacted runs: bucket → its keys, key → its run of slots (newest first). */
interface Runs {
  bits: number
  bucketStart: Uint32Array
  keys: Int32Array
  keyStart: Uint32Array
  slots: Int32Array
}

/** Tail entries sorted by bucket (of `bits`), newest first within a bucket. */
interface SortedTail {
  start: Uint32Array
  keys: Int32Array
  slots: Int32Array
}

/** One partition: its runs, and its tail of chained entries `[key, slot, next]` in blocks. */
interface Part {
  runs: Runs
  tailBits: number
  heads: Int32Array
  blocks: Int32Array[]
  /** Entries in the tail. */
  n: number
}

const emptyRuns = (): Runs => ({
  bits: MIN_BITS,
  bucketStart: new Uint32Array((1 << MIN_BITS) + 1),
  keys: new Int32Array(0),
  keyStart: new Uint32Array(1),
  slots: new Int32Array(0),
})

// The merge is two module-level functions over typed arrays passed in, rather than closures over
// the index's variables: compiled once with the feedback of every merge, where a closure deopted
// at most merges and moved ~110 ns an entry (100,000 assets loaded in 9.5 s, 4 of them merging).

function sortTail(blocks: readonly Int32Array[], n: number, bits: number): SortedTail {
  const buckets = 1 << bits
  const shift = 32 - bits
  const start = new Uint32Array(buckets + 1)
  for (let e = 0; e < n; e++) {
    const b = blocks[e >>> BLOCK_BITS] as Int32Array
    const j = ((mixHash(0, b[(e & MASK) * 3] as number) << PART_BITS) >>> shift) + 1
    start[j] = (start[j] as number) + 1
  }
  for (let j = 0; j < buckets; j++) start[j + 1] = (start[j + 1] as number) + (start[j] as number)
  const put = start.slice(0, buckets)
  const keys = new Int32Array(n)
  const slots = new Int32Array(n)
  for (let e = n - 1; e >= 0; e--) {
    const b = blocks[e >>> BLOCK_BITS] as Int32Array
    const at = (e & MASK) * 3
    const key = b[at] as number
    const j = (mixHash(0, key) << PART_BITS) >>> shift
    const p = put[j] as number
    put[j] = p + 1
    keys[p] = key
    slots[p] = b[at + 1] as number
  }
  return { start, keys, slots }
}

/**
 * The runs with the tail folded in. The bucket count only grows by powers of two, so a new
 * bucket takes its keys from one old bucket (the hash's top bits): one pass over the old runs in
 * order. A key's tail slots (newer) go before its old run; keys new to the runs come after.
 */
function mergeRuns(old: Runs, tail: SortedTail, bits: number, scratch: Uint8Array): Runs {
  const split = bits - old.bits
  const shift = 32 - bits
  const buckets = 1 << bits
  const { bucketStart, keys, keyStart, slots } = old
  const { start: tailStart, keys: tailKeys, slots: tailSlots } = tail
  const outSlots = new Int32Array(slots.length + tailKeys.length)
  let outKeys = new Int32Array(keys.length + tailKeys.length)
  let outKeyStart = new Uint32Array(outKeys.length + 1)
  const outBucketStart = new Uint32Array(buckets + 1)
  let used = scratch
  let ko = 0
  let so = 0
  for (let j = 0; j < buckets; j++) {
    outBucketStart[j] = ko
    const t0 = tailStart[j] as number
    const t1 = tailStart[j + 1] as number
    if (used.length < t1 - t0) used = new Uint8Array(Math.max(t1 - t0, used.length * 2))
    const parent = j >>> split
    const last = bucketStart[parent + 1] as number
    for (let i = bucketStart[parent] as number; i < last; i++) {
      const k = keys[i] as number
      if (split > 0 && (mixHash(0, k) << PART_BITS) >>> shift !== j) continue
      outKeys[ko] = k
      outKeyStart[ko++] = so
      for (let t = t0; t < t1; t++) {
        if (used[t - t0] === 0 && tailKeys[t] === k) {
          outSlots[so++] = tailSlots[t] as number
          used[t - t0] = 1
        }
      }
      const from = keyStart[i] as number
      const end = keyStart[i + 1] as number
      // Most runs are a few slots: a loop, where a view and `set` cost more than the copy.
      if (end - from < 64) for (let r = from; r < end; r++) outSlots[so++] = slots[r] as number
      else {
        outSlots.set(slots.subarray(from, end), so)
        so += end - from
      }
    }
    for (let t = t0; t < t1; t++) {
      if (used[t - t0] === 1) continue
      const k = tailKeys[t] as number
      outKeys[ko] = k
      outKeyStart[ko++] = so
      for (let u = t; u < t1; u++) {
        if (used[u - t0] === 0 && tailKeys[u] === k) {
          outSlots[so++] = tailSlots[u] as number
          used[u - t0] = 1
        }
      }
    }
    for (let t = 0; t < t1 - t0; t++) used[t] = 0
  }
  outBucketStart[buckets] = ko
  outKeyStart[ko] = so
  if (ko < outKeys.length) {
    outKeys = outKeys.slice(0, ko)
    outKeyStart = outKeyStart.slice(0, ko + 1)
  }
  return {
    bits,
    bucketStart: outBucketStart,
    keys: outKeys,
    keyStart: outKeyStart,
    slots: outSlots,
  }
}

/** Chains a partition's tail entries again under `to` bucket bits of heads. */
function rehashTail(part: Part, to: number): void {
  part.tailBits = to
  const heads = new Int32Array(1 << to).fill(-1)
  for (let e = 0; e < part.n; e++) {
    const b = part.blocks[e >>> BLOCK_BITS] as Int32Array
    const at = (e & MASK) * 3
    const h = bucketOf(b[at] ?? 0, to)
    b[at + 2] = heads[h] ?? -1
    heads[h] = e
  }
  part.heads = heads
}

/**
 * Inverted index from anchor hashes to slots, in typed arrays (a `Map` of millions of small
 * arrays costs several times more memory), split in `PARTS` partitions by key hash. Most entries
 * sit in compacted runs: each key once, its slots newest first in one contiguous range of 4-byte
 * slots, the keys grouped by hash bucket (`bucketStart` → `keys` → `keyStart` → `slots`), about
 * 4.5 bytes an entry where chained entries `[key, slot, next]` took 12 and a walk of a common key
 * read one scattered place per entry. New entries go to a small chained tail of their partition
 * first, so that a save is cheap; a partition's tail is merged into its runs when it grows past a
 * share of them. Slots only grow, so the tail's slots are all newer than the runs' and a key's
 * slots come out newest first, tail then run, as they were filed.
 */
export function createPostings() {
  const parts: Part[] = Array.from({ length: PARTS }, () => ({
    runs: emptyRuns(),
    tailBits: MIN_BITS,
    heads: new Int32Array(1 << MIN_BITS).fill(-1),
    blocks: [],
    n: 0,
  }))
  /** Slots of the key being gathered from the tail (reused across calls). */
  let found = new Int32Array(256)
  /** Scratch marks of the tail entries of one bucket during a merge. */
  const used = new Uint8Array(256)
  /** Entries `gather` added to a tally, ever (what a query's cost grows with). */
  let read = 0

  /** How many of the key's tail slots `walkTail` put in `found`, or -1 when over `cap`. */
  function walkTail(part: Part, k: number, cap: number): number {
    if (part.n === 0) return 0
    const { blocks } = part
    let count = 0
    for (let e = part.heads[bucketOf(k, part.tailBits)] ?? -1; e >= 0;) {
      const b = blocks[e >>> BLOCK_BITS] as Int32Array
      const at = (e & MASK) * 3
      if (b[at] === k) {
        if (count === cap) return -1
        if (count === found.length) {
          const bigger = new Int32Array(found.length * 2)
          bigger.set(found)
          found = bigger
        }
        found[count++] = b[at + 1] ?? 0
      }
      e = b[at + 2] ?? -1
    }
    return count
  }

  /**
   * Folds a partition's tail into new runs, with a bucket per `ENTRIES_PER_BUCKET` entries at
   * least. The tail's blocks are let go once sorted, before the new runs are allocated.
   */
  function merge(part: Part): void {
    if (part.n === 0) return
    const { runs } = part
    const total = runs.slots.length + part.n
    let bits = runs.bits
    while ((1 << bits) * ENTRIES_PER_BUCKET < total) bits++
    const tail = sortTail(part.blocks, part.n, bits)
    part.blocks = []
    part.n = 0
    rehashTail(part, MIN_BITS)
    part.runs = mergeRuns(runs, tail, bits, used)
  }

  const due = (part: Part): boolean =>
    part.n > TAIL_MIN && part.n > part.runs.slots.length / TAIL_SHARE

  return {
    /** Entries filed. */
    get size(): number {
      return parts.reduce((sum, p) => sum + p.runs.slots.length + p.n, 0)
    },
    /** Entries read by `gather` since the postings were made. */
    get read(): number {
      return read
    },
    /** Bytes held: the runs, and the tails' entry blocks (12 per entry) and bucket heads. */
    get bytes(): number {
      let held = 0
      for (const { runs, blocks, heads } of parts) {
        const { bucketStart, keys, keyStart, slots } = runs
        held += bucketStart.byteLength + keys.byteLength + keyStart.byteLength + slots.byteLength
        held += blocks.length * BLOCK * 12 + heads.byteLength
      }
      return held
    },
    /**
     * Files `slot` under every key (one call per asset: 32-bit keys passed one by one as
     * arguments cost 4× more at start, 100,000 assets and 4.5 M keys in 0.38 s against 0.1 s).
     * `slot` is greater than every slot filed before.
     */
    add(keys: ArrayLike<number>, slot: number): void {
      let merging = false
      for (let i = 0; i < keys.length; i++) {
        const key = (keys[i] ?? 0) | 0
        const h = mixHash(0, key)
        const part = parts[h >>> (32 - PART_BITS)] as Part
        const e = part.n
        if (e >= (1 << part.tailBits) * 2) rehashTail(part, part.tailBits + 1)
        if ((e & MASK) === 0 && part.blocks.length <= e >>> BLOCK_BITS)
          part.blocks.push(new Int32Array(BLOCK * 3))
        const b = part.blocks[e >>> BLOCK_BITS] as Int32Array
        const at = (e & MASK) * 3
        const head = (h << PART_BITS) >>> (32 - part.tailBits)
        b[at] = key
        b[at + 1] = slot
        b[at + 2] = part.heads[head] ?? -1
        part.heads[head] = e
        part.n = e + 1
        if (!merging && due(part)) merging = true
      }
      if (merging) for (const part of parts) if (due(part)) merge(part)
    },
    /** Merges the tails into the runs now (after a bulk load, so that start leaves no tail). */
    compact(): void {
      while (this.compactOne());
    },
    /**
     * Merges one partition's tail, the largest, into its runs; false when no tail was left (a
     * caller that must keep answering merges a quarter of the entries at a time).
     */
    compactOne(): boolean {
      const largest = parts.reduce((a, b) => (b.n > a.n ? b : a))
      if (largest.n === 0) return false
      merge(largest)
      return true
    },
    /**
     * Adds, for each slot filed under `key`, the key's weight (from its number of slots,
     * `weigh(n)`, > 0) to `weights[slot]`; slots first seen go into `touched`.
     * Does nothing and returns false when more than `cap` slots are filed under the key.
     */
    gather(key: number, cap: number, acc: Accumulator, weigh: (n: number) => number): boolean {
      const k = key | 0
      const part = parts[partOf(k)] as Part
      const { bits, bucketStart, keys, keyStart, slots } = part.runs
      const b = bucketOf(k, bits)
      let from = 0
      let end = 0
      for (let i = bucketStart[b] ?? 0, last = bucketStart[b + 1] ?? 0; i < last; i++) {
        if (keys[i] === k) {
          from = keyStart[i] ?? 0
          end = keyStart[i + 1] ?? 0
          break
        }
      }
      if (end - from > cap) return false
      const fresh = walkTail(part, k, cap - (end - from))
      if (fresh < 0) return false
      const count = fresh + end - from
      if (count === 0) return true
      read += count
      const w = weigh(count)
      const { weights, touched } = acc
      let at = acc.count ?? touched.length
      for (let i = 0; i < fresh; i++) {
        const slot = found[i] ?? 0
        const before = weights[slot] ?? 0
        if (before === 0) touched[at++] = slot
        weights[slot] = before + w
      }
      for (let i = from; i < end; i++) {
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
