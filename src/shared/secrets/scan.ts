import type { SecretFinding } from './finding'
import { SECRET_RULES } from './rules'

/** Shannon entropy of a string in bits per character. */
export function entropy(value: string): number {
  const counts = new Map<string, number>()
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1)
  let bits = 0
  for (const n of counts.values()) {
    const p = n / value.length
    bits -= p * Math.log2(p)
  }
  return bits
}

// Values that are references or placeholders, not credentials.
const PLACEHOLDER =
  /^(?:\$\{?|process\.env|os\.environ|<|\{\{|%|x{6,}|\*{3,}|(?:your|my|example|changeme|placeholder|dummy|redacted)\b)/i

/** Every credential found in the text, in order, without overlaps. */
export function scanSecrets(text: string): SecretFinding[] {
  const found: SecretFinding[] = []
  const overlaps = (start: number, end: number): boolean =>
    found.some((f) => start < f.end && end > f.start)
  for (const rule of SECRET_RULES) {
    for (const m of text.matchAll(rule.pattern)) {
      const value = m.groups?.secret ?? m[0]
      const start = (m.index ?? 0) + (m.groups?.secret === undefined ? 0 : m[0].indexOf(value))
      const end = start + value.length
      if (PLACEHOLDER.test(value)) continue
      if (rule.minEntropy !== undefined && entropy(value) < rule.minEntropy) continue
      if (overlaps(start, end)) continue
      found.push({
        kind: rule.kind,
        category: rule.category,
        severity: rule.severity,
        start,
        end,
        description: rule.description,
      })
    }
  }
  return found.sort((a, b) => a.start - b.start)
}

/** The text with every finding's value replaced by `<redacted:kind>` (overlaps merged). */
export function redactSecrets(text: string, findings: readonly SecretFinding[]): string {
  let out = ''
  let cursor = 0
  for (const f of [...findings].sort((a, b) => a.start - b.start)) {
    if (f.end <= cursor) continue
    out += text.slice(cursor, Math.max(cursor, f.start)) + `<redacted:${f.kind}>`
    cursor = f.end
  }
  return out + text.slice(cursor)
}
