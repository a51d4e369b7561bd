import { describe, expect, it } from 'vitest'
import { blindedLines, copiedShare, splitCopies } from './corpus'
import { contiguousPart, seededRandom } from './variants'

// The navigation header of two pages of one generated manual (valgrind's docs): the same
// template, only the neighbours' names differ.
const header = (prev: string, next: string): string =>
  [
    `<link rel="prev" href="${prev}.html" title="${prev}">`,
    `<link rel="next" href="${next}.html" title="${next}">`,
    '</head>',
    '<body bgcolor="white" text="black" link="#0000FF" vlink="#840084" alink="#0000FF">',
    '<div><table class="nav" width="100%" summary="Navigation header"><tr>',
    `<td width="22px"><a accesskey="p" href="${prev}.html"><img src="images/prev.png" alt="Prev"></a></td>`,
    '<td width="25px"><a accesskey="u" href="manual.html"><img src="images/up.png" alt="Up"></a></td>',
    '<td width="31px"><a accesskey="h" href="index.html"><img src="images/home.png" alt="Up"></a></td>',
  ].join('\n')

const unrelated = [
  'function retry(task, times) {',
  '  for (let attempt = 0; attempt < times; attempt++) {',
  '    try {',
  '      return task()',
  '    } catch (error) {',
  '      if (attempt === times - 1) throw error',
  '    }',
  '  }',
  '}',
].join('\n')

describe('unrelated code in the quality report', () => {
  it('a page of the same template is a copy of the saved page by a line diff', () => {
    const saved = { text: header('lk-manual', 'bbv-manual') }
    const twin = { text: header('mc-manual', 'cl-manual') }
    expect(copiedShare(twin.text, saved.text)).toBeGreaterThanOrEqual(0.5)
    const { kept, copies } = splitCopies([twin, { text: unrelated }], [saved], 0.5)
    expect(copies.map((c) => [c.candidate, c.of])).toEqual([[twin, saved]])
    expect(kept).toEqual([{ text: unrelated }])
  })

  it('code sharing only a line or two with a saved snippet stays unrelated', () => {
    const other = unrelated.replace('retry(task, times)', 'poll(check, limit)')
    const saved = [
      'function poll(check, limit) {',
      '  let seen = 0',
      '  while (seen < limit) {',
      '    if (check()) return true',
      '    seen++',
      '  }',
      '  return false',
      '}',
    ].join('\n')
    expect(copiedShare(other, saved)).toBeLessThan(0.5)
    expect(splitCopies([{ text: other }], [{ text: saved }]).kept).toHaveLength(1)
  })
})

describe('the partial variant', () => {
  it('holds at least five non-blank lines when the snippet has blank ones', () => {
    const text = ['a = 1', '', 'b = 2', '', 'c = 3', '', 'd = 4', '', 'e = 5', '', 'f = 6'].join(
      '\n',
    )
    const random = seededRandom(5)
    for (let k = 0; k < 10; k++) {
      const part = contiguousPart(text, random)
      expect(part.split('\n').filter((l) => l.trim() !== '').length).toBeGreaterThanOrEqual(5)
    }
  })
})

describe('renamed copies in the quality report', () => {
  // fastify-plugin's two example typings: one file with every Async renamed Callback.
  const typings = (kind: string): string =>
    [
      `import { FastifyPlugin${kind} } from 'fastify'`,
      '',
      `type FastifyExample${kind} = FastifyPlugin${kind}<fastifyExample${kind}.FastifyExample${kind}Options>`,
      '',
      `declare namespace fastifyExample${kind} {`,
      `  export interface FastifyExample${kind}Options {`,
      "    foo?: 'bar'",
      '  }',
      `  export interface FastifyExample${kind}PluginOptions extends FastifyExample${kind}Options {`,
      '  }',
      `  export const fastifyExample${kind}: FastifyExample${kind}`,
      `  export { fastifyExample${kind} as default }`,
      '}',
    ].join('\n')
  const exportsOf = (...names: string[]): string =>
    names.map((n) => `exports.${n} = ${n};`).join('\n')

  it('a renamed copy is one once names are blinded, not by the plain line diff', () => {
    const saved = { text: typings('Async'), lang: 'ts' }
    const copy = { text: typings('Callback'), lang: 'ts' }
    expect(copiedShare(copy.text, saved.text)).toBeLessThan(0.5)
    const blinded = (s: { text: string; lang: string }) => blindedLines(s.text, s.lang)
    const { copies } = splitCopies([copy], [saved], 0.5, blinded)
    expect(copies.map((c) => c.of)).toEqual([saved])
  })

  it('a list of other names is another list, and code of another shape stays unrelated', () => {
    const saved = {
      text: exportsOf('assertBinary', 'assertBlock', 'assertBlockParent'),
      lang: 'js',
    }
    const other = { text: exportsOf('loadConfig', 'loadPlugin', 'resolvePreset'), lang: 'js' }
    const retry = { text: unrelated, lang: 'js' }
    const blinded = (s: { text: string; lang: string }) => blindedLines(s.text, s.lang)
    const { kept } = splitCopies(
      [other, retry],
      [saved, { text: typings('Async'), lang: 'ts' }],
      0.5,
      blinded,
    )
    expect(kept).toEqual([other, retry])
  })
})
