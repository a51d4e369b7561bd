/**
 * Turns what a person typed into an FTS5 query: every word becomes a quoted prefix term and all
 * must match. Returns undefined when there is nothing to search for. Quoting keeps FTS5 syntax
 * (`AND`, `NEAR`, `*`, `"`) in user input from being interpreted or failing to parse.
 */
export function toFtsQuery(input: string): string | undefined {
  const words = input.match(/[\p{L}\p{N}_]+/gu)
  if (!words || words.length === 0) return undefined
  return words
    .slice(0, 32)
    .map((w) => `"${w}"*`)
    .join(' ')
}
