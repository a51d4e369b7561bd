import { sketchParts, type Sketch } from './sketch'

// "CLW" + format version 13 (5: every snippet is filed under its literal anchors too; 6: comments
// apart from the code, token kinds for the renaming check; 7: Rust lifetimes are not strings, so
// a sketch of Rust code changed; 8: the code lines, for the line reading; 9: a `#` after a name
// and a part cut inside a block comment are read anew, so C and shell sketches changed; 10: a
// snippet starting with a dereference `*b = …` is code, not a comment; 11: a snippet of at most
// 12 literal shingles files all of them as anchors, so a part of a short one finds it; 12: C's
// indented directives are code and its `self` a name, a Swift interpolation runs to its closing
// parenthesis, so C and Swift sketches changed; 13: a snake_case word in a comment is split at its
// underscores, a `#` before `:`, `=`, `+` or `-` starts a comment (Ruby's `#:nodoc:`, `#=> 3`),
// and C's indented directives are code lines, so commented and C sketches changed: older ones
// are recomputed on load)
const MAGIC = [0x434c, 0x570d] as const
/** Magic (2), degenerate, lines, sampleMod, commentShare, then the length of each of 9 parts. */
const HEADER = 15
const FIRST_LENGTH = 6

/** A stored sketch with the index keys it was filed under. */
export interface StoredSketch extends Sketch {
  anchors: Uint32Array
}

/** Serialises a sketch for storage (u16 words, platform byte order: little-endian everywhere we run). */
export function encodeSketch(s: StoredSketch): Uint8Array {
  const anchors = new Uint16Array(s.anchors.buffer, s.anchors.byteOffset, s.anchors.length * 2)
  const parts = [...sketchParts(s), anchors]
  const header = [...MAGIC, s.degenerate, Math.min(s.lines, 0xffff), s.sampleMod, s.commentShare]
  const words = new Uint16Array(HEADER + parts.reduce((n, p) => n + p.length, 0))
  words.set([...header, ...parts.map((p) => p.length)])
  let at = HEADER
  for (const part of parts) {
    words.set(part, at)
    at += part.length
  }
  return new Uint8Array(words.buffer)
}

/** The bytes as u16 words: a view when aligned (SQLite BLOBs are), else a copy. */
function wordsOf(data: Uint8Array): Uint16Array {
  if (data.byteOffset % 2 === 0)
    return new Uint16Array(data.buffer, data.byteOffset, data.length / 2)
  const w = new Uint16Array(data.byteLength / 2)
  new Uint8Array(w.buffer).set(data)
  return w
}

/** The words of a sketch of the current format, or undefined (checks the header only). */
function checked(data: Uint8Array): Uint16Array | undefined {
  if (data.byteLength < HEADER * 2 || data.byteLength % 2 !== 0) return undefined
  const w = wordsOf(data)
  let size = HEADER
  for (let i = FIRST_LENGTH; i < HEADER; i++) size += w[i] ?? 0
  const ok =
    w[0] === MAGIC[0] && w[1] === MAGIC[1] && size === w.length && (w[HEADER - 1] ?? 0) % 2 === 0
  return ok ? w : undefined
}

/**
 * Reads a stored sketch; undefined when the bytes are not a sketch of this format. The parts are
 * views into `data` (no copy: at start 100,000 decoded sketches cost 176 ms of copying), so the
 * result must not outlive the call that uses it: the index copies what it keeps.
 */
export function decodeSketch(data: Uint8Array): StoredSketch | undefined {
  const w = checked(data)
  if (!w) return undefined
  let at = HEADER
  const take = (count: number | undefined): Uint16Array => w.subarray(at, (at += count ?? 0))
  return {
    degenerate: w[2] ?? 0,
    lines: w[3] ?? 0,
    sampleMod: w[4] ?? 1,
    commentShare: w[5] ?? 0,
    shape: take(w[6]),
    raw: take(w[7]),
    idents: take(w[8]),
    literals: take(w[9]),
    tokens: take(w[10]),
    kinds: take(w[11]),
    notes: take(w[12]),
    codeLines: take(w[13]),
    anchors: anchorsOf(take(w[14])),
  }
}

/** u16 word pairs as u32 values: a view when aligned, else a copy. */
function anchorsOf(words: Uint16Array): Uint32Array {
  if (words.byteOffset % 4 === 0)
    return new Uint32Array(words.buffer, words.byteOffset, words.length / 2)
  return new Uint32Array(words.slice().buffer)
}

/** Whether stored bytes are a sketch of the current format (older ones only match exactly). */
export function isCurrentSketch(data: Uint8Array): boolean {
  return checked(data) !== undefined
}
