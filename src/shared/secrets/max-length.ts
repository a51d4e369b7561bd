/**
 * The longest text a JavaScript pattern can match, from its repeat bounds (no open-ended repeats,
 * no backreferences: re2ToJs with `maxRepeat` gives such patterns). Lookarounds count as 0.
 */
export function maxMatchLength(source: string): number {
  let i = 0
  const quantified = (len: number): number => {
    const m = /^(?:\{(\d+)(?:,(\d*))?\}|[?])\??/.exec(source.slice(i, i + 16))
    if (!m) return len
    i += m[0].length
    if (m[0].startsWith('?')) return len
    const max = m[2] === undefined ? Number(m[1]) : m[2] === '' ? Infinity : Number(m[2])
    return len * max
  }
  const alternation = (): number => {
    let best = 0
    let current = 0
    while (i < source.length) {
      const c = source[i] as string
      if (c === ')') break
      if (c === '|') {
        best = Math.max(best, current)
        current = 0
        i++
        continue
      }
      if (c === '(') {
        const look = /^\(\?(?:[=!]|<[=!])/.test(source.slice(i, i + 4))
        const opener = /^\((?:\?(?:[:=!]|<[=!]?|<[A-Za-z]\w*>))?/.exec(source.slice(i))
        i += opener ? opener[0].length : 1
        const inner = alternation()
        i++ // the closing parenthesis
        current += quantified(look ? 0 : inner)
        continue
      }
      if (c === '^' || c === '$') {
        i++
        continue
      }
      if (c === '\\') {
        const e = source[i + 1] ?? ''
        i += e === 'x' ? 4 : 2
        current += /[bB]/.test(e) ? 0 : quantified(1)
        continue
      }
      if (c === '[') {
        i++
        if (source[i] === '^') i++
        if (source[i] === ']') i++
        while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1
        i++
        current += quantified(1)
        continue
      }
      i++
      current += quantified(1)
    }
    return Math.max(best, current)
  }
  return alternation()
}
