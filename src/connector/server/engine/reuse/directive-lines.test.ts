import { describe, expect, it } from 'vitest'
import { createEngine } from '..'
import { normalizeSnippet } from '../normalize'
import { codeLinesOf } from './sketch'
import { lineReading } from './similarity'
import { lines } from '../test-support/reuse-pair'

// A header whose directives are indented after the `#` inside an `#if` (zlib's, Python's and
// Tcl's headers in the issue 12 tune set write them so), written anew. The tokens read
// `#  define` as code; the line reading read it as a `# ` comment and kept only the `#if` lines.
const header = (windows: string[], posix: string[]): string =>
  lines(
    '#ifndef QUEUE_CONFIG_H',
    '#define QUEUE_CONFIG_H',
    '',
    '#if defined(_WIN32)',
    ...windows,
    '#else',
    ...posix,
    '#endif',
    '',
    '#endif /* QUEUE_CONFIG_H */',
  )
const paths = header(
  [
    "#  define QUEUE_PATH_SEP '\\\\'",
    '#  define QUEUE_MAX_PATH 260',
    '#  define QUEUE_EXPORT __declspec(dllexport)',
    '#  include <windows.h>',
  ],
  [
    "#  define QUEUE_PATH_SEP '/'",
    '#  define QUEUE_MAX_PATH 4096',
    '#  define QUEUE_EXPORT __attribute__((visibility("default")))',
    '#  include <unistd.h>',
  ],
)
const locks = header(
  [
    '#  define QUEUE_LOCK CRITICAL_SECTION',
    '#  define QUEUE_LOCK_INIT(l) InitializeCriticalSection(l)',
    '#  define QUEUE_SLEEP_MS(n) Sleep(n)',
    '#  include <windows.h>',
  ],
  [
    '#  define QUEUE_LOCK pthread_mutex_t',
    '#  define QUEUE_LOCK_INIT(l) pthread_mutex_init((l), NULL)',
    '#  define QUEUE_SLEEP_MS(n) usleep((n) * 1000)',
    '#  include <pthread.h>',
  ],
)

function matchAgainst(saved: string, copy: string) {
  const engine = createEngine()
  engine.add('saved', engine.fingerprint(saved))
  const best = engine.match(copy, 1)[0]
  return { best, reuse: engine.isReuse(best) }
}

describe('directive lines', () => {
  it('two headers of one skeleton whose indented defines all differ are not reuse', () => {
    const { best, reuse } = matchAgainst(paths, locks)
    expect(reuse).toBe(false)
    expect(best?.similarity ?? 0).toBeLessThan(0.78)
  })

  it("a copy with one indented define's value changed is reuse, below an unchanged copy", () => {
    const edited = paths.replace('QUEUE_MAX_PATH 4096', 'QUEUE_MAX_PATH 1024')
    const respaced = paths.replace(/^# {2}/gm, '#    ')
    const changed = matchAgainst(paths, edited)
    const same = matchAgainst(paths, respaced)
    expect(changed.reuse).toBe(true)
    expect(same.reuse).toBe(true)
    // Spacing after the `#` is no change (the tokens leave it out); a value is.
    expect(changed.best?.similarity ?? 1).toBeLessThan(same.best?.similarity ?? 0)
  })

  it('a `#  define` comment of Python or shell stays a comment in the line reading', () => {
    const saved = lines(
      'def window(limit, items):',
      '    #  define the window: the newest items, at most limit of them',
      '    out = []',
      '    # include the ones on the edge too',
      '    for item in reversed(items):',
      '        if len(out) >= limit:',
      '            break',
      '        out.append(item)',
      '    return out',
    )
    const reworded = saved
      .replace('the newest items, at most limit of them', 'the last limit items')
      .replace('include the ones on the edge too', 'include edges')
    const read = (t: string): Uint16Array => codeLinesOf(normalizeSnippet(t))
    expect(read(saved)).toHaveLength(7)
    expect(lineReading(read(saved), read(reworded))).toBe(1)
  })
})
