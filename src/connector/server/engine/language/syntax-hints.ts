import { HINT_RULES } from './hint-rules'

/** Points a pattern earns: its weight per match, up to its cap. */
function points(re: RegExp, weight: number, most: number, text: string): number {
  re.lastIndex = 0
  let n = 0
  while (n < most && re.exec(text) !== null) n++
  re.lastIndex = 0
  return n * weight
}

/** Syntax-evidence scores per language id (spec extension values). */
export function hintScores(text: string): Map<string, number> {
  const scores = new Map<string, number>()
  for (const [lang, rules] of Object.entries(HINT_RULES)) {
    let score = 0
    for (const [re, weight, most] of rules) score += points(re, weight, most, text)
    if (score > 0) scores.set(lang, score)
  }
  const trimmed = text.trim()
  if (/^[[{]/.test(trimmed)) {
    try {
      JSON.parse(trimmed)
      scores.set('json', 10)
    } catch {
      // not a whole JSON document
    }
  }
  // Code languages and YAML both have `key: value`; braces and semicolons rule YAML out.
  if (/[{};]\s*$/m.test(text)) scores.delete('yaml')
  return scores
}

/** The best-scoring language by syntax alone, with its score. */
export function bestHint(scores: Map<string, number>): [string, number] | undefined {
  let best: [string, number] | undefined
  for (const entry of scores) if (!best || entry[1] > best[1]) best = entry
  return best
}
