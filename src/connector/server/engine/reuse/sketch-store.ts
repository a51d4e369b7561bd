import type { Sketch } from './sketch'

const HEADER = 8

/** Every stored sketch in one growing u16 pool (one small typed array per asset costs ~4× more). */
export function createSketchStore() {
  let pool = new Uint16Array(1 << 16)
  let used = 0
  /** Offset of each slot's record plus one; 0 when the slot holds nothing. */
  let offsets = new Uint32Array(1024)

  return {
    put(slot: number, s: Sketch): void {
      const parts = [s.shape, s.raw, s.idents, s.literals, s.tokens]
      const size = HEADER + parts.reduce((n, p) => n + p.length, 0)
      if (used + size > pool.length) {
        const bigger = new Uint16Array(Math.max(used + size, Math.ceil(pool.length * 1.5)))
        bigger.set(pool.subarray(0, used))
        pool = bigger
      }
      if (slot >= offsets.length) {
        const bigger = new Uint32Array(Math.max(slot + 1, offsets.length * 2))
        bigger.set(offsets)
        offsets = bigger
      }
      offsets[slot] = used + 1
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
    /** The stored sketch as views into the pool (valid until the next `put`). */
    get(slot: number): Sketch | undefined {
      const start = (offsets[slot] ?? 0) - 1
      if (start < 0) return undefined
      const [degenerate = 0, lines = 0, sampleMod = 1, ns = 0, nr = 0, ni = 0, nl = 0, nt = 0] =
        pool.subarray(start, start + HEADER)
      let at = start + HEADER
      const take = (n: number): Uint16Array => pool.subarray(at, (at += n))
      const sketch = { degenerate, lines, sampleMod, shape: take(ns), raw: take(nr) }
      return { ...sketch, idents: take(ni), literals: take(nl), tokens: take(nt) }
    },
  }
}
