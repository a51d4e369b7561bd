import type { Accumulator, createPostings } from './postings'

/**
 * With fewer candidates than this, the common anchors skipped are counted too (capped ×10): a
 * snippet of pure boilerplate shares only those with its copies. Before every shingle was looked
 * up it was worth 0.981 vs 0.962 recall at 100,000 assets; then the bench recall was 1.000 with
 * or without it, and it stays as a cheap safety (it runs only when candidates are few). Those
 * figures predate the renamed-copy reading of the scores: the bench's pairs at >= 0.7 went from
 * 106 to 546 and its recall to 0.921 (`bench/connector-recall.ts` places each miss).
 */
export const FALLBACK_BELOW = 16

/**
 * The query's shingles that are not its anchors are looked up with the cap divided by this:
 * they are there to meet the rare anchors of a copy's original that the query's own winnowing
 * missed. Measured at 100,000 assets: match median 1.22 ms with 1, 1.00 with 8 (recall 1.000),
 * 0.94 with 1,000 (recall 0.981).
 */
export const MORE_CAP_DIVISOR = 8

/** What a search is over. */
export interface FindOptions {
  /** Anchors filed under more slots than this are skipped (unless too few candidates). */
  cap: number
  /** Slots in the index (dead ones included). */
  slots: number
  /** Distinct texts filed, for the rarity of an anchor (default `slots`). */
  population?: number
  /**
   * How many assets a slot stands for (default 1): copies of one text are filed once, under
   * their group's head, and `max` counts assets, as a query's answer does.
   */
  copies?: (slot: number) => number
  /** Candidates returned at most. */
  max: number
  /** Whether a slot still holds an asset. */
  live(slot: number): boolean
  /**
   * No slot was ever removed (`live` is true of all): the tallied slots are kept without asking
   * it of each (at 1,000,000 snippets a query tallies ~100,000 slots, and asking was a tenth of
   * a /suggestion's CPU time in the team bench's profile).
   */
  allLive?: boolean
  /** Count the common anchors too (cap ×10), whatever the number of candidates. */
  deep?: boolean
  /** Slots not to return (already scored by an earlier pass). */
  seen?: ReadonlySet<number>
  /** How far a slot's anchor count is from the query's: breaks ties of weight, nearest first. */
  distance?: (slot: number) => number
}

/** Candidates, and how many of the query's anchors were over the cap and skipped. */
export interface Found {
  slots: number[]
  skipped: number
}

/**
 * Candidate selection: sums, per slot, the rarity of the anchors it shares with the query
 * (anchors filed under more than `cap` slots skipped), and keeps the heaviest. Rarity rather
 * than a plain count: in generated-code families hundreds of assets share the common anchors.
 */
export function createCandidateFinder(postings: ReturnType<typeof createPostings>) {
  let weights = new Float32Array(1024)
  // Both reused by every query, never shrunk: a query touches up to tens of thousands of slots,
  // and fresh arrays for them (grown push by push, then copied by a filter) were ~40% of what a
  // /suggestion allocated at 100,000 assets, so of its young-generation collections.
  const touched: number[] = []
  let found = new Int32Array(1024)

  /** The live ones of the first `n` touched slots, into `found`; returns how many. */
  const keepLive = (n: number, live: ((slot: number) => boolean) | undefined): number => {
    if (found.length < n) found = new Int32Array(Math.max(n, found.length * 2))
    if (!live) {
      for (let i = 0; i < n; i++) found[i] = touched[i] ?? 0
      return n
    }
    let kept = 0
    for (let i = 0; i < n; i++) {
      const s = touched[i] ?? 0
      if (live(s)) found[kept++] = s
    }
    return kept
  }

  /** Assets the first `n` of `found` stand for. */
  const assetsIn = (n: number, copies: ((slot: number) => number) | undefined): number => {
    if (!copies) return n
    let sum = 0
    for (let i = 0; i < n; i++) sum += copies(found[i] ?? 0)
    return sum
  }

  /**
   * The last search's tallies, kept until the next one: a deep search of the same query (same
   * shingle arrays, same index) goes on from them, gathering only the anchors that search skipped
   * instead of reading every posting again (the same sums in the same order, so the same answers).
   */
  let last: {
    anchors: Uint32Array
    more: Uint32Array
    cap: number
    slots: number
    count: number
    skipped: number[]
    /** Whether the skipped anchors are in the tallies already (a deep or fallback count). */
    deep: boolean
  } | null = null
  const forget = (): void => {
    if (!last) return
    for (let i = 0; i < last.count; i++) weights[touched[i] ?? 0] = 0
    last = null
  }

  return {
    /** Live slots sharing `anchors` or `more` shingles, heaviest first, at most `max`. */
    find(anchors: Uint32Array, more: Uint32Array, opts: FindOptions): Found {
      const { cap, slots, max, seen } = opts
      const live = seen
        ? (s: number) => opts.live(s) && !seen.has(s)
        : opts.allLive
          ? undefined
          : opts.live
      // Inverse document frequency: an anchor of 1 asset in 100,000 weighs 11.5, of 1,000 4.6
      // (`n` <= slots: a slot is filed once under a key, so every weight is > 0).
      const all = Math.log((opts.population ?? slots) + 1)
      const weigh = (n: number): number => all - Math.log(n)
      const goOn =
        opts.deep === true &&
        last !== null &&
        last.anchors === anchors &&
        last.more === more &&
        last.cap === cap &&
        last.slots === slots
      if (!goOn) forget()
      if (weights.length < slots) weights = new Float32Array(Math.max(slots, weights.length * 2))
      const acc: Accumulator = { weights, touched, count: last?.count ?? 0 }
      let skipped: number[]
      let deep: boolean
      let kept: number
      if (last && goOn) {
        skipped = last.skipped
        deep = last.deep
      } else {
        skipped = []
        for (const anchor of anchors)
          if (!postings.gather(anchor, cap, acc, weigh)) skipped.push(anchor)
        const moreCap = Math.max(1, Math.floor(cap / MORE_CAP_DIVISOR))
        for (const shingle of more) postings.gather(shingle, moreCap, acc, weigh)
        deep = false
      }
      kept = keepLive(acc.count ?? 0, live)
      // Boilerplate-heavy snippets may share only common anchors with their copies: count those.
      const few = kept < FALLBACK_BELOW && assetsIn(kept, opts.copies) < FALLBACK_BELOW
      if (!deep && skipped.length > 0 && (opts.deep || few)) {
        for (const anchor of skipped) postings.gather(anchor, cap * 10, acc, weigh)
        kept = keepLive(acc.count ?? 0, live)
        deep = true
      }
      last = { anchors, more, cap, slots, count: acc.count ?? 0, skipped, deep }
      return {
        slots: top(found, kept, weights, max, opts.distance, opts.copies),
        skipped: skipped.length,
      }
    },
  }
}

/**
 * Past the `max` heaviest, candidates are returned up to `max` × this while they weigh at least
 * `EXTEND_SHARE` of the heaviest, or as much as the `max`-th (a tie cut in two). Families of
 * look-alikes (Python's codec modules, jsdom's wrappers, windows of one file) share near-equal
 * anchors with a copy, so their order by weight says little about their order by similarity, and
 * the best of them lay past the budget. Connector bench, 100,000 assets, tuned on seeds 4242 and
 * 777: recall@0.7 0.965 → 0.992 and 0.939 → 0.971 with 3 (4: 0.998, 0.971; 2: 0.984, 0.969), the
 * match CPU median 0.66 → 0.78 ms, p99 3.1-3.9 → 5.1-5.4 ms (fastest of 5 rounds).
 */
export const EXTEND_TIMES = 3
/** See `EXTEND_TIMES`: 0.5 and 0.6 gave the same recall at 4 times the budget. */
export const EXTEND_SHARE = 0.5

/**
 * The `max` heaviest slots, heaviest first, then those past them that `EXTEND_TIMES` lets in;
 * among equally heavy ones the nearest in size first (then in the order first seen). Equal
 * weights are common: the windows of one file that contain a copied span all share every anchor
 * of the copy, and where a library holds two copies of a package there were more of them than
 * candidates, so the copy's own original, the one of its size, could be cut (connector bench
 * queries, recall@0.7 in-process at 100,000 assets: 0.981 → 0.984).
 */
function top(
  slots: Int32Array,
  count: number,
  weights: Float32Array,
  max: number,
  distance?: (slot: number) => number,
  copies?: (slot: number) => number,
): number[] {
  const most = Math.min(count, max * EXTEND_TIMES)
  const cut = count > most ? nthHeaviest(slots, count, weights, most) : 0
  const keep: number[] = []
  for (let i = 0; i < count; i++) {
    const s = slots[i] ?? 0
    if ((weights[s] ?? 0) >= cut) keep.push(s)
  }
  keep.sort(
    (a, b) => (weights[b] ?? 0) - (weights[a] ?? 0) || (distance?.(a) ?? 0) - (distance?.(b) ?? 0),
  )
  // Counted in assets: a slot heading a group of copies stands for each of them.
  const assetsOf = (i: number): number => copies?.(keep[i] ?? 0) ?? 1
  let end = 0
  let assets = 0
  while (end < keep.length && assets < max) assets += assetsOf(end++)
  if (end === keep.length) return keep
  const weightAt = (i: number): number => weights[keep[i] ?? 0] ?? 0
  const floor = Math.min(weightAt(0) * EXTEND_SHARE, weightAt(end - 1))
  while (end < keep.length && assets < most && weightAt(end) >= floor) assets += assetsOf(end++)
  return keep.slice(0, end)
}

let heap = new Float32Array(64)

/**
 * The `max`-th largest weight of the first `count` of `slots` (`count` > `max`), through a min-heap of the
 * `max` largest: a query touching 10,000 slots at 100,000 assets spent 1-2 ms sorting all of
 * their weights to find the cut, against well under 0.1 ms this way.
 */
function nthHeaviest(slots: Int32Array, count: number, weights: Float32Array, max: number): number {
  if (heap.length < max) heap = new Float32Array(max)
  for (let i = 0; i < max; i++) heap[i] = weights[slots[i] ?? 0] ?? 0
  for (let i = (max >> 1) - 1; i >= 0; i--) siftDown(i, max)
  for (let i = max; i < count; i++) {
    const w = weights[slots[i] ?? 0] ?? 0
    if (w > (heap[0] ?? 0)) {
      heap[0] = w
      siftDown(0, max)
    }
  }
  return heap[0] ?? 0
}

function siftDown(from: number, size: number): void {
  let at = from
  const value = heap[at] ?? 0
  for (;;) {
    let child = 2 * at + 1
    if (child >= size) break
    if (child + 1 < size && (heap[child + 1] ?? 0) < (heap[child] ?? 0)) child++
    if ((heap[child] ?? 0) >= value) break
    heap[at] = heap[child] ?? 0
    at = child
  }
  heap[at] = value
}
