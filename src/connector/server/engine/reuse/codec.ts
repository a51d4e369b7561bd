import type { Sketch } from './sketch'

// "CLW" + format version 5 (5: every snippet is filed under its literal anchors too)
const MAGIC = [0x434c, 0x5705]
const HEADER = 11

/** A stored sketch with the index keys it was filed under. */
export interface StoredSketch extends Sketch {
  anchors: Uint32Array
}

/** Serialises a sketch for storage (u16 words, platform byte order: little-endian everywhere we run). */
export function encodeSketch(s: StoredSketch): Uint8Array {
  const anchors = new Uint16Array(s.anchors.buffer, s.anchors.byteOffset, s.anchors.length * 2)
  const parts = [s.shape, s.raw, s.idents, s.literals, s.tokens, anchors]
  const header = [...MAGIC, s.degenerate, Math.min(s.lines, 0xffff), s.sampleMod]
  const words = new Uint16Array(HEADER + parts.reduce((n, p) => n + p.length, 0))
  words.set([...header, ...parts.map((p) => p.length)])
  let at = HEADER
  for (const part of parts) {
    words.set(part, at)
    at += part.length
  }
  return new Uint8Array(words.buffer)
}

/** Reads a stored sketch; undefined when the bytes are not a sketch of this format. */
export function decodeSketch(data: Uint8Array): StoredSketch | undefined {
  if (data.byteLength < HEADER * 2 || data.byteLength % 2 !== 0) return undefined
  // Copy: a BLOB from SQLite may be a view into a larger pooled buffer we must not pin.
  const w = new Uint16Array(data.byteLength / 2)
  new Uint8Array(w.buffer).set(data)
  const [m0, m1, degenerate = 0, lines = 0, sampleMod = 1, ...counts] = w.subarray(0, HEADER)
  const [ns = 0, nr = 0, ni = 0, nl = 0, nt = 0, na = 0] = counts
  if (m0 !== MAGIC[0] || m1 !== MAGIC[1] || HEADER + ns + nr + ni + nl + nt + na !== w.length)
    return undefined
  let at = HEADER
  const take = (n: number): Uint16Array => w.slice(at, (at += n))
  const sketch = { degenerate, lines, sampleMod, shape: take(ns), raw: take(nr) }
  return {
    ...sketch,
    idents: take(ni),
    literals: take(nl),
    tokens: take(nt),
    anchors: new Uint32Array(take(na).buffer),
  }
}

/** Whether stored bytes are a sketch of the current format (older ones only match exactly). */
export function isCurrentSketch(data: Uint8Array): boolean {
  return decodeSketch(data) !== undefined
}
