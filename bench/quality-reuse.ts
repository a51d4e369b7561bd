/**
 * Reuse section of the quality report (`bench/quality.ts`): per language, reuse suggested for the
 * right saved snippet on each kind of variant, and false reuse on unrelated code from other files
 * of the same language, with every language's library in one engine. Code from another file that
 * is a copy of a saved snippet by a plain line diff (half of its lines or more unchanged) is not
 * unrelated: it is counted apart, and the figure of the earlier definition is printed beside.
 */
import { dirname } from 'node:path'
import { createEngine } from '../src/connector/server/engine'
import {
  languageSamples,
  type LanguageSample,
} from '../src/connector/server/engine/test-support/real-samples'
import {
  blindedLines,
  distinctSnippets,
  splitCopies,
} from '../src/connector/server/engine/test-support/corpus'
import {
  contiguousPart,
  editComments,
  editLines,
  renameIdentifiers,
  seededRandom,
} from '../src/connector/server/engine/test-support/variants'
import { MEASURED_LANGUAGES } from '../src/shared/languages'
import { PART } from './quality-language'
import { normalizeSnippet } from '../src/connector/server/engine'
import { sketchOf } from '../src/connector/server/engine/reuse/sketch'
import { overlap, similarityOf } from '../src/connector/server/engine/reuse/similarity'

const pc = (n: number, d: number): string =>
  d === 0 ? '–' : `${((100 * n) / d).toFixed(1)}% (${n}/${d})`

const IMPORT =
  /^\s*(?:import|use|using|require|include|#\s*include|from|package|export \{|@import)\b/

/** Whether half the lines or more are import, use or include lines. */
function importList(text: string): boolean {
  const lines = text.split('\n').filter((l) => l.trim() !== '')
  return lines.filter((l) => IMPORT.test(l)).length * 2 >= lines.length
}

/** The first sample of each text in `texts`, in order. */
function firstOf<T extends { text: string }>(samples: T[], texts: Set<string>): T[] {
  const left = new Set(texts)
  return samples.filter((s) => left.delete(s.text))
}

type Variant = [string, (text: string, lang: string, random: () => number) => string | undefined]

/** `--show-false`: print each false reuse on unrelated code (both texts and why it scores). */
const SHOW_FALSE = process.argv.includes('--show-false')

/** Prints a false reuse: the pair, the engine's score and the overlap (uniform token weights). */
function showFalse(s: LanguageSample, saved: LanguageSample, similarity: number): void {
  const q = sketchOf(normalizeSnippet(s.text))
  const o = overlap(q, sketchOf(normalizeSnippet(saved.text)))
  const fields = Object.entries(o).map(
    ([k, v]) => `${k}=${typeof v === 'number' ? v.toFixed(3) : String(v)}`,
  )
  console.log(
    `\n---- false reuse ${s.lang} ${similarity.toFixed(3)} (uniform weights: ${similarityOf(q, o).toFixed(3)})`,
  )
  console.log(`copy: ${s.path}\nsaved: ${saved.path}\n${fields.join(' ')}`)
  console.log(`-- copy:\n${s.text}\n-- saved:\n${saved.text}\n----`)
}

/** Share of a snippet's lines a line diff finds unchanged in a saved one from which it is a copy. */
export const COPIED_SHARE = 0.5

export const VARIANTS: Variant[] = [
  ['renamed: bound names', (t, lang) => renameIdentifiers(t, lang, 'bound')],
  // An import list with every library name renamed has nothing of the original left: skipped.
  [
    'renamed: any names',
    (t, lang) => (importList(t) ? undefined : renameIdentifiers(t, lang, 'any')),
  ],
  ['partial', (t, _lang, r) => contiguousPart(t, r)],
  ['edited', (t, _lang, r) => editLines(t, r)],
  [
    'comment edited',
    (t, lang) => (editComments(t, lang) === t ? undefined : editComments(t, lang)),
  ],
]

/**
 * The reuse report's corpus: per language, saved snippets from half of the files and code drawn
 * from the other half, with the drawn snippets a line diff finds copied from a saved one.
 */
export function reuseCorpus(perLanguage = 80, part = PART) {
  const set = languageSamples(perLanguage * 2, {
    part,
    perFile: 2,
    minLines: 8,
    maxLines: 30,
    langs: MEASURED_LANGUAGES,
  })
  // Saved snippets from half of each language's files, unrelated code from the other half.
  const files = new Map<string, string[]>()
  for (const s of set.samples)
    files.set(s.lang, [...new Set([...(files.get(s.lang) ?? []), s.path])])
  const even = set.samples.filter((s) => (files.get(s.lang) ?? []).indexOf(s.path) % 2 === 0)
  // Distinct saved snippets: with two near-copies saved, either is a right answer.
  // (`distinctSnippets` keeps one of identical texts; `firstOf` keeps one sample of each, not
  // every file that holds it: the CI workflows of sibling plugins are the same file.)
  const saved = firstOf(even, new Set(distinctSnippets(even.map((s) => s.text))))
  // Unrelated: other files, and sharing under half of their lines with any saved snippet (forks,
  // vendored copies and generated twins are copies, not unrelated code).
  const others = set.samples.filter((s) => (files.get(s.lang) ?? []).indexOf(s.path) % 2 === 1)
  const distinct = new Set(
    distinctSnippets(
      others.map((s) => s.text),
      0.5,
      saved.map((s) => s.text),
    ),
  )
  const unrelated = firstOf(others, distinct)
  const library = MEASURED_LANGUAGES.flatMap((l) =>
    saved.filter((s) => s.lang === l).slice(0, perLanguage),
  )
  // …and under half of their lines kept unchanged by a line diff against every saved snippet: a
  // page of the same template or a class written from the same file shares whole lines with it.
  const drawn = MEASURED_LANGUAGES.flatMap((l) =>
    unrelated.filter((s) => s.lang === l).slice(0, perLanguage),
  )
  const { kept, copies } = splitCopies(drawn, library, COPIED_SHARE)
  const copied = new Set(copies.map((c) => c.candidate))
  // …and of the rest, under half of their lines kept by a line diff once names are blinded: a
  // sibling file's renamed twin (fastify-plugin's callback and async examples) is a copy too.
  const blinded = (s: LanguageSample): string[] => blindedLines(s.text, s.lang)
  const renamed = splitCopies(kept, library, COPIED_SHARE, blinded).copies
  const renamedCopies = new Set(renamed.map((c) => c.candidate))
  return { set, library, drawn, copied, renamedCopies }
}

/** Prints the reuse table per language; returns nothing (figures only). */
export function reportReuse(perLanguage = 80): void {
  const { set, library, drawn, copied, renamedCopies } = reuseCorpus(perLanguage)
  const engine = createEngine()
  library.forEach((s, i) => engine.add(`a${i}`, engine.fingerprint(s.text)))
  console.log(
    `\n### Reuse (${PART} part): ${library.length} saved snippets of 8–30 lines in one library, unrelated code from other files\n`,
  )
  console.log(
    `| language | ${VARIANTS.map(([n]) => n).join(' | ')} | false reuse on unrelated | copies left out | renamed copies left out | false reuse, renamed copies counted | false reuse, copies counted |`,
  )
  console.log(`|---|${VARIANTS.map(() => '---:').join('|')}|---:|---:|---:|---:|---:|`)
  const totals = VARIANTS.map(() => [0, 0])
  // Per kind of drawn snippet: unrelated, a copy by a line diff, a renamed copy (see above).
  const all = { unrelated: [0, 0], copy: [0, 0], renamed: [0, 0] }
  let siblingsAll = 0
  for (const lang of MEASURED_LANGUAGES) {
    const mine = library.map((s, i) => ({ s, i })).filter(({ s }) => s.lang === lang)
    if (mine.length === 0) {
      console.log(`| ${lang} | skipped: ${set.missing.get(lang) ?? 'no samples'} |`)
      continue
    }
    const cells = VARIANTS.map(([, variant], k) => {
      const random = seededRandom(5)
      let hit = 0
      let n = 0
      for (const { s, i } of mine) {
        const copy = variant(s.text, lang, random)
        if (copy === undefined) continue
        n++
        const best = engine.match(copy, 1)[0]
        if (best?.assetId === `a${i}` && engine.isReuse(best)) hit++
      }
      const total = totals[k] as number[]
      total[0] = (total[0] ?? 0) + hit
      total[1] = (total[1] ?? 0) + n
      return pc(hit, n)
    })
    const mineDrawn = drawn.filter((s) => s.lang === lang)
    const mine3 = { unrelated: [0, 0], copy: [0, 0], renamed: [0, 0] }
    let siblings = 0
    for (const s of mineDrawn) {
      const kind = copied.has(s) ? 'copy' : renamedCopies.has(s) ? 'renamed' : 'unrelated'
      const best = engine.match(s.text, 1)[0]
      const reused = engine.isReuse(best)
      for (const count of [mine3[kind], all[kind]]) {
        count[0] = (count[0] ?? 0) + (reused ? 1 : 0)
        count[1] = (count[1] ?? 0) + 1
      }
      // Sibling files of one folder are often templated twins (animate.css's bounceOutUp and
      // bounceOutDown): said apart, not left out.
      const other = library[Number(best?.assetId.slice(1))]
      if (SHOW_FALSE && reused && kind === 'unrelated' && other && best)
        showFalse(s, other, best.similarity)
      if (reused && kind === 'unrelated' && other && dirname(other.path) === dirname(s.path))
        siblings++
    }
    siblingsAll += siblings
    console.log(`| ${lang} | ${cells.join(' | ')} | ${falseColumns(mine3, siblings)} |`)
  }
  console.log(
    `| all | ${totals.map(([h, n]) => pc(h ?? 0, n ?? 0)).join(' | ')} | ${falseColumns(all, siblingsAll)} |`,
  )
  const [falseCopies = 0, copiesAll = 0] = all.copy
  const [falseRenamed = 0, renamedAll = 0] = all.renamed
  console.log(
    `\nCopies left out: unrelated snippets of which a line diff finds ${100 * COPIED_SHARE}% of the lines or more unchanged in a saved snippet (${copiesAll} of ${drawn.length}; ${falseCopies} of them were suggested as reuse), and of the others those of which it finds as many once names are blinded (numbered in order of first use, reserved words, strings and numbers kept; lists left in: their names are their content): ${renamedAll} more, ${falseRenamed} of them suggested as reuse. The last two columns count them as unrelated, as the report did before.`,
  )
}

/** The false reuse columns: unrelated, the copies left out, and the figures counting them in. */
function falseColumns(
  n: { unrelated: number[]; copy: number[]; renamed: number[] },
  siblings: number,
): string {
  const [wrong = 0, unrelated = 0] = n.unrelated
  const [wrongCopies = 0, copies = 0] = n.copy
  const [wrongRenamed = 0, renamed = 0] = n.renamed
  const note = wrong > 0 ? `, ${siblings} of them a sibling file's` : ''
  return [
    `${pc(wrong, unrelated)}${note}`,
    copies,
    renamed,
    pc(wrong + wrongRenamed, unrelated + renamed),
    pc(wrong + wrongRenamed + wrongCopies, unrelated + renamed + copies),
  ].join(' | ')
}
