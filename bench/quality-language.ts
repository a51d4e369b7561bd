/**
 * Language and save sections of the quality report (`bench/quality.ts`): language accuracy on
 * 10–40-line snippets of real files in 17 languages, save suggestions on function-sized code.
 */
import { createEnricher } from '../src/connector/server/engine/enrich/enrich'
import { assessSave } from '../src/connector/server/engine/save/assess-save'
import {
  hasTypeScriptOnlySyntax,
  isRightLanguage,
  languageSamples,
} from '../src/connector/server/engine/language/real-samples'

const pc = (n: number, d: number): string =>
  `${((100 * n) / Math.max(1, d)).toFixed(1)}% (${n}/${d})`

/** Languages whose snippets should be offered for saving (Markdown, JSON, YAML are data/text). */
const CODE = new Set('js ts py c cpp sh pl php sql css html go rs cs'.split(' '))

export async function reportLanguage(): Promise<void> {
  const samples = languageSamples(60)
  const enricher = createEnricher()
  const per = new Map<string, { right: number; n: number; wrong: Map<string, number> }>()
  let tsAsJs = 0
  const t0 = performance.now()
  for (const s of samples) {
    const got = await enricher.detect(s.text)
    const cur = per.get(s.lang) ?? { right: 0, n: 0, wrong: new Map<string, number>() }
    cur.n++
    if (isRightLanguage(s, got)) cur.right++
    else cur.wrong.set(got, (cur.wrong.get(got) ?? 0) + 1)
    if (s.lang === 'ts' && got === 'js' && !hasTypeScriptOnlySyntax(s.text)) tsAsJs++
    per.set(s.lang, cur)
  }
  const ms = (performance.now() - t0) / samples.length
  console.log('\n| language | accuracy (10–40 line snippets of real files) | wrong answers |')
  console.log('|---|---:|---|')
  let right = 0
  let macro = 0
  for (const [lang, { right: r, n, wrong }] of per) {
    right += r
    macro += r / n
    const misses = [...wrong].map(([l, k]) => `${l} ${k}`).join(', ')
    console.log(`| ${lang} | ${pc(r, n)} | ${misses} |`)
  }
  console.log(`| all | ${pc(right, samples.length)} | |`)
  console.log(`| mean of languages | ${((100 * macro) / per.size).toFixed(1)}% | |`)
  console.log(
    `\n.ts snippets answered js and counted right (no TypeScript-only syntax, per the TypeScript compiler): ${tsAsJs}`,
  )
  console.log(
    `language detection: ${ms.toFixed(1)} ms per snippet on average (model load included)`,
  )
}

/** Save suggestions on function-sized code (3–30 lines) of the same languages, and on `nonCode`. */
export function reportSave(nonCode: string[]): void {
  const fresh = { repeatCount: 0, alreadySaved: false }
  const code = languageSamples(40, 2, 3, 30).filter(
    (s) => CODE.has(s.lang) && s.text.replace(/\s/g, '').length >= 40,
  )
  const per = new Map<string, [number, number]>()
  for (const s of code) {
    const cur = per.get(s.lang) ?? [0, 0]
    per.set(s.lang, [cur[0] + (assessSave(s.text, fresh).suggested ? 1 : 0), cur[1] + 1])
  }
  const saved = [...per.values()].reduce((a, [r]) => a + r, 0)
  const rows = [...per].map(([l, [r, n]]) => `${l} ${((100 * r) / n).toFixed(0)}%`).join(', ')
  console.log(
    `save suggested on function-sized real code (3–30 lines, ≥ 40 chars): ${pc(saved, code.length)}`,
  )
  console.log(`  per language: ${rows}`)
  const repeated = nonCode.filter(
    (t) => assessSave(t, { repeatCount: 3, alreadySaved: false }).suggested,
  ).length
  console.log(
    `save suggested on the non-code corpus when copied 3 times: ${pc(repeated, nonCode.length)}`,
  )
}
