import { mixHash } from './hash'
import { tokenize, type Tokens } from './tokenize'

/** Tokens per shingle: long enough that unrelated code rarely shares one, short enough for edits. */
export const SHINGLE_SIZE = 5
/** Winnowing window: every run of this many shingles contributes at least one index anchor. */
export const WINNOW_WINDOW = 5
/** Beyond this many distinct shingles a snippet keeps a consistent 1-in-m sample instead. */
export const MAX_SHINGLES = 768
const MAX_IDENTS = 64
const MAX_LITERALS = 48

/** Everything the engine needs to re-score a stored snippet without its text. */
export interface Sketch {
  /** 0: token shape (code), 1: literal tokens (prose, data and other repetitive shapes). */
  mode: number
  /** Non-blank lines of the normalised text. */
  lines: number
  /** Shingles kept are those with `hash % sampleMod === 0` (1 keeps all). */
  sampleMod: number
  /** Sorted distinct shingle hashes. */
  shingles: Uint32Array
  /** Sorted distinct winnowed shingle hashes: the keys of the inverted index. */
  anchors: Uint32Array
  /** Sorted distinct identifier hashes (bounded): breaks ties between equal shapes. */
  idents: Uint32Array
  /** Sorted distinct literal hashes (bounded): tells templated look-alikes from copies. */
  literals: Uint32Array
}

function shingleHashes(tokens: number[], seed: number): number[] {
  const out: number[] = []
  const last = Math.max(1, tokens.length - SHINGLE_SIZE + 1)
  for (let i = 0; i < last && i < tokens.length; i++) {
    let h = seed
    for (let j = i; j < i + SHINGLE_SIZE && j < tokens.length; j++) h = mixHash(h, tokens[j] ?? 0)
    out.push(h)
  }
  return out
}

function winnow(hashes: number[]): number[] {
  const out: number[] = []
  const windows = Math.max(1, hashes.length - WINNOW_WINDOW + 1)
  let prev = -1
  for (let i = 0; i < windows; i++) {
    let best = -1
    let min = Infinity
    for (let j = i; j < i + WINNOW_WINDOW && j < hashes.length; j++) {
      const h = hashes[j] ?? 0
      if (h <= min) {
        min = h
        best = j
      }
    }
    if (best !== prev && best >= 0) out.push(min)
    prev = best
  }
  return out
}

/** Sorted, de-duplicated copy as a Uint32Array. */
export function sortedSet(values: Iterable<number>, filter?: (h: number) => boolean): Uint32Array {
  const arr = Uint32Array.from(filter ? [...values].filter(filter) : values).sort()
  let n = 0
  for (let i = 0; i < arr.length; i++) if (i === 0 || arr[i] !== arr[n - 1]) arr[n++] = arr[i] ?? 0
  return arr.slice(0, n)
}

/**
 * Whether the token shape is too uniform to tell snippets apart: prose (few punctuation marks
 * among the code tokens) or lists (few distinct shingles). Comment-only text is not: its words
 * are kept literally.
 */
function shapeIsDegenerate(tokens: Tokens): boolean {
  if (tokens.codeTokens === 0) return tokens.shape.length === 0
  if (tokens.punctuation / tokens.codeTokens < 0.12) return true
  const shingles = shingleHashes(tokens.shape, 0)
  return new Set(shingles).size / shingles.length < 0.5
}

/** Computes the sketch of a (normalised) snippet, in its natural mode unless one is forced. */
export function sketchOf(normalized: string, forceMode?: number): Sketch {
  return sketchFromTokens(normalized, tokenize(normalized), forceMode)
}

/**
 * The sketches to query with: the natural one first, then the other mode, since a part or an
 * edit of a list can fall on the other side of the degeneracy test than the stored whole.
 */
export function querySketches(normalized: string): Sketch[] {
  const tokens = tokenize(normalized)
  const natural = sketchFromTokens(normalized, tokens)
  return [natural, sketchFromTokens(normalized, tokens, 1 - natural.mode)]
}

function sketchFromTokens(normalized: string, tokens: Tokens, forceMode?: number): Sketch {
  const mode = forceMode ?? (shapeIsDegenerate(tokens) ? 1 : 0)
  const stream = mode === 0 ? tokens.shape : tokens.raw
  const hashes = stream.length === 0 ? [] : shingleHashes(stream, 0x9747b28c + mode)
  let all = sortedSet(hashes)
  let sampleMod = 1
  while (all.length > MAX_SHINGLES) {
    sampleMod *= 2
    const mod = sampleMod
    all = all.filter((h) => h % mod === 0)
  }
  const mod = sampleMod
  const anchors = sortedSet(winnow(hashes), mod === 1 ? undefined : (h) => h % mod === 0)
  const idents = sortedSet(tokens.idents).slice(0, MAX_IDENTS)
  const literals = sortedSet(tokens.literals).slice(0, MAX_LITERALS)
  let lines = 0
  for (const line of normalized.split('\n')) if (line.trim() !== '') lines++
  return { mode, lines, sampleMod, shingles: all, anchors, idents, literals }
}

const MAGIC = 0x434c5702 // "CLW" + format version 2
const HEADER = 8

/** Serialises a sketch for storage (u32 words, platform byte order: little-endian everywhere we run). */
export function encodeSketch(s: Sketch): Uint8Array {
  const parts = [s.shingles, s.anchors, s.idents, s.literals]
  const header = [MAGIC, s.mode, s.lines, s.sampleMod, ...parts.map((p) => p.length)]
  const words = new Uint32Array(HEADER + parts.reduce((n, p) => n + p.length, 0))
  words.set(header)
  let at = HEADER
  for (const part of parts) {
    words.set(part, at)
    at += part.length
  }
  return new Uint8Array(words.buffer)
}

/** Reads a stored sketch; undefined when the bytes are not a sketch of this format. */
export function decodeSketch(data: Uint8Array): Sketch | undefined {
  if (data.byteLength < HEADER * 4 || data.byteLength % 4 !== 0) return undefined
  // Copy: a BLOB from SQLite may be a view into a larger pooled buffer we must not pin.
  const w = new Uint32Array(data.byteLength / 4)
  new Uint8Array(w.buffer).set(data)
  const [magic, mode = 0, lines = 0, sampleMod = 1, ns = 0, na = 0, ni = 0, nl = 0] = w
  if (magic !== MAGIC || HEADER + ns + na + ni + nl !== w.length) return undefined
  let at = HEADER
  const take = (n: number): Uint32Array => w.subarray(at, (at += n))
  return {
    mode,
    lines,
    sampleMod,
    shingles: take(ns),
    anchors: take(na),
    idents: take(ni),
    literals: take(nl),
  }
}
