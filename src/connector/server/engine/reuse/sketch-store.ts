import { mixHash } from './hash'
import { sketchParts as partsOf, type Sketch } from './sketch'

/** A record's header: 4 scalars, then the lengths of its 8 parts (from `LENGTHS` on). */
const HEADER = 12
const LENGTHS = 4
/** Words per pool block: records are appended to fixed blocks that are never copied on growth. */
const BLOCK_BITS = 20
const BLOCK = 1 << BLOCK_BITS

/** Every stored sketch in u16 pool blocks (one small typed array per asset costs ~4× more). */
export function createSketchStore() {
  const blocks: Uint16Array[] = []
  let pool = new Uint16Array(0)
  let used = 0
  /** Block index << `BLOCK_BITS` | start of each slot's record, plus one; 0 when none. */
  let offsets = new Uint32Array(1024)

  const grow = (slots: number): void => {
    if (slots <= offsets.length) return
    const bigger = new Uint32Array(Math.max(slots, offsets.length * 2))
    bigger.set(offsets)
    offsets = bigger
  }

  return {
    /** Bytes held: the pool blocks (the last one partly filled) and the slot offsets. */
    get bytes(): number {
      return blocks.reduce((n, b) => n + b.byteLength, 0) + offsets.byteLength
    },
    put(slot: number, s: Sketch): void {
      const parts = partsOf(s)
      const size = parts.reduce((n, part) => n + part.length, HEADER)
      if (used + size > pool.length) {
        pool = new Uint16Array(Math.max(BLOCK, size))
        blocks.push(pool)
        used = 0
      }
      grow(slot + 1)
      offsets[slot] = (((blocks.length - 1) << BLOCK_BITS) | used) + 1
      const p = pool
      p[used] = s.degenerate
      p[used + 1] = s.lines
      p[used + 2] = s.sampleMod
      p[used + 3] = s.commentShare
      parts.forEach((part, i) => (p[used + LENGTHS + i] = part.length))
      let at = used + HEADER
      for (const part of parts) {
        p.set(part, at)
        at += part.length
      }
      used = at
    },
    drop(slot: number): void {
      if (slot < offsets.length) offsets[slot] = 0
    },
    /** The stored sketch as views into the pool. */
    get(slot: number): Sketch | undefined {
      const at0 = (offsets[slot] ?? 0) - 1
      if (at0 < 0) return undefined
      const block = blocks[at0 >>> BLOCK_BITS] as Uint16Array
      const start = at0 & (BLOCK - 1)
      let at = start + HEADER
      let part = start + LENGTHS
      // One object and the 8 part views, read straight from the block: a query reads up to a
      // few hundred candidates, and a header view, its destructuring and two spread objects
      // per candidate were as many allocations again.
      const take = (): Uint16Array => block.subarray(at, (at += block[part++] ?? 0))
      return {
        degenerate: block[start] ?? 0,
        lines: block[start + 1] ?? 0,
        sampleMod: block[start + 2] ?? 1,
        commentShare: block[start + 3] ?? 0,
        shape: take(),
        raw: take(),
        idents: take(),
        literals: take(),
        tokens: take(),
        kinds: take(),
        notes: take(),
        codeLines: take(),
      }
    },
    /** Whether the slot holds this sketch, word for word (then they score the same). */
    holds(slot: number, s: Sketch): boolean {
      const at0 = (offsets[slot] ?? 0) - 1
      if (at0 < 0) return false
      const block = blocks[at0 >>> BLOCK_BITS] as Uint16Array
      const start = at0 & (BLOCK - 1)
      const head = [s.degenerate, s.lines, s.sampleMod, s.commentShare]
      for (let i = 0; i < LENGTHS; i++) if (block[start + i] !== head[i]) return false
      let at = start + HEADER
      let part = start + LENGTHS
      for (const p of partsOf(s)) {
        if (block[part++] !== p.length) return false
        for (let i = 0; i < p.length; i++) if (block[at + i] !== p[i]) return false
        at += p.length
      }
      return true
    },
    /**
     * A 32-bit hash of the slot's shape shingles (0 when none): renamed variants of one snippet
     * hash equal. Asked of a query's strong matches only, so read through `get`.
     */
    shapeDigest(slot: number): number {
      const shape = this.get(slot)?.shape
      if (!shape) return 0
      let h = 0x811c9dc5
      for (const v of shape) h = mixHash(h, v)
      return h || 1
    },
  }
}
