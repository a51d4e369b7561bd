import { alignRuns, MAX_RENAME_TOKENS } from './align'
import { hashString } from './hash'
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
   * Some names are renamed and the names kept as they are look like a list's frame, not its
   * content: most renamed names sit on a path after kept ones (`exports.X`, `import java.util.X`,
   * `use Foo\Bar\X`), or the kept names are a few against many renamed ones that never vouch
   * (a vtable's type around its renamed entries). A struct whose fields keep their types, or an
   * SQL list that keeps `PARALLEL SAFE` after renamed functions, keeps content.
   */
  frameOnly: boolean
  /**
   * Share of the renamed names' pairs that vouch for the renaming (renamed the same way at two
   * places an item apart or more; 1 when none is renamed). Items of another list of one frame
   * (`import java.util.X;`, `exports.X = X`) each name their own name in one item only: 0.
   */
  renamedEvidence: number
}

// Blinded tokens: a name, a string or a number by its kind (values above any 16-bit token id
// would not fit; these three collide with a real token id with chance 3 in 65,536, per token).
const BLIND = [0, 0xfffd, 0xfffe, 0xffff]
/** A pair of tokens (copy << 16 | saved) with both names read as members instead (or back). */
const MEMBER_PAIR = (MEMBER_BITS << 16) | MEMBER_BITS

const mark = (m: string): number => hashString(m) >>> 16
/** Path marks between two names: `.`, `\`, `/` alone, or `::` and `->`. */
const ONE_MARK = new Set(['.', '\\', '/'].map(mark))
const TWO_MARKS = [
  [mark(':'), mark(':')],
  [mark('-'), mark('>')],
]
/** Whether the names at `i` and `j` of `tokens` are joined by a path mark. */
function joined(tokens: Uint16Array, i: number, j: number): boolean {
  if (j - i === 2) return ONE_MARK.has(tokens[i + 1] ?? 0)
  return j - i === 3 && TWO_MARKS.some(([a, b]) => tokens[i + 1] === a && tokens[i + 2] === b)
}

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
      frameOnly: false,
      renamedEvidence: 1,
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
  let renamedVouched = 0
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
    if (agrees && apart) renamedVouched++
  }
  // A header: a few kept names against many renamed ones, none of which vouches (a copy's
  // renamer keeps short names such as `x`, `y` or `h`, but its renamed names repeat).
  const header = 4 * kept <= renamed && renamedVouched === 0
  // …or most of the paths that start with a kept name end in renamed ones (an import list
  // with an import or two changed keeps most of its items whole: content, not frame).
  // (Only asked where some names are kept and some renamed.)
  const frameOnly = kept > 0 && renamed > 0 && (header || namespaced(pairs, at, q.tokens, renamed))
  return {
    structure,
    consistency: consistent / pairs.length,
    evidence: vouched / pairs.length,
    frameOnly,
    renamedEvidence: renamed === 0 ? 1 : renamedVouched / renamed,
  }
}

/**
 * Whether the renamed names are items under a namespace: half of them or more sit on a path that
 * starts with a kept name (`java.util.X`, `exports.X`), and half the paths led by a kept name or
 * more end in renamed ones. Keywords end a path. `pairs` are the aligned names (copy << 16 |
 * saved), `at` their positions in `tokens`, the copy's.
 */
function namespaced(pairs: number[], at: number[], tokens: Uint16Array, renamed: number): boolean {
  let led = 0
  let paths = 0
  let ledPaths = 0
  let pathAt = -1
  let pathKept = false
  let pathLed = false
  pairs.forEach((p, k) => {
    const pos = at[k] ?? 0
    const from = p >>> 16
    const keptName = from === (p & 0xffff)
    if (KEYWORD_TOKENS.has(from) && keptName) {
      pathAt = -1
      return
    }
    if (pathAt < 0 || !joined(tokens, pathAt, pos)) {
      pathKept = keptName
      pathLed = false
      if (keptName) paths++
    } else if (!keptName && pathKept) {
      led++
      if (!pathLed) ledPaths++
      pathLed = true
    }
    pathAt = pos
  })
  return 2 * led >= renamed && 2 * ledPaths >= paths
}
