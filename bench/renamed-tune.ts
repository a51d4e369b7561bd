/**
 * Issue 12's own tune set (never the quality report's held-out files): C from the example
 * programs of Debian's -dev packages, Python's and numpy's C headers, /usr/include, the C of
 * wrapt's and lazy-object-proxy's extensions, Python's and Tcl's headers (C's preprocessor lines
 * counted as code), and the slices past the 3 a file that the report draws of its tune-part
 * libcurl examples and argon2;
 * Swift from react-native-pager-view and the slices of Capacitor's tune-part files that the
 * report does not draw (from the 4th on, up to 8 a file), and their members (one indent level
 * less) up to 12 a file; TypeScript from node_modules packages
 * of the tune part; Go from Debian's golang packages that `sample-sources.ts` does not name.
 * Files the first table of `bench/quality.ts` draws are left out. Prints the files found per
 * source, renamed-any and partial per language, and the misses to study them here.
 * Run: npx tsx bench/renamed-tune.ts [--show] [--lang=c,go]
 */
import { join } from 'node:path'
import { createEngine } from '../src/connector/server/engine'
import {
  distinctSnippets,
  findSources,
  packageOfSource,
  sliceSnippets,
  type SourceFile,
} from '../src/connector/server/engine/test-support/corpus'
import {
  contiguousPart,
  renameIdentifiers,
  seededRandom,
} from '../src/connector/server/engine/test-support/variants'
import {
  partOfPackage,
  SAMPLES_DIR,
} from '../src/connector/server/engine/test-support/sample-sources'
import {
  C_SOURCES,
  D,
  mixedTableFiles,
  mostlyCCode,
  mostlyCode,
  only,
  pc,
  pyenv,
  python,
  show,
} from './tune-support'

const GO = '/usr/share/gocode/src'
const SITE = join(pyenv, python ?? '', 'lib/python3.11/site-packages')
const wrapt = join(SITE, 'wrapt')
const proxy = join(SITE, 'lazy_object_proxy')

interface TuneSet {
  lang: string
  /**
   * Each source's roots (walked on their own, so each gets its quota of files), and optionally
   * its own files per package and slices per file.
   */
  sources: [string, string[], { perPackage?: number; perFile?: number }?][]
  exts: string[]
  perPackage: number
  /** Slices kept per file (3 unless told). */
  perFile?: number
  keep?: (f: SourceFile) => boolean
  keepSlice?: (f: SourceFile, index: number) => boolean
  /**
   * Also slice each file one indent level less, up to this many a file: a Swift type's members
   * (the body of a class is indented, and slices start at an unindented line).
   */
  members?: number
}
const SETS: TuneSet[] = [
  {
    lang: 'c',
    sources: [
      ...C_SOURCES,
      ['deb:libx11-dev (Xtrans)', ['/usr/include/X11/Xtrans']],
      ['pip:numpy (C headers)', [join(SITE, 'numpy')]],
      ['deb:libcurl4-doc (slices the report leaves)', [`${D}/libcurl4/examples`]],
      ['npm:argon2 (slices the report leaves)', [join(SAMPLES_DIR, 'npm/argon2/argon2')]],
      // Issue 12u: C whose names are keywords elsewhere (`PyObject *self`, `self->dict`), and
      // headers whose directives are indented after the `#` (`#  define`, `# include`).
      ['pip:wrapt, lazy-object-proxy (C extensions)', [wrapt, proxy], { perFile: 12 }],
      [`pyenv ${python ?? ''} headers`, [join(pyenv, python ?? '', 'include')], { perPackage: 12 }],
      ['deb:tcl8.6-dev (private headers)', ['/usr/include/tcl8.6/tcl-private'], { perPackage: 12 }],
    ],
    exts: ['c', 'h'],
    perPackage: 6,
    // libcurl's examples and argon2 are the report's tune part, which draws 3 slices a file.
    keepSlice: (f, i) => i >= 3 || !/libcurl4\/examples|\/argon2\//.test(f.path),
  },
  {
    lang: 'swift',
    sources: [
      ['npm:react-native-pager-view', [join(SAMPLES_DIR, 'npm/react-native-pager-view')]],
      ...['app', 'keyboard', 'local-notifications', 'status-bar', 'action-sheet', 'dialog', 'ios']
        .map((p) => `@capacitor+${p}`)
        .map((p): [string, string[]] => [`npm:${p}`, [join(SAMPLES_DIR, 'npm', p)]]),
    ],
    exts: ['swift'],
    perPackage: 40,
    keep: (f) => !f.path.endsWith('Package.swift'),
    keepSlice: (f, i) => f.path.includes('pager-view') || i >= 3,
    perFile: 8,
    members: 12,
  },
  {
    lang: 'ts',
    sources: [['dev:node_modules (tune-part packages)', ['node_modules']]],
    exts: ['ts', 'mts'],
    perPackage: 6,
    keep: (f) => partOfPackage(packageOfSource(f.path)) === 'tune',
  },
  {
    lang: 'go',
    sources: [
      ['BurntSushi/toml', 'burntsushi-toml'],
      ['davecgh/go-spew', 'davecgh-go-spew'],
      ['fsnotify/fsnotify', 'fsnotify-fsnotify'],
      ['hashicorp/hcl', 'hashicorp-hcl'],
      ['magiconair/properties', 'magiconair-properties'],
      ['pelletier/go-toml', 'pelletier-go-toml'],
      ['russross/blackfriday', 'russross-blackfriday-v2'],
      ['spf13/afero', 'spf13-afero'],
      ['spf13/pflag', 'spf13-pflag'],
      ['spf13/viper', 'spf13-viper'],
      ['pkg/sftp', 'pkg-sftp'],
    ]
      .map(([dir, pkg]): [string, string[]] => [
        `deb:golang-github-${pkg}-dev`,
        [`${GO}/github.com/${dir}`],
      ])
      .concat([
        ['deb:golang-gopkg-yaml.v3-dev', [`${GO}/gopkg.in/yaml.v3`]],
        ['deb:golang-gopkg-ini.v1-dev', [`${GO}/gopkg.in/ini.v1`]],
        ['deb:golang-golang-x-text-dev', [`${GO}/golang.org/x/text`]],
      ]),
    exts: ['go'],
    perPackage: 6,
  },
]

/** Slices of a file one indent level less (its first indented line's indent taken off). */
function memberSlices(text: string): string[] {
  const indent = /^([ \t]+)\S/m.exec(text)?.[1]
  if (!indent) return []
  const lines = text.split('\n').map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l))
  return sliceSnippets(lines.join('\n'), 8, 30).filter((s) => !text.includes(s))
}

const sets = SETS.filter((s) => !only || only.split(',').includes(s.lang))
const pool = mixedTableFiles()
const engine = createEngine()
const saved: { lang: string; text: string; path: string }[] = []
for (const { lang, sources, exts, perPackage, perFile = 3, keep, keepSlice, members } of sets) {
  const files = sources.flatMap(([label, roots, own]) => {
    const found = findSources(roots, exts, 400, own?.perPackage ?? perPackage).filter(
      (f) => (keep?.(f) ?? true) && !pool.has(f.path),
    )
    console.log(`${lang} ${label}: ${found.length} files`)
    return found.map((f) => ({ f, slices: own?.perFile ?? perFile }))
  })
  const texts = files.flatMap(({ f, slices }) =>
    sliceSnippets(f.text, 8, 30)
      .filter((_, i) => keepSlice?.(f, i) ?? true)
      .filter(lang === 'c' ? mostlyCCode : mostlyCode)
      .slice(0, slices)
      .concat(members ? memberSlices(f.text).filter(mostlyCode).slice(0, members) : [])
      .map((text) => ({ lang, text, path: f.path })),
  )
  const distinct = new Set(distinctSnippets(texts.map((t) => t.text)))
  const seen = new Set<string>()
  saved.push(
    ...texts
      .filter((t) => distinct.has(t.text) && !seen.has(t.text) && seen.add(t.text))
      .slice(0, 400),
  )
}
saved.forEach((s, i) => engine.add(`a${i}`, engine.fingerprint(s.text)))
console.log('')
for (const [name, variant] of [
  ['renamed: any names', (t: string, l: string) => renameIdentifiers(t, l, 'any')],
  ['partial', (t: string, _l: string, r: () => number) => contiguousPart(t, r)],
] as const) {
  for (const { lang } of sets) {
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
