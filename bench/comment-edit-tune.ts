/**
 * Issue 12's tune set for copies whose comments were edited (never the quality report's held-out
 * files): Ruby from its standard library (/usr/lib/ruby/3.1.0), the gems Debian vendors with it
 * (rubygems, tilt, xmlrpc) and webrick, net-telnet and public_suffix, none of them named by
 * `sample-sources.ts`. Snippets are cut as the reuse report cuts its Ruby (8–30 lines, 2 a file,
 * comment blocks kept: RDoc and YARD make many of them mostly comments). The library also holds
 * the reuse report's tune part (every language, its saved snippets), so token weights read a
 * library of many languages as the report's does. For each source: snippets of half of its files
 * saved, of the other half drawn as unrelated code (a drawn snippet that a line diff, plain or
 * with names blinded, finds half copied from a saved one is a copy, left out). Prints, per source
 * and for the tune part's languages, reuse suggested for the saved snippet on its comment-edited,
 * edited and partial copies, and false reuse on the drawn code; with --show each miss and false
 * pair.
 * Run: npx tsx bench/comment-edit-tune.ts [--show]
 */
import { createEngine, normalizeSnippet } from '../src/connector/server/engine'
import {
  blindedLines,
  distinctSnippets,
  findSources,
  sliceSnippets,
  splitCopies,
} from '../src/connector/server/engine/test-support/corpus'
import {
  contiguousPart,
  editComments,
  editLines,
  seededRandom,
} from '../src/connector/server/engine/test-support/variants'
import { sketchOf } from '../src/connector/server/engine/reuse/sketch'
import { overlap, similarityOf } from '../src/connector/server/engine/reuse/similarity'
import { COPIED_SHARE, reuseCorpus } from './quality-reuse'
import { pc, show } from './tune-support'

const GEMS = '/usr/share/rubygems-integration/all/gems'
const SOURCES: [string, string[], number][] = [
  ['deb:libruby3.1 (standard library)', ['/usr/lib/ruby/3.1.0'], 300],
  ['deb:libruby3.1 (vendor_ruby: rubygems, tilt, xmlrpc)', ['/usr/lib/ruby/vendor_ruby'], 120],
  [
    'deb:ruby-webrick, ruby-net-telnet, ruby-public-suffix',
    ['webrick-1.8.1', 'net-telnet-0.2.0', 'public_suffix-4.0.6'].map((g) => `${GEMS}/${g}`),
    60,
  ],
]

interface Snippet {
  lang: string
  text: string
  path: string
  source: string
}
const tunePart = reuseCorpus(80, 'tune')
const saved: Snippet[] = tunePart.library.map((s) => ({ ...s, source: `tune part ${s.lang}` }))
const drawn: Snippet[] = []
for (const [label, roots, perPackage] of SOURCES) {
  const files = findSources(roots, ['rb'], 400, perPackage)
  const slices = files.flatMap((f, k) =>
    sliceSnippets(f.text, 8, 30)
      .slice(0, 2)
      .map((text) => ({ lang: 'rb', text, path: f.path, source: label, even: k % 2 === 0 })),
  )
  const distinct = new Set(distinctSnippets(slices.map((t) => t.text)))
  const seen = new Set<string>()
  const kept = slices.filter((t) => distinct.has(t.text) && !seen.has(t.text) && seen.add(t.text))
  const mine = kept.filter((t) => t.even)
  console.log(`rb ${label}: ${files.length} files, ${mine.length} saved`)
  saved.push(...mine)
  drawn.push(...kept.filter((t) => !t.even))
}
const rbSaved = saved.filter((s) => s.lang === 'rb')
const plain = splitCopies(drawn.splice(0), rbSaved, COPIED_SHARE).kept
drawn.push(...splitCopies(plain, rbSaved, COPIED_SHARE, (s) => blindedLines(s.text, 'rb')).kept)

const engine = createEngine()
saved.forEach((s, i) => engine.add(`a${i}`, engine.fingerprint(s.text)))
console.log(`\nlibrary: ${saved.length} saved snippets; ${drawn.length} drawn Ruby snippets\n`)

const VARIANTS: [string, (t: string, lang: string, r: () => number) => string | undefined][] = [
  [
    'comment edited',
    (t, lang) => (editComments(t, lang) === t ? undefined : editComments(t, lang)),
  ],
  ['edited', (t, _lang, r) => editLines(t, r)],
  ['partial', (t, _lang, r) => contiguousPart(t, r)],
]
const sources = [...new Set(saved.map((s) => s.source))]
for (const [name, variant] of VARIANTS) {
  for (const source of sources) {
    const random = seededRandom(5)
    let hit = 0
    let n = 0
    saved.forEach((s, i) => {
      if (s.source !== source) return
      const copy = variant(s.text, s.lang, random)
      if (copy === undefined) return
      n++
      const best = engine.match(copy, 1)[0]
      if (best?.assetId === `a${i}` && engine.isReuse(best)) hit++
      else if (show) {
        const q = sketchOf(normalizeSnippet(copy))
        const o = overlap(q, sketchOf(normalizeSnippet(s.text)))
        console.log(
          `--- MISS ${name} ${s.path} best=${best?.assetId} (a${i}) sim=${best?.similarity.toFixed(3)} (uniform ${similarityOf(q, o).toFixed(3)}, comment share ${q.commentShare})\n${s.text}\n--- copy:\n${copy}\n`,
        )
      }
    })
    console.log(`${name} ${source}: ${pc(hit, n)}`)
  }
}
const bySource = new Map<string, [number, number]>()
for (const s of drawn) {
  const best = engine.match(s.text, 1)[0]
  const reused = engine.isReuse(best)
  const c = bySource.get(s.source) ?? [0, 0]
  c[0] += reused ? 1 : 0
  c[1]++
  bySource.set(s.source, c)
  const other = saved[Number(best?.assetId.slice(1))]
  if (show && reused && best && other)
    console.log(
      `---- FALSE rb ${best.similarity.toFixed(3)}\ncopy: ${s.path}\nsaved: ${other.path}\n-- copy:\n${s.text}\n-- saved:\n${other.text}\n----`,
    )
}
let wrong = 0
for (const [source, [n, d]] of bySource) {
  wrong += n
  console.log(`false reuse ${source}: ${pc(n, d)}`)
}
console.log(`FALSE REUSE rb: ${pc(wrong, drawn.length)}`)
