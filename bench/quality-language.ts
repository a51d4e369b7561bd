/**
 * Language and save sections of the quality report (`bench/quality.ts`): language accuracy per
 * language on 10–40-line snippets of real files of named packages (and, separately, on 3–9-line
 * snippets), save suggestions on function-sized code. Figures are on the held-out part of the
 * sources unless `--part=tune` is passed (`src/connector/server/engine/test-support/sample-sources.ts`).
 */
import { createEnricher } from '../src/connector/server/engine/enrich/enrich'
import { assessSave } from '../src/connector/server/engine/save/assess-save'
import {
  hasTypeScriptOnlySyntax,
  isRightLanguage,
  languageSamples,
  type SamplePart,
} from '../src/connector/server/engine/test-support/real-samples'
import { languageOf, MEASURED_LANGUAGES } from '../src/shared/languages'

const pc = (n: number, d: number): string =>
  `${((100 * n) / Math.max(1, d)).toFixed(1)}% (${n}/${d})`

/** The part of the sources a run reports on (`--part=tune` or the held-out default). */
export const PART: SamplePart = process.argv.includes('--part=tune') ? 'tune' : 'held-out'

type Tally = { right: number; n: number; wrong: Map<string, number> }

async function accuracy(minLines: number, maxLines: number, perLanguage: number) {
  const set = languageSamples(perLanguage, { part: PART, minLines, maxLines })
  const enricher = createEnricher()
  const per = new Map<string, Tally>()
  for (const s of set.samples) {
    const got = await enricher.detect(s.text)
    const cur = per.get(s.lang) ?? { right: 0, n: 0, wrong: new Map<string, number>() }
    cur.n++
    if (isRightLanguage(s, got)) cur.right++
    else cur.wrong.set(got, (cur.wrong.get(got) ?? 0) + 1)
    per.set(s.lang, cur)
  }
  return { set, per }
}

/** Misses of the measured languages split into a wrong language and `txt` (unsure). */
function misses(per: Map<string, Tally>): { wrong: number; txt: number; total: number } {
  let wrong = 0
  let txt = 0
  let total = 0
  for (const [lang, t] of per) {
    if (languageOf(lang)?.measured !== true) continue
    total += t.n
    for (const [answer, k] of t.wrong)
      if (answer === 'txt') txt += k
      else wrong += k
  }
  return { wrong, txt, total }
}

/** Prints language accuracy per language (10+ lines, then 3–9 lines) with where samples came from. */
export async function reportLanguage(): Promise<void> {
  const t0 = performance.now()
  const long = await accuracy(10, 40, 60)
  const ms = (performance.now() - t0) / Math.max(1, long.set.samples.length)
  const short = await accuracy(3, 9, 40)
  console.log(`\n### Language detection (${PART} part of the sources)\n`)
  console.log('| language | 10–40 lines | wrong answers | 3–9 lines | from |')
  console.log('|---|---:|---|---:|---|')
  let right = 0
  let n = 0
  let shortRight = 0
  let shortN = 0
  const langs = [...new Set([...MEASURED_LANGUAGES, ...long.per.keys()])]
  for (const lang of langs) {
    const t = long.per.get(lang)
    const s = short.per.get(lang)
    const all = long.set.from.get(lang) ?? []
    const from = all.slice(0, 3).join(', ') + (all.length > 3 ? ` +${all.length - 3} more` : '')
    if (!t) {
      console.log(`| ${lang} | skipped | ${long.set.missing.get(lang) ?? 'no samples'} | | |`)
      continue
    }
    const measured = languageOf(lang)?.measured === true
    if (measured) {
      right += t.right
      n += t.n
      shortRight += s?.right ?? 0
      shortN += s?.n ?? 0
    }
    const misses = [...t.wrong].map(([l, k]) => `${l} ${k}`).join(', ')
    const label = measured ? lang : `${lang} (not measured)`
    console.log(
      `| ${label} | ${pc(t.right, t.n)} | ${misses} | ${s ? pc(s.right, s.n) : '–'} | ${from} |`,
    )
  }
  console.log(`| all eighteen | ${pc(right, n)} | | ${pc(shortRight, shortN)} | |`)
  for (const [label, run] of [
    ['10–40 lines', long],
    ['3–9 lines', short],
  ] as const) {
    const { wrong, txt, total } = misses(run.per)
    console.log(
      `misses on ${label}: wrong language ${pc(wrong, total)}, txt (unsure) ${pc(txt, total)}`,
    )
  }
  const tsAsJs = long.set.samples.filter((s) => s.lang === 'ts' && !hasTypeScriptOnlySyntax(s.text))
  console.log(
    `\n.ts snippets without TypeScript-only syntax (js counts as right there): ${tsAsJs.length}`,
  )
  console.log(
    `language detection: ${ms.toFixed(1)} ms per snippet on average (model load included)`,
  )
}

/** Save suggestions on function-sized code (3–30 lines) of the measured languages, and on `nonCode`. */
export function reportSave(nonCode: string[]): void {
  const fresh = { repeatCount: 0, alreadySaved: false }
  const { samples } = languageSamples(40, { part: PART, perFile: 2, minLines: 3, maxLines: 30 })
  const code = samples.filter(
    (s) => languageOf(s.lang)?.measured === true && s.text.replace(/\s/g, '').length >= 40,
  )
  const per = new Map<string, [number, number]>()
  for (const s of code) {
    const cur = per.get(s.lang) ?? [0, 0]
    per.set(s.lang, [cur[0] + (assessSave(s.text, fresh).suggested ? 1 : 0), cur[1] + 1])
  }
  const saved = [...per.values()].reduce((a, [r]) => a + r, 0)
  const rows = [...per].map(([l, [r, n]]) => `${l} ${((100 * r) / n).toFixed(0)}%`).join(', ')
  console.log(
    `save suggested on function-sized real code (3–30 lines, ≥ 40 chars, ${PART} part): ${pc(saved, code.length)}`,
  )
  console.log(`  per language: ${rows}`)
  const repeated = nonCode.filter(
    (t) => assessSave(t, { repeatCount: 3, alreadySaved: false }).suggested,
  ).length
  console.log(
    `save suggested on the non-code corpus when copied 3 times: ${pc(repeated, nonCode.length)}`,
  )
}
