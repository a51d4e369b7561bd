/**
 * Issue 12's tune set for C whose preprocessor lines are indented after the `#` (`#  define`,
 * `# include "x.h"`, inside an `#if`), never the quality report's files: Python's and Tcl's
 * headers, numpy's C headers, the C sources of `bench/tune-support.ts`, and X11's headers; files
 * the first table of `bench/quality.ts` draws are left out. Slices of 8–30 lines holding such a
 * line: of half of the files saved, of the other half drawn as unrelated code. Prints reuse
 * suggested for edited copies (`editLines`), for copies with one indented `#  define`'s number
 * changed (and how many of those read 0.99, as a copy short of identical at most does: the line
 * reading left such lines out), and false reuse on the drawn slices; with --show each miss.
 * Run: npx tsx bench/directive-tune.ts [--show]
 */
import { join } from 'node:path'
import { createEngine } from '../src/connector/server/engine'
import {
  distinctSnippets,
  findSources,
  sliceSnippets,
} from '../src/connector/server/engine/test-support/corpus'
import { editLines, seededRandom } from '../src/connector/server/engine/test-support/variants'
import { C_SOURCES, mixedTableFiles, pc, pyenv, python, show } from './tune-support'

const SITE = join(pyenv, python ?? '', 'lib/python3.11/site-packages')
const ROOTS = [
  join(pyenv, python ?? '', 'include'),
  '/usr/include/tcl8.6/tcl-private',
  join(SITE, 'numpy'),
  ...C_SOURCES.flatMap(([, roots]) => roots),
  '/usr/include/X11',
]
/** A preprocessor line indented after its `#`. */
const INDENTED = /^[ \t]*#[ \t]+(?:define|include|if|ifdef|ifndef|elif|else|endif|undef)\b/m
/** An indented `#  define` of a number. */
const NUMBER_DEFINE = /^[ \t]*#[ \t]+define\s+\w+\s+.*\d/

const pool = mixedTableFiles()
const files = findSources(ROOTS, ['c', 'h'], 800, 60).filter((f) => !pool.has(f.path))
const slices = files.flatMap((f, k) =>
  sliceSnippets(f.text, 8, 30)
    .filter((s) => INDENTED.test(s))
    .slice(0, 4)
    .map((text) => ({ text, path: f.path, even: k % 2 === 0 })),
)
const distinct = new Set(distinctSnippets(slices.map((s) => s.text)))
const seen = new Set<string>()
const kept = slices.filter((s) => distinct.has(s.text) && !seen.has(s.text) && seen.add(s.text))
const saved = kept.filter((s) => s.even)
const drawn = kept.filter((s) => !s.even)
const engine = createEngine()
saved.forEach((s, i) => engine.add(`a${i}`, engine.fingerprint(s.text)))
console.log(`${files.length} files; ${saved.length} saved slices, ${drawn.length} drawn\n`)

const random = seededRandom(5)
let edited = 0
let valued = 0
let valuedReuse = 0
let valuedNear = 0
saved.forEach((s, i) => {
  const copy = editLines(s.text, random)
  const best = engine.match(copy, 1)[0]
  if (best?.assetId === `a${i}` && engine.isReuse(best)) edited++
  else if (show)
    console.log(`--- MISS edited ${s.path} sim=${best?.similarity.toFixed(3)}\n${s.text}\n---\n`)
  const lines = s.text.split('\n')
  const at = lines.findIndex((l) => NUMBER_DEFINE.test(l))
  if (at < 0) return
  lines[at] = (lines[at] ?? '').replace(/\d+(?=\D*$)/, (n) => String(Number(n) + 7))
  const one = engine.match(lines.join('\n'), 1)[0]
  valued++
  if (one?.assetId === `a${i}` && engine.isReuse(one)) valuedReuse++
  if (one?.assetId === `a${i}` && one.similarity >= 0.99) valuedNear++
})
let wrong = 0
for (const d of drawn) {
  const best = engine.match(d.text, 1)[0]
  if (!engine.isReuse(best)) continue
  wrong++
  if (show) console.log(`--- FALSE ${d.path} sim=${best?.similarity.toFixed(3)}\n${d.text}\n---\n`)
}
console.log(`edited: ${pc(edited, saved.length)}`)
console.log(`one indented define's number changed: reuse ${pc(valuedReuse, valued)}`)
console.log(`…of them read 0.99: ${pc(valuedNear, valued)}`)
console.log(`false reuse on drawn slices: ${pc(wrong, drawn.length)}`)
