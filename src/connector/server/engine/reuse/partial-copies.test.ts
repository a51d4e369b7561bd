import { describe, expect, it } from 'vitest'
import { bestFor, lines } from '../test-support/reuse-pair'

// Parts of saved snippets, cut where bench/renamed-tune.ts's go tune set missed them.
describe('a part of a saved snippet', () => {
  it('is reuse when it starts with a dereference (`*b = …`), not read as a comment', () => {
    const saved = lines(
      'func (b *boolValue) Set(s string) error {',
      '\tv, err := strconv.ParseBool(s)',
      '\t*b = boolValue(v)',
      '\treturn err',
      '}',
      '',
      'func (b *boolValue) Type() string {',
      '\treturn "bool"',
      '}',
      '',
      'func (b *boolValue) String() string { return strconv.FormatBool(bool(*b)) }',
    )
    const part = lines(
      '\t*b = boolValue(v)',
      '\treturn err',
      '}',
      '',
      'func (b *boolValue) Type() string {',
      '\treturn "bool"',
    )
    const { best, reuse } = bestFor(saved, part)
    expect(best?.assetId).toBe('saved')
    expect(reuse).toBe(true)
  })
})
