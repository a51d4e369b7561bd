/**
 * Translates the RE2 syntax of gitleaks' rule set into JavaScript regular expression source.
 * JavaScript (before ES2025 modifiers) has no inline flags, so case-insensitive parts are spelt
 * out (`a` → `[aA]`, `[a-f]` → `[a-fA-F]`) and `(?s:…)` turns `.` into `[\s\S]`; POSIX classes,
 * `\z` and `(?P<name>` get their JavaScript forms. Only the subset gitleaks uses is supported;
 * anything else throws, so a new construct in an updated rule set is noticed at import time.
 */

const POSIX: Record<string, string> = {
  alnum: 'a-zA-Z0-9',
  alpha: 'a-zA-Z',
  digit: '0-9',
  xdigit: '0-9a-fA-F',
  upper: 'A-Z',
  lower: 'a-z',
  space: '\\s',
  word: '\\w',
  punct: '!-\\/:-@\\[-`{-~',
}

interface Flags {
  ci: boolean
  dotAll: boolean
}

const isLetter = (c: string) => /^[a-zA-Z]$/.test(c)
const other = (c: string) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase())

/** Adds the other case of every letter and letter range in a class body (already JS syntax). */
function foldClass(items: string[]): string[] {
  const extra: string[] = []
  for (const item of items) {
    const range = /^([a-zA-Z])-([a-zA-Z])$/.exec(item)
    if (range?.[1] && range[2]) {
      const [lo, hi] = [range[1], range[2]]
      if (lo.toLowerCase() === lo && hi.toLowerCase() === hi)
        extra.push(`${lo.toUpperCase()}-${hi.toUpperCase()}`)
      else if (lo.toUpperCase() === lo && hi.toUpperCase() === hi)
        extra.push(`${lo.toLowerCase()}-${hi.toLowerCase()}`)
    } else if (isLetter(item)) extra.push(other(item))
  }
  return [...items, ...extra]
}

/** Reads a character class starting at `[`; returns its JS source and the index after `]`. */
function readClass(src: string, start: number, flags: Flags): [string, number] {
  let i = start + 1
  let negate = ''
  if (src[i] === '^') {
    negate = '^'
    i++
  }
  const items: string[] = []
  let first = true
  while (i < src.length && (src[i] !== ']' || first)) {
    first = false
    if (src.startsWith('[:', i)) {
      const end = src.indexOf(':]', i + 2)
      const name = src.slice(i + 2, end)
      const body = POSIX[name]
      if (end < 0 || body === undefined) throw new Error(`unsupported POSIX class at ${i}`)
      items.push(body)
      i = end + 2
      continue
    }
    let item: string
    if (src[i] === '\\') {
      item = src.slice(i, i + 2)
      if (item === '\\x') item = src.slice(i, i + 4)
      i += item.length
    } else {
      // Escaped so that letters folded in after it cannot turn a literal `-` into a range.
      item = '[/-'.includes(src[i] as string) ? `\\${src[i]}` : (src[i] as string)
      i++
    }
    // A range a-z (but a trailing `-` is a literal).
    if (src[i] === '-' && src[i + 1] !== ']' && i + 1 < src.length) {
      const hi = src[i + 1] === '\\' ? src.slice(i + 1, i + 3) : (src[i + 1] as string)
      items.push(`${item}-${hi}`)
      i += 1 + hi.length
      continue
    }
    items.push(item)
  }
  if (src[i] !== ']') throw new Error(`unterminated class at ${start}`)
  const body = (flags.ci ? foldClass(items) : items).join('')
  return [`[${negate}${body}]`, i + 1]
}

/**
 * The JavaScript source of an RE2 pattern from gitleaks (to compile without flags). With
 * `maxRepeat`, open-ended repeats (`*`, `+`, `{n,}`) get that upper bound, so the longest match
 * is bounded (RE2 is linear whatever the pattern; a backtracking engine is not).
 */
export function re2ToJs(src: string, options: { maxRepeat?: number } = {}): string {
  return translate(src, options.maxRepeat, false)
}

/**
 * The same as re2ToJs, but a pattern that is case-insensitive throughout comes back with the
 * `i` flag instead of spelt-out letters (V8 scans such patterns much faster).
 */
export function re2ToJsWithFlags(
  src: string,
  options: { maxRepeat?: number } = {},
): { source: string; flags: string } {
  if (src.startsWith('(?i)') && !src.includes('(?-i')) {
    return { source: translate(src.slice(4), options.maxRepeat, true), flags: 'i' }
  }
  return { source: translate(src, options.maxRepeat, false), flags: '' }
}

function translate(src: string, cap: number | undefined, nativeCi: boolean): string {
  const stack: Flags[] = [{ ci: false, dotAll: false }]
  const top = (): Flags => stack[stack.length - 1] as Flags
  let out = ''
  let i = 0
  while (i < src.length) {
    const c = src[i] as string
    if (c === '\\') {
      const e = src[i + 1]
      if (e === undefined) throw new Error('trailing backslash')
      if (e === 'z') out += '(?![\\s\\S])'
      else if (e === 'A') out += '^'
      else if (e === 'x') {
        out += src.slice(i, i + 4)
        i += 2
      } else if (/[pPQEC]/.test(e)) throw new Error(`unsupported escape \\${e}`)
      else if (top().ci && isLetter(e) && !/[dDwWsSbBnrtfv]/.test(e)) {
        throw new Error(`unsupported escape \\${e}`)
      } else out += `\\${e}`
      i += 2
      continue
    }
    if (c === '[') {
      const [cls, next] = readClass(src, i, top())
      out += cls
      i = next
      continue
    }
    if (c === '(') {
      const flagGroup = /^\(\?([a-z]*)(?:-([a-z]*))?([:)])/.exec(src.slice(i))
      if (flagGroup && (flagGroup[1] || flagGroup[2])) {
        const on = flagGroup[1] ?? ''
        const off = flagGroup[2] ?? ''
        if (/[^is]/.test(on + off)) throw new Error(`unsupported flags (?${on}-${off})`)
        const base = top()
        const flags: Flags = {
          ci: nativeCi ? false : on.includes('i') ? true : off.includes('i') ? false : base.ci,
          dotAll: on.includes('s') ? true : off.includes('s') ? false : base.dotAll,
        }
        if (flagGroup[3] === ')') stack[stack.length - 1] = flags
        else {
          stack.push(flags)
          out += '(?:'
        }
        i += flagGroup[0].length
        continue
      }
      const named = /^\(\?P?<[A-Za-z_]\w*>/.exec(src.slice(i))
      stack.push({ ...top() })
      if (named) {
        out += '('
        i += named[0].length
      } else if (src.startsWith('(?:', i)) {
        out += '(?:'
        i += 3
      } else if (src[i + 1] === '?') throw new Error(`unsupported group at ${i}`)
      else {
        out += '('
        i++
      }
      continue
    }
    if (c === ')') {
      if (stack.length === 1) throw new Error(`unbalanced ) at ${i}`)
      stack.pop()
      out += ')'
      i++
      continue
    }
    if (cap !== undefined && (c === '*' || c === '+')) {
      out += c === '*' ? `{0,${cap}}` : `{1,${cap}}`
      i++
      continue
    }
    const open = cap === undefined ? null : /^\{(\d+),\}/.exec(src.slice(i, i + 12))
    if (open?.[1] !== undefined) {
      out += `{${open[1]},${Math.max(cap as number, Number(open[1]))}}`
      i += open[0].length
      continue
    }
    if (c === '.') out += top().dotAll ? '[\\s\\S]' : '.'
    else if (c === '/') out += '\\/'
    else if (top().ci && isLetter(c)) out += `[${c}${other(c)}]`
    else out += c
    i++
  }
  if (stack.length !== 1) throw new Error('unbalanced (')
  return out
}
