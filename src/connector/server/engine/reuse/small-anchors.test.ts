import { describe, expect, it } from 'vitest'
import { bestFor, lines } from '../test-support/reuse-pair'

// Copies that bench/renamed-tune.ts's go tune set missed, rebuilt on made-up code.
describe('a copy of a saved snippet', () => {
  it('is reuse as five lines of a short import list', () => {
    const saved = lines(
      'package render',
      '',
      'import (',
      ...['errors', 'os', 'path', 'unicode', 'time', 'sync', 'sort'].map((p) => `\t"${p}"`),
      ')',
    )
    // Five lines: a few literal shingles, which winnowing the whole list did not pick.
    const part = saved.split('\n').slice(3, 8).join('\n')
    const { best, reuse } = bestFor(saved, part)
    expect(best?.assetId).toBe('saved')
    expect(reuse).toBe(true)
  })
})
