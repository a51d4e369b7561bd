import { describe, expect, it } from 'vitest'
import { bestFor, lines } from '../test-support/reuse-pair'

// Cases built on the issue 12 tune set (`bench/renamed-tune.ts`: Debian's C examples and
// /usr/include), written anew: a part cut inside a C comment's prose, a macro pasting tokens.
const commented = lines(
  "/* Copy the next record from the queue into the caller's buffer; return the",
  '   number of bytes copied, or -1 when the queue was closed before any record',
  '   arrived.  The caller owns buf and must give its size in cap. */',
  'static int take_record(struct queue *q, char *buf, size_t cap)',
  '{',
  '    struct record *r;',
  '    size_t n;',
  '',
  '    lock_queue(q);',
  '    while (q->head == NULL && !q->closed)',
  '        wait_queue(q);',
  '    r = q->head;',
  '    if (r == NULL) {',
  '        unlock_queue(q);',
  '        return -1;',
  '    }',
  '    q->head = r->next;',
  '    unlock_queue(q);',
  '    n = r->len < cap ? r->len : cap;',
  '    memcpy(buf, r->data, n);',
  '    free_record(r);',
  '    return (int)n;',
  '}',
)

describe('comment text', () => {
  it('a part that starts inside a block comment is reuse of the saved function', () => {
    // The copy starts on the comment's last line: its words are comment text, not code names.
    const part = commented.split('\n').slice(2, 14).join('\n')
    expect(part.startsWith('   arrived.')).toBe(true)
    const { best, reuse } = bestFor(commented, part)
    expect(best?.assetId).toBe('saved')
    expect(reuse).toBe(true)
  })

  it('a macro that pastes tokens, renamed, is reuse of the saved macro', () => {
    const macro = lines(
      '#define CONF_GETTER(type, field, unit)                          \\',
      '    typedef type(conf_##field##_fn)(const struct conf *c);      \\',
      '    static inline type conf_##field##_##unit(const struct conf *c) \\',
      '    {                                                           \\',
      '        return (type)c->field##_value * c->unit##_scale;        \\',
      '    }',
    )
    const names: Record<string, string> = {
      CONF_GETTER: 'OPT_READER',
      type: 'kind',
      field: 'slot',
      unit: 'scale',
      conf: 'options',
      conf_: 'options_',
      c: 'o',
    }
    const copy = macro.replace(/[A-Za-z_]\w*/g, (w) => names[w] ?? w)
    expect(copy).toContain('options_##slot##_##scale(const struct options *o)')
    const { best, reuse } = bestFor(macro, copy)
    expect(best?.assetId).toBe('saved')
    expect(reuse).toBe(true)
  })

  it('a glob in a string before a comment close stays code', () => {
    // `'**/'` holds a `*/`: read as a comment's end, the code before it would be dropped.
    const saved = lines(
      "const pattern = 'src/**/' + name + '.ts' /* one package */",
      'const found = []',
      'for (const file of walk(root)) {',
      '  if (match(file, pattern)) found.push(file)',
      '  if (found.length >= limit) break',
      '}',
      'return found.sort()',
    )
    const { best, reuse } = bestFor(saved, saved.replace(/\bfound\b/g, 'hits'))
    expect(best?.assetId).toBe('saved')
    expect(reuse).toBe(true)
  })
})
