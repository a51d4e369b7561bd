import { describe, expect, it } from 'vitest'
import { createEngine } from '..'
import { bestFor, lines } from '../test-support/reuse-pair'

// Issue 12: in C headers the directives inside an `#if` are often indented after the `#`
// (`#  define`, `# include "x.h"`). The tokenizer reads them as code; the line reading of
// edited copies read them as `# ` comments and left them out, so two headers that differ only
// in such lines read as the same lines (0.99, what any copy short of identical scores at most).
const limits = (pathMax: string, nameMax: string, sep: string): string =>
  lines(
    '#ifndef COURIER_LIMITS_H',
    '#define COURIER_LIMITS_H',
    '',
    '#if defined(_WIN32)',
    '#  define COURIER_PATH_MAX 260',
    '#  define COURIER_NAME_MAX 255',
    "#  define COURIER_PATH_SEP '\\\\'",
    '#  define COURIER_LINE_END "\\r\\n"',
    '#else',
    `#  define COURIER_PATH_MAX ${pathMax}`,
    `#  define COURIER_NAME_MAX ${nameMax}`,
    `#  define COURIER_PATH_SEP ${sep}`,
    '#  define COURIER_LINE_END "\\n"',
    '#endif',
    '',
    '#endif /* COURIER_LIMITS_H */',
  )
const saved = limits('4096', '255', "'/'")

describe('indented C directives', () => {
  it('a header with one value changed scores above one with every value changed', () => {
    const one = bestFor(saved, saved.replace('COURIER_PATH_MAX 4096', 'COURIER_PATH_MAX 1024'))
    const every = bestFor(
      saved,
      saved.replace(/(define COURIER_\w+) .*/g, (_all, name: string) => `${name} 0`),
    )
    expect(one.best?.assetId).toBe('saved')
    expect(one.reuse).toBe(true)
    expect(every.best?.assetId).toBe('saved')
    // Each copy's indented lines are read: every value changed is far from one value changed.
    expect(every.best?.similarity ?? 1).toBeLessThan((one.best?.similarity ?? 0) - 0.05)
    expect(every.best?.similarity ?? 1).toBeLessThan(0.9)
  })

  it('of two saved headers that differ only in indented defines, a copy finds its own', () => {
    const engine = createEngine()
    const other = limits('1024', '14', "':'")
    engine.add('posix', engine.fingerprint(saved))
    engine.add('classic', engine.fingerprint(other))
    const copy = other.replace('COURIER_NAME_MAX 14', 'COURIER_NAME_MAX 31')
    const [best, next] = engine.match(copy, 2)
    expect(best?.assetId).toBe('classic')
    expect(engine.isReuse(best)).toBe(true)
    // …and the other header is told apart, not a near-identical second.
    expect(next?.similarity ?? 0).toBeLessThan((best?.similarity ?? 0) - 0.05)
  })

  it('a Python comment that starts like a directive stays a comment', () => {
    // `#  define` is code only in preprocessor text: here an edited comment is no code edit.
    const py = lines(
      'def limits(config):',
      '    #  define the limits from the config, falling back on the defaults',
      "    path_max = config.get('path_max', 4096)",
      "    name_max = config.get('name_max', 255)",
      '    #  include the separator only where the platform has one',
      "    sep = config.get('sep', '/')",
      '    return path_max, name_max, sep',
    )
    const copy = py
      .replace('from the config', 'from the settings')
      .replace('only where the platform has one', 'when set')
    const { best, reuse } = bestFor(py, copy)
    expect(best?.assetId).toBe('saved')
    expect(reuse).toBe(true)
    expect(best?.similarity ?? 0).toBeGreaterThan(0.9)
  })
})
