/**
 * Issue 12's own tune set (never the quality report's held-out files): C from the example
 * programs of Debian's -dev packages, Python's C sources and /usr/include; Swift from
 * react-native-pager-view and slices of Capacitor's tune-part files that the report does not
 * draw (every 3rd slice from the 4th on). Prints renamed-any and partial per language and the
 * misses, to study them here. Run: npx tsx bench/renamed-tune.ts [--show]
 */
import { createEngine } from '../src/connector/server/engine'
import {
  distinctSnippets,
  findSources,
  sliceSnippets,
} from '../src/connector/server/engine/test-support/corpus'
import {
  contiguousPart,
  renameIdentifiers,
  seededRandom,
} from '../src/connector/server/engine/test-support/variants'
import { SAMPLES_DIR } from '../src/connector/server/engine/test-support/sample-sources'
import { join } from 'node:path'

const D = '/usr/share/doc'
const SETS: [string, string[], string[], number][] = [
  [
    'c',
    [
      `${D}/nettle-dev`,
      `${D}/libxmlsec1-dev`,
      `${D}/zlib1g-dev`,
      `${D}/linux-perf`,
      `${D}/libidn2-dev`,
      `${D}/libtasn1-6-dev`,
      `${D}/liblzma-dev`,
      `${D}/libpng-dev`,
      `${D}/git/contrib`,
      '/root/.pyenv/versions/3.11.7/lib',
      '/usr/include/x86_64-linux-gnu/sys',
      '/usr/include/openssl',
    ],
    ['c', 'h'],
    6,
  ],
  [
    'swift',
    [
      join(SAMPLES_DIR, 'npm/react-native-pager-view'),
      ...[
        'app',
        'keyboard',
        'local-notifications',
        'status-bar',
        'action-sheet',
        'dialog',
        'ios',
      ].map((p) => join(SAMPLES_DIR, `npm/@capacitor+${p}`)),
    ],
    ['swift'],
    40,
  ],
]
const COMMENT_LINE = /^\s*(?:\/\/|\/?\*|#)/
// Half the lines or more are code: block comments blanked (newlines kept), then line comments.
const mostlyCode = (s: string): boolean => {
  const lines = s.split('\n').filter((l) => l.trim() !== '')
  const code = s
    .replace(/\/\*[\s\S]*?(?:\*\/|$(?![\s\S]))/g, (c) => c.replace(/[^\n]/g, ''))
    .split('\n')
    .filter((l) => l.trim() !== '' && !COMMENT_LINE.test(l))
  return code.length * 2 >= lines.length
}
const show = process.argv.includes('--show')
const pc = (n: number, d: number) => `${((100 * n) / Math.max(1, d)).toFixed(1)}% (${n}/${d})`

const engine = createEngine()
const saved: { lang: string; text: string; path: string }[] = []
for (const [lang, roots, exts, perPackage] of SETS) {
  const files = findSources(roots, exts, 400, perPackage).filter(
    (f) => !f.path.endsWith('Package.swift'),
  )
  const texts = files.flatMap((f) =>
    sliceSnippets(f.text, 8, 30)
      .filter(
        (_, i) => lang !== 'swift' || f.path.includes('pager-view') || (i >= 3 && i % 3 === 0),
      )
      .filter(mostlyCode)
      .slice(0, 3)
      .map((text) => ({ lang, text, path: f.path })),
  )
  const distinct = new Set(distinctSnippets(texts.map((t) => t.text)))
  const seen = new Set<string>()
  saved.push(
    ...texts
      .filter((t) => distinct.has(t.text) && !seen.has(t.text) && seen.add(t.text))
      .slice(0, 150),
  )
}
saved.forEach((s, i) => engine.add(`a${i}`, engine.fingerprint(s.text)))
for (const [name, variant] of [
  ['renamed: any names', (t: string, l: string) => renameIdentifiers(t, l, 'any')],
  ['partial', (t: string, _l: string, r: () => number) => contiguousPart(t, r)],
] as const) {
  for (const [lang] of SETS) {
    const random = seededRandom(5)
    let hit = 0
    let n = 0
    saved.forEach((s, i) => {
      if (s.lang !== lang) return
      const copy = variant(s.text, lang, random)
      n++
      const best = engine.match(copy, 1)[0]
      if (best?.assetId === `a${i}` && engine.isReuse(best)) hit++
      else if (show)
        console.log(
          `--- MISS ${name} ${lang} ${s.path} best=${best?.assetId} (a${i}) sim=${best?.similarity.toFixed(3)}\n${s.text}\n--- copy:\n${copy}\n`,
        )
    })
    console.log(`${name} ${lang}: ${pc(hit, n)}`)
  }
}
