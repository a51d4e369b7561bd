/**
 * Issue 12's tune set for false reuse on unrelated code (never the quality report's held-out
 * files): Java from the JDK's own sources (temurin's `lib/src.zip`, a few modules unpacked once
 * into a cache folder) and concurrent-ruby's Java extension; C from the example programs of
 * Debian's -dev packages, Python's C sources, /usr/include's sys and openssl headers (the C sets of
 * `bench/renamed-tune.ts`). The library also holds the reuse report's tune part (every language,
 * its saved snippets), so token weights read a library of many languages as the report's does;
 * that part's Java and C drawn code is measured too. For each source: snippets of half of its
 * files saved, of the other half drawn; a drawn snippet that a line diff (plain, or with names
 * blinded) finds half copied from a saved one is a copy, left out as the report does. Prints the
 * false reuse rate per source and per language, and with --show each false pair and its overlap.
 * Run: npx tsx bench/false-reuse-tune.ts [--show] [--lang=java,c]
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { createEngine, normalizeSnippet } from '../src/connector/server/engine'
import {
  blindedLines,
  distinctSnippets,
  findSources,
  sliceSnippets,
  splitCopies,
} from '../src/connector/server/engine/test-support/corpus'
import { sketchOf } from '../src/connector/server/engine/reuse/sketch'
import { createTokenWeights } from '../src/connector/server/engine/reuse/weights'
import { overlap, similarityOf } from '../src/connector/server/engine/reuse/similarity'
import { COPIED_SHARE, reuseCorpus } from './quality-reuse'
import { C_SOURCES, D, mixedTableFiles, mostlyCode, only, pc, show } from './tune-support'

const JDK_ZIP = '/usr/lib/jvm/temurin-25-jdk-amd64/lib/src.zip'
const JDK_DIR = join(homedir(), '.cache/clipwise-false-reuse-tune/jdk')
/** JDK modules' folders: plain library code, GUI code with getters and setters, protocols. */
const JDK_PARTS = [
  'java.sql/java/sql',
  'java.base/java/util/concurrent',
  'java.base/java/time',
  'java.net.http/jdk/internal/net/http',
  'java.logging/java/util/logging',
  'java.prefs/java/util/prefs',
  'java.management/javax/management',
  'java.naming/javax/naming',
  'jdk.httpserver/sun/net/httpserver',
  'java.desktop/javax/swing/text',
  'java.desktop/java/awt/event',
  'java.base/sun/security/util',
]
/** Unpacks the JDK folders once (unzip, quietly); none when the JDK sources are not there. */
function jdkRoots(): string[] {
  if (!existsSync(JDK_ZIP)) return []
  if (!existsSync(JDK_DIR)) {
    mkdirSync(JDK_DIR, { recursive: true })
    const patterns = JDK_PARTS.map((p) => `${p}/*`)
    execFileSync('unzip', ['-qq', '-o', JDK_ZIP, ...patterns, '-d', JDK_DIR])
  }
  return JDK_PARTS.map((p) => join(JDK_DIR, p)).filter((p) => existsSync(p))
}

interface TuneSet {
  lang: string
  sources: [string, string[]][]
  exts: string[]
  perPackage: number
}
const SETS: TuneSet[] = [
  {
    lang: 'java',
    sources: [
      ...jdkRoots().map((r): [string, string[]] => [`jdk:${r.slice(JDK_DIR.length + 1)}`, [r]]),
      [
        'gem:concurrent-ruby (ext)',
        ['/usr/share/rubygems-integration/all/gems/concurrent-ruby-1.1.6/ext'],
      ],
    ],
    exts: ['java'],
    perPackage: 200,
  },
  {
    lang: 'c',
    sources: [
      ...C_SOURCES,
      ['deb:libcurl4-doc (examples, files the tune part does not draw)', [`${D}/libcurl4`]],
      ['deb:libx11-dev (X11 extensions)', ['/usr/include/X11/extensions']],
      ['deb:linux-libc-dev (netfilter)', ['/usr/include/linux/netfilter']],
      ['deb:libc6-dev (bits)', ['/usr/include/x86_64-linux-gnu/bits']],
    ],
    exts: ['c', 'h'],
    perPackage: 40,
  },
]

interface Snippet {
  lang: string
  text: string
  path: string
  source: string
}
const sets = SETS.filter((s) => !only || only.split(',').includes(s.lang))
const tunePart = reuseCorpus(80, 'tune')
const saved: Snippet[] = tunePart.library.map((s) => ({ ...s, source: `tune part ${s.lang}` }))
const drawn: Snippet[] = tunePart.drawn
  .filter((s) => sets.some((t) => t.lang === s.lang))
  .filter((s) => !tunePart.copied.has(s) && !tunePart.renamedCopies.has(s))
  .map((s) => ({ ...s, source: `tune part ${s.lang}` }))
const pool = mixedTableFiles()
const tuneFiles = new Set([...saved, ...drawn].map((s) => s.path))
const extra: Snippet[] = []
for (const { lang, sources, exts, perPackage } of sets) {
  for (const [label, roots] of sources) {
    const files = findSources(roots, exts, 400, perPackage).filter(
      (f) => !pool.has(f.path) && !tuneFiles.has(f.path),
    )
    const slices = files.flatMap((f, k) =>
      sliceSnippets(f.text, 8, 30)
        .filter(mostlyCode)
        .slice(0, 3)
        .map((text) => ({ lang, text, path: f.path, source: label, even: k % 2 === 0 })),
    )
    const distinct = new Set(distinctSnippets(slices.map((t) => t.text)))
    const seen = new Set<string>()
    const kept = slices.filter((t) => distinct.has(t.text) && !seen.has(t.text) && seen.add(t.text))
    const mine = kept.filter((t) => t.even)
    console.log(`${lang} ${label}: ${files.length} files, ${mine.length} saved`)
    saved.push(...mine)
    extra.push(...kept.filter((t) => !t.even))
  }
}
// Drawn code that a line diff finds copied from any saved snippet (plain, or names blinded) is
// a copy, not unrelated code: left out as the report leaves it out (the tune part's drawn code
// too, now that the library holds more than that part's saved snippets).
const candidates = [...drawn.splice(0), ...extra]
for (const lang of new Set(candidates.map((s) => s.lang))) {
  const mineSaved = saved.filter((s) => s.lang === lang)
  const plain = splitCopies(
    candidates.filter((s) => s.lang === lang),
    mineSaved,
    COPIED_SHARE,
  ).kept
  drawn.push(...splitCopies(plain, mineSaved, COPIED_SHARE, (s) => blindedLines(s.text, lang)).kept)
}
const engine = createEngine()
saved.forEach((s, i) => engine.add(`a${i}`, engine.fingerprint(s.text)))
// The library's token weights, as the engine reads them, for --show's overlap.
const weights = createTokenWeights()
if (show) for (const s of saved) weights.add(sketchOf(normalizeSnippet(s.text)).tokens)
console.log(`\nlibrary: ${saved.length} saved snippets\n`)
const bySource = new Map<string, [number, number]>()
const byLang = new Map<string, [number, number]>()
for (const s of drawn) {
  const best = engine.match(s.text, 1)[0]
  const reused = engine.isReuse(best)
  for (const [map, key] of [
    [bySource, s.source],
    [byLang, s.lang],
  ] as const) {
    const c = map.get(key) ?? [0, 0]
    c[0] += reused ? 1 : 0
    c[1]++
    map.set(key, c)
  }
  const other = saved[Number(best?.assetId.slice(1))]
  if (show && reused && best && other) {
    const q = sketchOf(normalizeSnippet(s.text))
    const of = weights.of(q.tokens)
    const w = {
      of,
      total: of.reduce((a, b) => a + b, 0),
      totalOf: (t: Uint16Array) => weights.total(t),
    }
    const o = overlap(q, sketchOf(normalizeSnippet(other.text)), w)
    const fields = Object.entries(o).map(
      ([k, v]) => `${k}=${typeof v === 'number' ? v.toFixed(3) : String(v)}`,
    )
    console.log(
      `---- FALSE ${s.lang} ${best.similarity.toFixed(3)} (weighted ${similarityOf(q, o).toFixed(3)})\ncopy: ${s.path}\nsaved: ${other.path}\n${fields.join(' ')}\n-- copy:\n${s.text}\n-- saved:\n${other.text}\n----`,
    )
  }
}
for (const [source, [n, d]] of bySource) console.log(`false reuse ${source}: ${pc(n, d)}`)
for (const [lang, [n, d]] of byLang) console.log(`FALSE REUSE ${lang}: ${pc(n, d)}`)
