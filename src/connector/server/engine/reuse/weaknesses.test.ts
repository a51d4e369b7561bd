import { describe, expect, it } from 'vitest'
import { createEngine } from '../index'

// Each named weakness of issue 12, as a saved snippet and a copy a user would call the same code.
function bestFor(saved: string, copy: string) {
  const engine = createEngine()
  engine.add('saved', engine.fingerprint(saved))
  // Neighbours of the same language, so the saved snippet has to win on its own merits.
  engine.add('other', engine.fingerprint('int total = 0;\nfor (int i = 0; i < n; i++) total += i;'))
  const best = engine.match(copy, 1)[0]
  return { best, reuse: engine.isReuse(best) }
}

const lines = (...l: string[]): string => l.join('\n')

describe('reuse that survives real edits', () => {
  it('an edited comment does not hide a structurally identical copy', () => {
    const saved = lines(
      '// Sum the prices of the items in the cart, skipping the ones out of stock',
      '// and applying the discount of each line before adding it up.',
      'function total(cart) {',
      '  let sum = 0',
      '  for (const item of cart.items) if (item.inStock) sum += item.price * (1 - item.discount)',
      '  return sum',
      '}',
    )
    const copy = saved
      .replace('Sum the prices', 'Add up what')
      .replace('skipping the ones out of stock', 'ignoring items nobody can buy')
    const { best, reuse } = bestFor(saved, copy)
    expect(best?.assetId).toBe('saved')
    expect(reuse).toBe(true)
  })

  it('a renamed variable inside a shell string ("$name") is part of the rename', () => {
    const saved = lines(
      'for file in "$@"; do',
      '  backup="$file.bak"',
      '  cp "$file" "$backup" || exit 1',
      '  echo "saved $file to ${backup}"',
      'done',
    )
    const copy = saved.replaceAll('file', 'src').replaceAll('backup', 'copy')
    const { best, reuse } = bestFor(saved, copy)
    expect(best?.assetId).toBe('saved')
    expect(reuse).toBe(true)
  })

  it('a parameter renamed apart from the field of the same name (this.count = count)', () => {
    const saved = lines(
      'public Counter(int count, String label) {',
      '  this.count = count;',
      '  this.label = label;',
      '  this.started = System.nanoTime();',
      '}',
    )
    const copy = saved
      .replace('int count', 'int initial')
      .replace('= count;', '= initial;')
      .replace('String label', 'String name')
      .replace('= label;', '= name;')
    const { best, reuse } = bestFor(saved, copy)
    expect(best?.assetId).toBe('saved')
    expect(reuse).toBe(true)
  })

  it('case-folded twins (Object object) keep their own numbers in the shape', () => {
    const saved = lines(
      'Object object = registry.lookup(key);',
      'if (object == null) {',
      '  object = new Object();',
      '  registry.put(key, object);',
      '}',
      'return object;',
    )
    const copy = saved.replace(/\bobject\b/g, 'found')
    const { best, reuse } = bestFor(saved, copy)
    expect(best?.assetId).toBe('saved')
    expect(reuse).toBe(true)
  })

  it('a local named like a keyword of another language (in) renames like any name', () => {
    const saved = lines(
      'InputStream in = socket.getInputStream();',
      'byte[] buffer = new byte[4096];',
      'int read = in.read(buffer);',
      'while (read > 0) {',
      '  out.write(buffer, 0, read);',
      '  read = in.read(buffer);',
      '}',
    )
    const copy = saved.replace(/\bin\b/g, 'input')
    const { best, reuse } = bestFor(saved, copy)
    expect(best?.assetId).toBe('saved')
    expect(reuse).toBe(true)
  })
})

describe('honest similarity', () => {
  const saved = lines(
    'const retries = 3',
    'for (let attempt = 0; attempt < retries; attempt++) {',
    "  if (await ping('https://example.org/health')) break",
    '  await sleep(250 * attempt)',
    '}',
  )

  it('reads 100% only for an identical (normalised) copy', () => {
    const { best } = bestFor(saved, `\n    ${saved.replaceAll('\n', '\n    ')}\n`)
    expect(best?.exact).toBe(true)
    expect(best?.similarity).toBe(1)
  })

  it('a changed literal or name reads below 100%', () => {
    const literal = bestFor(saved, saved.replace('250', '500')).best
    expect(literal?.assetId).toBe('saved')
    expect(literal?.similarity).toBeLessThan(1)
    expect(Math.round((literal?.similarity ?? 1) * 100)).toBeLessThan(100)
    const renamed = bestFor(saved, saved.replaceAll('attempt', 'i')).best
    expect(renamed?.similarity).toBeLessThan(1)
  })
})
