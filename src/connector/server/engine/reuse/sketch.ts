import { hashString, mixHash } from './hash'
import { MAX_RENAME_TOKENS } from './align'
import { DIRECTIVE_HASH, IDENT, isPreprocessed, tokenize, type Tokens } from './tokenize'

/**
 * Tokens per shape shingle. Names are numbered within the shingle (first, second… distinct name),
 * so a consistent rename keeps every shingle, a part keeps its inner shingles and an edit only
 * touches the shingles around it. Measured on `bench/quality.ts`: 7 separates unrelated code of
 * the same ecosystem better than 5 (98th percentile of the best unrelated match 0.68 vs 0.70)
 * at no cost for renamed copies.
 */
export const SHAPE_SHINGLE = 7
/** Tokens per literal shingle: short, so an edit costs few shingles; names keep them specific. */
export const RAW_SHINGLE = 3
/** Winnowing window: every run of this many shingles contributes at least one index anchor. */
export const WINNOW_WINDOW = 5
/**
 * A snippet of at most this many literal shingles files all of them as anchors: a part of it
 * (five import lines) holds a few shingles, which winnowing the whole may not have picked.
 */
export const SMALL_SHINGLES = 12
/** Beyond this many distinct shingles (of either kind) a snippet keeps a 1-in-m sample. */
export const MAX_SHINGLES = 512
const MAX_IDENTS = 64
const MAX_LITERALS = 48

/** Everything the engine needs to re-score a stored snippet without its text. */
export interface Sketch {
  /** 1 when the token shape says nothing (prose), `REPETITIVE` for lists, else 0. */
  degenerate: number
  /** Non-blank lines of the normalised text. */
  lines: number
  /** Shingles kept are those whose stored 16 bits are 0 mod `sampleMod` (1 keeps all). */
  sampleMod: number
  // Sets hold the top 16 bits of 32-bit hashes (sorted, distinct): half the memory, and at a few
  // hundred elements per set a chance collision moves a similarity by well under 1%.
  /** Shape shingles (rename-invariant). */
  shape: Uint16Array
  /** Literal shingles (names and literals as written). */
  raw: Uint16Array
  /** Identifiers (bounded): edits keep most names. */
  idents: Uint16Array
  /** String and number literals (bounded): renames keep every literal. */
  literals: Uint16Array
  /** Literal token sequence (top 16 bits), for alignment; empty beyond `MAX_RENAME_TOKENS`. */
  tokens: Uint16Array
  /** `KIND` of each of `tokens`, 2 bits a token, 8 to a word (names, strings, numbers, other). */
  kinds: Uint16Array
  /** Comment word shingles: comments are compared as text, apart from the code. */
  notes: Uint16Array
  /** Share of the snippet's tokens that are comment words, in thousandths. */
  commentShare: number
  /**
   * Hashes (top 16 bits) of the code lines, in order, normalised (comments and spacing left
   * out): the line reading of `similarity.ts`. Empty beyond `MAX_CODE_LINES`.
   */
  codeLines: Uint16Array
}

/** Snippets of more code lines than this keep none: their shingles are robust to a few edits. */
export const MAX_CODE_LINES = 128

/** A sketch's arrays in the order a stored record holds them (the pool's and the codec's). */
export const sketchParts = (s: Sketch): Uint16Array[] => [
  s.shape,
  s.raw,
  s.idents,
  s.literals,
  s.tokens,
  s.kinds,
  s.notes,
  s.codeLines,
]
const LINE_SEED = 0x5bd1e995
// Comments on a line: a block comment, a continued one (` * …`, ` */`), `//`, `# ` and `-- `.
const lineComments = (hash: string): RegExp =>
  new RegExp(
    String.raw`\/\*.*?(?:\*\/|$)|^\*(?:\s.*|\/.*)?$|(?:^|\s)(?:\/\/|${hash}(?=\s|$)|--\s).*$`,
    'g',
  )
const LINE_COMMENTS = lineComments('#')
/**
 * In C preprocessor text a `#` and spaces before a directive (`#  define X 1`, `# include "x.h"`,
 * indented inside an `#if`) are code, as the tokenizer reads them: read as a comment, the line
 * was left out, and two headers that differ only in such lines read as the same lines.
 */
const C_LINE_COMMENTS = lineComments(DIRECTIVE_HASH)
/** The spaces between a directive's `#` and its name: `#  define` and `#define` are one line. */
const DIRECTIVE_SPACE = /^#[ \t]+(?=[a-z])/

/**
 * Each line's code, normalised (trimmed, runs of spaces as one), as hashes in order; lines
 * with no letter or digit or under 4 characters (`}`, `);`, `fi`) are left out: every snippet
 * has them.
 */
export function codeLinesOf(normalized: string): Uint16Array {
  const out: number[] = []
  const c = isPreprocessed(normalized)
  const comments = c ? C_LINE_COMMENTS : LINE_COMMENTS
  for (const line of normalized.split('\n')) {
    let code = line.trim().replace(comments, '').trim().replace(/\s+/g, ' ')
    if (c) code = code.replace(DIRECTIVE_SPACE, '#')
    if (code.length >= 4 && /[A-Za-z0-9]/.test(code)) out.push(hashString(code, LINE_SEED) >>> 16)
  }
  return out.length > MAX_CODE_LINES ? new Uint16Array(0) : Uint16Array.from(out)
}

const SHAPE_SEED = 0x9747b28c
const RAW_SEED = 0x2c1b3c6d
const NOTE_SEED = 0x1b873593
const MAX_NOTES = 128

function shapeShingles(t: Tokens): number[] {
  const out: number[] = []
  const n = t.shape.length
  const local: number[] = []
  for (let i = 0; i === 0 || i + SHAPE_SHINGLE <= n; i++) {
    let h = SHAPE_SEED
    local.length = 0
    for (let j = i; j < i + SHAPE_SHINGLE && j < n; j++) {
      let v = t.shape[j] ?? 0
      if (v === IDENT) {
        const name = t.raw[j] ?? 0
        let k = local.indexOf(name)
        if (k < 0) k = local.push(name) - 1
        v = IDENT + k + 1
      }
      h = mixHash(h, v)
    }
    if (n > 0) out.push(h)
  }
  return out
}

function rawShingles(tokens: number[], seed = RAW_SEED): number[] {
  const out: number[] = []
  const n = tokens.length
  for (let i = 0; i === 0 || i + RAW_SHINGLE <= n; i++) {
    let h = seed
    for (let j = i; j < i + RAW_SHINGLE && j < n; j++) h = mixHash(h, tokens[j] ?? 0)
    if (n > 0) out.push(h)
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

/** Sorted distinct top 16 bits of the (filtered) hashes, at most `max` of them. */
function set16(values: Iterable<number>, filter?: (h: number) => boolean, max = Infinity) {
  const all = [...values]
  const arr = Uint16Array.from(filter ? all.filter(filter) : all, (h) => h >>> 16).sort()
  let n = 0
  for (let i = 0; i < arr.length; i++) if (i === 0 || arr[i] !== arr[n - 1]) arr[n++] = arr[i] ?? 0
  return arr.slice(0, Math.min(n, max))
}

/**
 * Whether the token shape is too uniform to tell snippets apart: prose (few punctuation marks
 * among the code tokens) or lists (few distinct shingles). Comment-only text is: its words are
 * compared literally.
 */
/** Packs 2-bit kinds, 8 to a u16 word. */
export function packKinds(kinds: ArrayLike<number>): Uint16Array {
  const out = new Uint16Array(Math.ceil(kinds.length / 8))
  for (let i = 0; i < kinds.length; i++)
    out[i >> 3] = (out[i >> 3] ?? 0) | ((kinds[i] ?? 0) << ((i & 7) * 2))
  return out
}

/** The kind of token `i` of a packed array. */
export const kindAt = (packed: ArrayLike<number>, i: number): number =>
  ((packed[i >> 3] ?? 0) >> ((i & 7) * 2)) & 3

function shapeIsDegenerate(tokens: Tokens, shingles: number[]): number {
  if (tokens.codeTokens === 0) return 1
  if (tokens.punctuation / tokens.codeTokens < 0.12) return 1
  return new Set(shingles).size / shingles.length < 0.5 ? REPETITIVE : 0
}

/** `degenerate` value of a list-like shape: compared by shape only where its literals agree. */
export const REPETITIVE = 2

/** A sketch with its index keys. */
export interface QuerySketch extends Sketch {
  /**
   * Winnowed shingle hashes of both kinds: what the index files the snippet under. Shape anchors
   * alone missed copies in generated-code families (Babel getters, `assert("X", node, opts)`),
   * whose every shape anchor is shared by over 1% of the library and so never looked up; their
   * literal anchors are rare (bench recall at 100,000 assets 0.925 → 0.981).
   */
  anchors: Uint32Array
  /**
   * What a query looks up besides its anchors: its other shingles. A stored anchor is the
   * smallest hash of its window; a copy shorter than a window around it (an edit, a cut) may
   * not pick it, but still holds it. At 100,000 assets the bench recall went 0.981 → 1.000
   * (the misses: `"use strict"` preambles sharing 4 literal shingles with their original).
   */
  lookup: Uint32Array
}

/** Computes the sketch of a (normalised) snippet. */
export function sketchOf(normalized: string): QuerySketch {
  const tokens = tokenize(normalized)
  const shapes = shapeShingles(tokens)
  const raws = rawShingles(tokens.raw)
  // Comment words one by one: an edited comment keeps most of its words, not its word triples.
  const notes = tokens.comment.map((h) => mixHash(NOTE_SEED, h))
  const degenerate = shapeIsDegenerate(tokens, shapes)
  let sampleMod = 1
  while (Math.max(new Set(shapes).size, new Set(raws).size) / sampleMod > MAX_SHINGLES)
    sampleMod *= 2
  const keep = sampleMod === 1 ? undefined : (h: number) => (h >>> 16) % sampleMod === 0
  const shapeAnchors = sortedSet(winnow(shapes), keep)
  const rawAnchors = sortedSet(raws.length <= SMALL_SHINGLES ? raws : winnow(raws), keep)
  const noteAnchors = sortedSet(winnow(notes), keep)
  const anchors = sortedSet([...shapeAnchors, ...rawAnchors, ...noteAnchors])
  const anchorSet = new Set(anchors)
  const isAnchor = (h: number): boolean => anchorSet.has(h)
  let lines = 0
  for (const line of normalized.split('\n')) if (line.trim() !== '') lines++
  const aligned = tokens.raw.length <= MAX_RENAME_TOKENS
  const words = tokens.commentWords
  return {
    degenerate,
    lines,
    sampleMod,
    commentShare: Math.round((1000 * words) / Math.max(1, words + tokens.codeTokens)),
    notes: set16(notes, undefined, MAX_NOTES),
    codeLines: codeLinesOf(normalized),
    kinds: aligned ? packKinds(tokens.kinds) : new Uint16Array(0),
    shape: set16(shapes, keep),
    raw: set16(raws, keep),
    anchors,
    idents: set16(tokens.idents, undefined, MAX_IDENTS),
    literals: set16(tokens.literals, undefined, MAX_LITERALS),
    tokens: aligned ? Uint16Array.from(tokens.raw, (h) => h >>> 16) : new Uint16Array(0),
    lookup: sortedSet([...shapes, ...raws, ...notes], (h) => (!keep || keep(h)) && !isAnchor(h)),
  }
}
