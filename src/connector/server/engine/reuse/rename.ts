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
   * renamed the same way at two places an item apart or more (names met once pair up in any
   * list; `exports.X = X` meets X twice in one item of any list of that frame).
   */
  evidence: number
  /**
   * Some name is kept as it is while others are renamed: the kept ones may be a list's frame
   * (`exports.`, `import com.facebook.react.bridge.`, a vtable's type) around other items.
   */
  frameKept: boolean
  /** Every renamed name is met twice or more, each time within one item (`exports.X = X`). */
  itemTwins: boolean
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
  q: { tokens: Uint16Array; kinds: Uint16Array; lines?: number },
  s: { tokens: Uint16Array; kinds: Uint16Array },
  // A query is compared with many candidates: its blinded tokens can be made once for all.
  a: Uint16Array = blind(q.tokens, q.kinds),
): RenameMatch {
  const b = blind(s.tokens, s.kinds)
  const pairs: number[] = []
  const at: number[] = []
  let aligned = 0
  alignRuns(
    a,
    b,
    (i, j, length) => {
      aligned += length
      for (let k = 0; k < length; k++) {
        if (isWord(q.tokens, q.kinds, i + k)) {
          pairs.push(((q.tokens[i + k] ?? 0) << 16) | (s.tokens[j + k] ?? 0))
          at.push(i + k)
        }
      }
    },
    MAX_RENAME_TOKENS,
  )
  const structure = a.length + b.length === 0 ? 0 : (2 * aligned) / (a.length + b.length)
  if (pairs.length === 0)
    return {
      structure,
      consistency: 1,
      evidence: 1,
      frameKept: false,
      itemTwins: false,
    }
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
  // How far apart each renaming is met (a member twin as the same name), against an item: a
  // line's worth of tokens.
  const first = new Map<number, number>()
  const spread = new Map<number, number>()
  pairs.forEach((p, k) => {
    const key = Math.min(p >>> 0, (p ^ MEMBER_PAIR) >>> 0)
    const pos = at[k] ?? 0
    const from = first.get(key)
    if (from === undefined) first.set(key, pos)
    else spread.set(key, pos - from)
  })
  const item = Math.max(1, Math.round(a.length / Math.max(1, q.lines ?? a.length)))
  let consistent = 0
  let vouched = 0
  let kept = 0
  let renamed = 0
  let twins = 0
  for (const p of pairs) {
    const from = p >>> 16
    const to = p & 0xffff
    // A rename never turns one keyword into another (`if` into `while`): that is other code.
    const keywords = from !== to && KEYWORD_TOKENS.has(from) && KEYWORD_TOKENS.has(to)
    const agrees = !keywords && forward.get(from)?.[0] === to && backward.get(to)?.[0] === from
    if (agrees) consistent++
    // A name renamed the same way as a member and as a plain name (`this.count = count`) is
    // the same name: the member's token is the plain one's with `MEMBER_BITS` flipped.
    const key = Math.min(p >>> 0, (p ^ MEMBER_PAIR) >>> 0)
    const apart = (spread.get(key) ?? 0) >= item
    if (agrees && (from === to || apart)) vouched++
    if (from === to) {
      if (!KEYWORD_TOKENS.has(from)) kept++
      continue
    }
    renamed++
    if (!apart && spread.has(key)) twins++
  }
  return {
    structure,
    consistency: consistent / pairs.length,
    evidence: vouched / pairs.length,
    frameKept: kept > 0 && renamed > 0,
    itemTwins: renamed > 0 && twins === renamed,
  }
}
