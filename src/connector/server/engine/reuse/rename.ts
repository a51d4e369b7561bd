import { alignRuns, MAX_RENAME_TOKENS } from './align'
import { kindAt } from './sketch'
import { KEYWORD_TOKENS, KIND, MEMBER_BITS } from './tokenize'

/** How a copy lines up with a saved snippet once every name is blinded. */
export interface RenameMatch {
  /** Dice coefficient of the blinded alignment (names, strings, numbers by their kind only). */
  structure: number
  /** Share of the aligned name pairs that agree with one renaming (a bijection), 1 without names. */
  consistency: number
  /**
   * Share of the aligned name pairs that vouch for the renaming: a name kept as it is, or one
   * renamed the same way at two places or more (names met once pair up in any list).
   */
  evidence: number
}

// Blinded tokens: a name, a string or a number by its kind (values above any 16-bit token id
// would not fit; these three collide with a real token id with chance 3 in 65,536, per token).
const BLIND = [0, 0xfffd, 0xfffe, 0xffff]
/** A pair of tokens (copy << 16 | saved) with both names read as members instead (or back). */
const MEMBER_PAIR = (MEMBER_BITS << 16) | MEMBER_BITS

/** Whether token `i` is a word: a name, or a keyword (which some language may use as a name). */
const isWord = (tokens: Uint16Array, kinds: Uint16Array, i: number): boolean => {
  const kind = kindAt(kinds, i)
  return kind === KIND.ident || (kind === KIND.other && KEYWORD_TOKENS.has(tokens[i] ?? 0))
}

/** The tokens with every name, string and number replaced by its kind's blind token. */
export function blind(tokens: Uint16Array, kinds: Uint16Array): Uint16Array {
  const out = new Uint16Array(tokens.length)
  for (let i = 0; i < tokens.length; i++) {
    const kind = kindAt(kinds, i)
    out[i] = isWord(tokens, kinds, i)
      ? (BLIND[KIND.ident] ?? 0)
      : kind === KIND.other
        ? (tokens[i] ?? 0)
        : (BLIND[kind] ?? 0)
  }
  return out
}

/**
 * Structure first, then the renaming: the blinded token sequences are aligned, and the names
 * that meet along the alignment must pair one to one (a consistent rename maps each name of the
 * copy to one name of the saved snippet and back; unrelated code of the same shape does not).
 */
export function renameMatch(
  q: { tokens: Uint16Array; kinds: Uint16Array },
  s: { tokens: Uint16Array; kinds: Uint16Array },
  // A query is compared with many candidates: its blinded tokens can be made once for all.
  a: Uint16Array = blind(q.tokens, q.kinds),
): RenameMatch {
  const b = blind(s.tokens, s.kinds)
  const pairs: number[] = []
  let aligned = 0
  alignRuns(
    a,
    b,
    (i, j, length) => {
      aligned += length
      for (let k = 0; k < length; k++) {
        if (isWord(q.tokens, q.kinds, i + k))
          pairs.push(((q.tokens[i + k] ?? 0) << 16) | (s.tokens[j + k] ?? 0))
      }
    },
    MAX_RENAME_TOKENS,
  )
  const structure = a.length + b.length === 0 ? 0 : (2 * aligned) / (a.length + b.length)
  if (pairs.length === 0) return { structure, consistency: 1, evidence: 1 }
  // The renaming is the most frequent partner of each name, both ways.
  const count = new Map<number, number>()
  for (const p of pairs) count.set(p, (count.get(p) ?? 0) + 1)
  const forward = new Map<number, [number, number]>()
  const backward = new Map<number, [number, number]>()
  for (const [p, n] of count) {
    const from = p >>> 16
    const to = p & 0xffff
    if ((forward.get(from)?.[1] ?? 0) < n) forward.set(from, [to, n])
    if ((backward.get(to)?.[1] ?? 0) < n) backward.set(to, [from, n])
  }
  let consistent = 0
  let vouched = 0
  for (const p of pairs) {
    const from = p >>> 16
    const to = p & 0xffff
    // A rename never turns one keyword into another (`if` into `while`): that is other code.
    const keywords = from !== to && KEYWORD_TOKENS.has(from) && KEYWORD_TOKENS.has(to)
    const agrees = !keywords && forward.get(from)?.[0] === to && backward.get(to)?.[0] === from
    if (agrees) consistent++
    // A name renamed the same way as a member and as a plain name (`this.count = count`) is
    // met twice too: the member's token is the plain one's with `MEMBER_BITS` flipped.
    const seen = (count.get(p) ?? 0) + (count.get(p ^ MEMBER_PAIR) ?? 0)
    if (agrees && (from === to || seen > 1)) vouched++
  }
  return { structure, consistency: consistent / pairs.length, evidence: vouched / pairs.length }
}
