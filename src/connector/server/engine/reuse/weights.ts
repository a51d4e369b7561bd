/**
 * Token weights from how many library snippets hold each token (inverse document frequency):
 * boilerplate shared by many snippets (module preambles, license words) counts little when an
 * alignment is scored, the names and literals of one snippet count much.
 */
export function createTokenWeights() {
  const df = new Uint32Array(1 << 16)
  let docs = 0
  const distinct = (tokens: ArrayLike<number>): Uint16Array =>
    Uint16Array.from(tokens)
      .sort()
      .filter((t, i, a) => i === 0 || a[i - 1] !== t)

  return {
    /** Counts a snippet's tokens in (on add). */
    add(tokens: ArrayLike<number>): void {
      docs++
      for (const t of distinct(tokens)) df[t] = (df[t] ?? 0) + 1
    },
    /** Counts a snippet's tokens out (on remove). */
    remove(tokens: ArrayLike<number>): void {
      docs = Math.max(0, docs - 1)
      for (const t of distinct(tokens)) df[t] = Math.max(0, (df[t] ?? 0) - 1)
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
