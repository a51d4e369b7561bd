import type { SecretFinding } from './engine'

/** Replaces every finding's range with `<redacted:kind>` (overlaps merged, later ones first). */
export function redact(text: string, findings: readonly SecretFinding[]): string {
  const ranges = [...findings].sort((a, b) => a.start - b.start)
  let out = ''
  let cursor = 0
  for (const f of ranges) {
    if (f.end <= cursor) continue
    out += text.slice(cursor, Math.max(cursor, f.start)) + `<redacted:${f.kind}>`
    cursor = f.end
  }
  return out + text.slice(cursor)
}
