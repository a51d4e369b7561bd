/**
 * Makes greedy repeats atomic where backtracking into them can never help, so a backtracking
 * engine does bounded work per position (what PCRE calls auto-possessification). A repeat of a
 * character set followed by a character outside that set cannot give characters back usefully:
 * `[a-z0-9_-]{27,300}\.` either finds the `.` right after its longest run or not at all. JavaScript
 * has no possessive quantifiers; `(?=(?<hN>X{m,n}))\k<hN>` is the atomic form. The helper groups
 * are named `h…`, so callers can tell them from the pattern's own groups.
 */

type CharSet = { ascii: boolean[]; other: boolean }

const ESCAPES: Record<string, (c: number) => boolean> = {
  d: (c) => c >= 48 && c <= 57,
  w: (c) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95,
  s: (c) => c === 32 || (c >= 9 && c <= 13),
}

function setOf(test: (c: number) => boolean, other: boolean): CharSet {
  return { ascii: Array.from({ length: 128 }, (_, c) => test(c)), other }
}

function unionInto(a: CharSet, b: CharSet): void {
  for (let c = 0; c < 128; c++) a.ascii[c] = a.ascii[c] || b.ascii[c] || false
  a.other = a.other || b.other
}

/** The set one escape (`\w`, `\.`, `\x60`) stands for, or undefined for assertions. */
function escapeSet(esc: string): CharSet | undefined {
  const e = esc[1] as string
  const named = ESCAPES[e.toLowerCase()]
  if (named) return e === e.toLowerCase() ? setOf(named, e === 's') : setOf((c) => !named(c), true)
  if (e === 'b' || e === 'B' || e === 'k' || /\d/.test(e)) return undefined
  const code =
    e === 'x'
      ? Number.parseInt(esc.slice(2), 16)
      : ({ n: 10, r: 13, t: 9, f: 12, v: 11 } as Record<string, number>)[e]
  const c = code ?? e.charCodeAt(0)
  return setOf((x) => x === c, c >= 128)
}

/** The set of a class body such as `a-z0-9_\-` (no negation). */
function classSet(body: string): CharSet {
  const set = setOf(() => false, false)
  let i = 0
  const readOne = (): [number | undefined, CharSet | undefined, number] => {
    if (body[i] === '\\') {
      const len = body[i + 1] === 'x' ? 4 : 2
      const esc = body.slice(i, i + len)
      const s = escapeSet(esc)
      const single = /^\\[dwsDWS]$/.test(esc) ? undefined : s?.ascii.indexOf(true)
      return [single, s, len]
    }
    const c = body.charCodeAt(i)
    return [c, setOf((x) => x === c, c >= 128), 1]
  }
  while (i < body.length) {
    const [lo, loSet, len] = readOne()
    i += len
    if (body[i] === '-' && i + 1 < body.length && lo !== undefined) {
      i++
      const [hi, , hiLen] = readOne()
      i += hiLen
      const top = hi ?? lo
      unionInto(
        set,
        setOf((c) => c >= lo && c <= top, top >= 128),
      )
    } else if (loSet) unionInto(set, loSet)
  }
  return set
}

interface Atom {
  text: string
  set?: CharSet
  quant: string
  min: number
}

/** Splits a pattern at top level of one sequence into atoms; undefined if it holds groups. */
function readAtom(src: string, i: number): [Omit<Atom, 'quant' | 'min'>, number] | undefined {
  const c = src[i] as string
  if (c === '\\') {
    const len = src[i + 1] === 'x' ? 4 : 2
    const text = src.slice(i, i + len)
    const set = escapeSet(text)
    return [{ text, ...(set && { set }) }, i + len]
  }
  if (c === '[') {
    let j = i + 1
    if (src[j] === '^') j++
    if (src[j] === ']') j++
    while (j < src.length && src[j] !== ']') j += src[j] === '\\' ? 2 : 1
    const text = src.slice(i, j + 1)
    const negated = text[1] === '^'
    const body = classSet(text.slice(negated ? 2 : 1, -1))
    const set = negated ? setOf((x) => !body.ascii[x], true) : body
    return [{ text, set }, j + 1]
  }
  if ('()|^$'.includes(c)) return undefined
  if (c === '.') return [{ text: c, set: setOf((x) => x !== 10 && x !== 13, true) }, i + 1]
  return [{ text: c, set: setOf((x) => x === c.charCodeAt(0), c.charCodeAt(0) >= 128) }, i + 1]
}

function readQuant(src: string, i: number): [string, number, number] {
  const m = /^(?:[*+?]|\{(\d+)(?:,(\d*))?\})\??/.exec(src.slice(i, i + 16))
  if (!m) return ['', 1, i]
  const q = m[0]
  const min = q.startsWith('+') ? 1 : q.startsWith('{') ? Number(m[1]) : 0
  return [q, min, i + q.length]
}

const disjoint = (a: CharSet, b: CharSet) =>
  !(a.other && b.other) && a.ascii.every((x, c) => !(x && b.ascii[c]))

/** The pattern with every greedy set repeat that is followed by a disjoint required set atomic. */
export function possessify(source: string): string {
  let out = ''
  let i = 0
  let helper = 0
  let pending: Atom | undefined
  const flush = (next: Atom | undefined) => {
    if (!pending) return
    const p = pending
    const repeats = p.quant !== '' && p.quant !== '?' && !p.quant.endsWith('?')
    const followed = next?.set && next.min >= 1 && p.set && disjoint(p.set, next.set)
    if (repeats && followed) {
      const name = `h${++helper}`
      out += `(?=(?<${name}>${p.text}${p.quant}))\\k<${name}>`
    } else out += p.text + p.quant
    pending = undefined
  }
  while (i < source.length) {
    const read = readAtom(source, i)
    if (!read) {
      flush(undefined)
      // Copy a group opener such as `(?:`, `(?=`, `(?<name>` or a single structural character.
      const opener = /^\((?:\?(?:[:=!]|<[A-Za-z]\w*>))?/.exec(source.slice(i))
      const len = opener ? opener[0].length : 1
      out += source.slice(i, i + len)
      i += len
      const [q, , after] = readQuant(source, i)
      out += q
      i = after
      continue
    }
    const [atom, afterAtom] = read
    const [quant, min, after] = readQuant(source, afterAtom)
    const next: Atom = { ...atom, quant, min }
    flush(next)
    pending = next
    i = after
  }
  flush(undefined)
  return out
}
