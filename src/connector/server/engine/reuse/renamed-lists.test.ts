import { describe, expect, it } from 'vitest'
import { createEngine } from '../index'
import { bestFor, lines } from '../test-support/reuse-pair'

// A list with every name renamed, each name met once: nothing but the rest of the text (keywords,
// marks, literals, length) says it is the saved list.
const types = ['gbtreekey4', 'gbtreekey8', 'gbtreekey16', 'gbtreekey32']
const saved = lines(
  ...types.flatMap((t) => [
    `ALTER FUNCTION ${t}_in(cstring) PARALLEL SAFE;`,
    `ALTER FUNCTION ${t}_out(${t}) PARALLEL SAFE;`,
  ]),
)

describe('renamed lists', () => {
  it('a list renamed name by name is suggested as reuse of the saved list', () => {
    const names = new Map<string, string>()
    const copy = saved.replace(/\b(?!ALTER|FUNCTION|PARALLEL|SAFE)[a-z_]\w*/g, (w) => {
      if (!names.has(w)) names.set(w, `renamed${names.size}`)
      return names.get(w) ?? w
    })
    expect(copy).toContain('ALTER FUNCTION renamed0(renamed1) PARALLEL SAFE;')
    const { best, reuse } = bestFor(saved, copy)
    expect(best?.assetId).toBe('saved')
    expect(reuse).toBe(true)
  })

  it('a list of the same form with other literals is not reuse', () => {
    // Two literals: under the count from which a list's shape counts, so the list rule decides.
    const grants = (role: string, table: string, n: number): string =>
      lines(
        ...Array.from({ length: n }, (_, i) => `GRANT SELECT ON ${table}${i} TO ${role}${i};`),
        `COMMENT ON TABLE ${table}0 IS 'owned by ${role}';`,
        `COMMENT ON TABLE ${table}1 IS 'kept for ${role} reports';`,
      )
    const other = grants('reader', 'audit_log', 8)
      .replace("'owned by reader'", "'written nightly'")
      .replace("'kept for reader reports'", "'purged monthly'")
    const engine = createEngine()
    engine.add('saved', engine.fingerprint(grants('writer', 'events', 8)))
    const best = engine.match(other, 1)[0]
    expect(engine.isReuse(best)).toBe(false)
  })
})
