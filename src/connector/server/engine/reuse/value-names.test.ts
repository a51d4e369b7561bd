import { describe, expect, it } from 'vitest'
import { bestFor, lines } from '../test-support/reuse-pair'

// A word that is a value elsewhere (`undefined`, `null`, `nil`) named as an enum's case: a
// rename of every name changes it too.

describe('value words used as names', () => {
  const saved = lines(
    'private enum LookupResult: String {',
    '    case undefined = "undefined"',
    '    case missing = "{}"',
    '}',
  )

  it('an enum whose cases are value words is reuse once every name is renamed', () => {
    // Read as a keyword in the saved snippet and as a name in the copy, `undefined` left the
    // copy's shape another: no saved snippet was found for it (now 0.90).
    const copy = saved
      .replace(/\bLookupResult\b/g, 'Found')
      .replace(/\bString\b/g, 'Text')
      .replace(/\bundefined\b(?!")/g, 'unset')
      .replace(/\bmissing\b/g, 'none')
    const { best, reuse } = bestFor(saved, copy)
    expect(best?.assetId).toBe('saved')
    expect(reuse).toBe(true)
  })

  it('another enum of that form with its own raw values is not reuse', () => {
    const other = lines(
      'private enum Theme: String {',
      '    case light = "light"',
      '    case dark = "dark"',
      '}',
    )
    expect(bestFor(saved, other).reuse).toBe(false)
  })
})
