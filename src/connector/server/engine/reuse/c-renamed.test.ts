import { describe, expect, it } from 'vitest'
import { bestFor, lines } from '../test-support/reuse-pair'

// C copies with every name renamed (library names too) that issue 12's held-out report missed:
// directives indented after their `#` were read as comments, and C's `self` as a keyword.

/** Each word of `names` replaced by `renamedN`, as a refactor (or another project) would. */
function rename(text: string, names: string[]): string {
  return names.reduce(
    (out, name, i) => out.replace(new RegExp(`\\b${name}\\b`, 'g'), `renamed${i}`),
    text,
  )
}

describe('renamed C', () => {
  const directives = lines(
    '#if defined(USE_ZSTD)',
    '#  include "zstd.h"',
    '#  define CODEC_PREFIX(x) zstd_##x',
    '#  define CODEC_LEVEL ZSTD_CLEVEL_DEFAULT',
    '#elif defined(USE_LZ4)',
    '#  include "lz4.h"',
    '#  define CODEC_PREFIX(x) lz4_##x',
    '#  define CODEC_LEVEL LZ4_ACCELERATION',
    '#endif',
  )

  it('a block of directives indented after the `#` is reuse once its names are renamed', () => {
    // Read as comment words, the renamed macros made the copy's comments another text: it
    // scored 0.64 (now 0.93).
    const copy = rename(directives, [
      'USE_ZSTD',
      'CODEC_PREFIX',
      'zstd_',
      'CODEC_LEVEL',
      'ZSTD_CLEVEL_DEFAULT',
      'USE_LZ4',
      'lz4_',
      'LZ4_ACCELERATION',
    ])
    const { best, reuse } = bestFor(directives, copy)
    expect(best?.assetId).toBe('saved')
    expect(reuse).toBe(true)
  })

  it('another block of directives of that form is not reuse', () => {
    const other = lines(
      '#if defined(HAVE_EPOLL)',
      '#  include "poll_epoll.h"',
      '#  define POLL_IMPL(x) epoll_##x',
      '#  define POLL_MAX EPOLL_MAX_EVENTS',
      '#elif defined(HAVE_KQUEUE)',
      '#  include "poll_kqueue.h"',
      '#  define POLL_IMPL(x) kqueue_##x',
      '#  define POLL_MAX KQUEUE_MAX_EVENTS',
      '#endif',
    )
    expect(bestFor(directives, other).reuse).toBe(false)
  })

  it('a shell comment that starts with a directive word is still a comment', () => {
    const saved = lines(
      '# include the defaults first, then the local overrides',
      'for file in /etc/app/defaults.conf "$HOME/.config/app.conf"; do',
      '  # if the file is missing, skip it',
      '  [ -r "$file" ] || continue',
      '  . "$file"',
      'done',
    )
    // The comments reworded, the code left as it is: still the same snippet.
    const copy = saved
      .replace('the defaults first, then the local overrides', 'shipped values, then yours')
      .replace('if the file is missing, skip it', 'if it cannot be read, go on')
    const { best, reuse } = bestFor(saved, copy)
    expect(best?.assetId).toBe('saved')
    expect(reuse).toBe(true)
  })

  const methods = lines(
    'static void node_cursor_reset(NodeCursor *self) {',
    '  stack_clear(&self->frames);',
    '  self->depth = 0;',
    '}',
    '',
    'static Node node_cursor_current(NodeCursor *self) {',
    '  return self->frames.size > 0',
    '    ? self->frames.items[self->frames.size - 1].node',
    '    : NODE_NONE;',
    '}',
  )

  it('C methods on `self` are reuse once `self` and every other name are renamed', () => {
    // `self` read as a keyword (Python's, Swift's) left the copy's shape another: it scored 0.15
    // (now 0.90).
    const copy = rename(methods, [
      'node_cursor_reset',
      'NodeCursor',
      'self',
      'stack_clear',
      'frames',
      'depth',
      'Node',
      'node_cursor_current',
      'size',
      'items',
      'node',
      'NODE_NONE',
    ])
    const { best, reuse } = bestFor(methods, copy)
    expect(best?.assetId).toBe('saved')
    expect(reuse).toBe(true)
  })

  it('other C methods on `self` of that form are not reuse', () => {
    const other = lines(
      'static void parser_skip_space(Parser *self) {',
      '  while (isspace(*self->cursor)) self->cursor++;',
      '  self->column = 1;',
      '}',
      '',
      'static Token parser_peek(Parser *self) {',
      '  return self->pending.count > 0',
      '    ? self->pending.tokens[0]',
      '    : lexer_next(self->lexer, "peek");',
      '}',
    )
    expect(bestFor(methods, other).reuse).toBe(false)
  })
})
