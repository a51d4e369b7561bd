/**
 * Finds every occurrence of many keywords in one pass over a text (Aho–Corasick over lower-cased
 * UTF-16 code units), as gitleaks does to decide which rules can match at all. Linear in the
 * text: each character takes one transition, however many keywords there are.
 */
export interface KeywordIndex {
  /**
   * Calls `hit(keyword, end)` for each occurrence; `end` is the index just after it. Looks at
   * `keepGoing` every few thousand characters and stops where it says no; returns where it
   * stopped (the text's length when it read it all).
   */
  scan(
    text: string,
    hit: (keywordId: number, end: number) => void,
    keepGoing?: () => boolean,
  ): number
}

/** Builds the automaton for `keywords` (matched case-insensitively; ids are their positions). */
export function buildKeywordIndex(keywords: readonly string[]): KeywordIndex {
  const next: Map<number, number>[] = [new Map()]
  const fail: number[] = [0]
  const output: number[][] = [[]]
  keywords.forEach((keyword, id) => {
    let state = 0
    for (const unit of keyword.toLowerCase()) {
      const code = unit.charCodeAt(0)
      let target = next[state]?.get(code)
      if (target === undefined) {
        target = next.length
        next.push(new Map())
        fail.push(0)
        output.push([])
        next[state]?.set(code, target)
      }
      state = target
    }
    output[state]?.push(id)
  })
  // Breadth-first: each state's failure link is the longest proper suffix that is a state.
  const queue: number[] = [...(next[0]?.values() ?? [])]
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head] as number
    for (const [code, target] of next[state] ?? []) {
      let f = fail[state] as number
      while (f !== 0 && !next[f]?.has(code)) f = fail[f] as number
      const candidate = next[f]?.get(code)
      fail[target] = candidate !== undefined && candidate !== target ? candidate : 0
      output[target] = [...(output[target] ?? []), ...(output[fail[target] as number] ?? [])]
      queue.push(target)
    }
  }
  // Dense transitions for ASCII (the common case), filled in breadth-first order so that each
  // state copies its failure state's row; other code units go through the maps.
  const ascii = new Int32Array(next.length * 128)
  for (const state of [0, ...queue]) {
    const row = state * 128
    const failRow = (fail[state] as number) * 128
    for (let code = 0; code < 128; code++) {
      const target = next[state]?.get(code)
      ascii[row + code] = target ?? (state === 0 ? 0 : (ascii[failRow + code] as number))
    }
  }
  const step = (state: number, code: number): number => {
    if (code < 128) return ascii[state * 128 + code] as number
    let s = state
    while (s !== 0 && !next[s]?.has(code)) s = fail[s] as number
    return next[s]?.get(code) ?? 0
  }
  const emits = Uint8Array.from(output, (ids) => (ids.length > 0 ? 1 : 0))
  return {
    scan(text, hit, keepGoing) {
      let state = 0
      for (let i = 0; i < text.length; i++) {
        if (keepGoing && (i & 4095) === 4095 && !keepGoing()) return i
        let code = text.charCodeAt(i)
        if (code < 128) {
          if (code >= 65 && code <= 90) code += 32
          state = ascii[state * 128 + code] as number
        } else {
          code = text[i]?.toLowerCase().charCodeAt(0) ?? code
          state = step(state, code)
        }
        if (emits[state] === 1) for (const id of output[state] as number[]) hit(id, i + 1)
      }
      return text.length
    },
  }
}
