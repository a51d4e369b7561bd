import { MAX_ALIGN_TOKENS } from './align'

/**
 * Token weights from how many library snippets hold each token (inverse document frequency):
 * boilerplate shared by many snippets (module preambles, license words) counts little when an
 * alignment is scored, the names and literals of one snippet count much.
 */
export function createTokenWeights() {
  const df = new Uint32Array(1 << 16)
  // Each token counts once per snippet: `seen[t]` holds the stamp of the last snippet that
  // counted it (no sorted copy per snippet: that was 237 ms of 100,000 adds at start).
  const seen = new Uint32Array(1 << 16)
  let stamp = 0
  let docs = 0
  const count = (tokens: ArrayLike<number>, delta: 1 | -1): void => {
    // Only sequences the literal alignment reads count: longer ones are kept for the renaming
    // check alone (`MAX_RENAME_TOKENS`), and counting them moved edited copies' scores.
    if (tokens.length > MAX_ALIGN_TOKENS) return
    if (++stamp === 0xffffffff) {
      seen.fill(0)
      stamp = 1
    }
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i] ?? 0
      if (seen[t] === stamp) continue
      seen[t] = stamp
      df[t] = Math.max(0, (df[t] ?? 0) + delta)
    }
  }

  return {
    /** Counts a snippet's tokens in (on add). */
    add(tokens: ArrayLike<number>): void {
      docs++
      count(tokens, 1)
    },
    /** Counts a snippet's tokens out (on remove). */
    remove(tokens: ArrayLike<number>): void {
      docs = Math.max(0, docs - 1)
      count(tokens, -1)
    },
    /** Weight of each token of a sequence. */
    of(tokens: ArrayLike<number>): Float64Array {
      const out = new Float64Array(tokens.length)
      const n = Math.log(docs + 2)
      for (let i = 0; i < tokens.length; i++) out[i] = n - Math.log((df[tokens[i] ?? 0] ?? 0) + 1)
      return out
    },
    /** Sum of the weights of a sequence's tokens. */
    total(tokens: ArrayLike<number>): number {
      const n = Math.log(docs + 2)
      let sum = 0
      for (let i = 0; i < tokens.length; i++) sum += n - Math.log((df[tokens[i] ?? 0] ?? 0) + 1)
      return sum
    },
  }
}

export type TokenWeights = ReturnType<typeof createTokenWeights>
