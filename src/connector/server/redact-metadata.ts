import { redactSecrets, type SecretFinding } from '../../shared/secrets'
import type { SuggestionEngine } from './engine'

/** A text with its credentials replaced by `<redacted:kind>`, and what was found. */
export function redactText(
  engine: Pick<SuggestionEngine, 'scanSecrets'>,
  text: string,
): { text: string; findings: SecretFinding[] } {
  const findings = engine.scanSecrets(text)
  return { text: findings.length > 0 ? redactSecrets(text, findings) : text, findings }
}

/**
 * A JSON value with every string (keys included) redacted: tracking payloads and echoed seeds are
 * stored or answered as sent, less their credentials. Bodies are parsed with a nesting bound, so
 * the recursion is bounded too.
 */
export function redactDeep<T>(
  engine: Pick<SuggestionEngine, 'scanSecrets'>,
  value: T,
  /** Strings already scanned, with their redacted form (the seed's text, scanned once). */
  known: ReadonlyMap<string, string> = new Map(),
): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return known.get(v) ?? redactText(engine, v).text
    if (Array.isArray(v)) return v.map(walk)
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [walk(k) as string, walk(x)]))
    }
    return v
  }
  return walk(value) as T
}
