import type { Sketch } from './sketch'

const HEADER = 8
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

  return {
    put(slot: number, s: Sketch): void {
      const parts = [s.shape, s.raw, s.idents, s.literals, s.tokens]
      const size = HEADER + parts.reduce((n, p) => n + p.length, 0)
      if (used + size > pool.length) {
        pool = new Uint16Array(Math.max(BLOCK, size))
        blocks.push(pool)
        used = 0
      }
      if (slot >= offsets.length) {
        const bigger = new Uint32Array(Math.max(slot + 1, offsets.length * 2))
        bigger.set(offsets)
        offsets = bigger
      }
      offsets[slot] = (((blocks.length - 1) << BLOCK_BITS) | used) + 1
      pool.set([s.degenerate, s.lines, s.sampleMod, ...parts.map((p) => p.length)], used)
      let at = used + HEADER
      for (const part of parts) {
        pool.set(part, at)
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
      const [degenerate = 0, lines = 0, sampleMod = 1, ns = 0, nr = 0, ni = 0, nl = 0, nt = 0] =
        block.subarray(start, start + HEADER)
      let at = start + HEADER
      const take = (n: number): Uint16Array => block.subarray(at, (at += n))
      const sketch = { degenerate, lines, sampleMod, shape: take(ns), raw: take(nr) }
      return { ...sketch, idents: take(ni), literals: take(nl), tokens: take(nt) }
    },
  }
}
