/**
 * Quality report: top-1 reuse recall per variant kind, false reuse on unrelated code, save
 * suggestions on code and non-code, language accuracy on 10+ line snippets of real files.
 * Run: npx tsx bench/quality.ts
 */
import { createEngine } from '../src/connector/server/engine'
import {
  distinctSnippets,
  findSources,
  packageOfSource,
  sliceSnippets,
  splitCopies,
  type SourceFile,
} from '../src/connector/server/engine/test-support/corpus'
import { reportLanguage, reportSave } from './quality-language'
import { COPIED_SHARE, reportReuse } from './quality-reuse'
import { mixedTableSources, pc } from './tune-support'
import { fakeCredentials } from '../src/connector/server/engine/test-support/fake-credentials'
import {
  contiguousPart,
  editLines,
  reindent,
  renameIdentifiers,
  seededRandom,
} from '../src/connector/server/engine/test-support/variants'

async function main(): Promise<void> {
  // Library and unrelated code come from disjoint halves of the machine's packages (every other
  // package in walk order).
  const pool = mixedTableSources()
  const packages = [...new Set(pool.map((f) => packageOfSource(f.path)))]
  const half = (f: SourceFile): number => packages.indexOf(packageOfSource(f.path)) % 2
  const libFiles = pool.filter((f) => half(f) === 0)
  const otherFiles = pool.filter((f) => half(f) === 1)
  const library = distinctSnippets(
    libFiles.flatMap((f) => sliceSnippets(f.text, 8, 30).slice(0, 3)),
  ).slice(0, 2000)
  const unrelated = distinctSnippets(
    otherFiles.flatMap((f) => sliceSnippets(f.text, 8, 30).slice(0, 1)),
    0.5,
    library,
  ).slice(0, 1000)
  const engine = createEngine()
  library.forEach((t, i) => engine.add(`a${i}`, engine.fingerprint(t)))

  console.log(`library: ${library.length} distinct real snippets; unrelated: ${unrelated.length}\n`)
  console.log('| variant | top-1 reuse recall | reuse suggested |')
  console.log('|---|---:|---:|')
  const kinds: [string, (t: string, r: () => number) => string][] = [
    ['exact', (t) => t],
    ['re-indented', (t) => reindent(t)],
    ['identifiers renamed', (t) => renameIdentifiers(t, 'js', 'any')],
    ['contiguous part (≥ half, ≥ 5 lines)', (t, r) => contiguousPart(t, r)],
    ['a few lines edited', (t, r) => editLines(t, r)],
  ]
  for (const [name, variant] of kinds) {
    const random = seededRandom(5)
    let top = 0
    let reuse = 0
    library.forEach((t, i) => {
      const best = engine.match(variant(t, random), 1)[0]
      if (best?.assetId === `a${i}`) top++
      if (best?.assetId === `a${i}` && engine.isReuse(best)) reuse++
    })
    console.log(`| ${name} | ${pc(top, library.length)} | ${pc(reuse, library.length)} |`)
  }
  // Unrelated code that a line diff finds half copied from a saved snippet is a copy (see
  // `quality-reuse.ts`): counted apart, the earlier figure printed beside.
  const wrapped = (list: string[]) => list.map((text) => ({ text }))
  const { kept, copies } = splitCopies(wrapped(unrelated), wrapped(library), COPIED_SHARE)
  const reused = (list: { text: string }[]) =>
    list.filter((s) => engine.isReuse(engine.match(s.text, 1)[0])).length
  const falseReuse = reused(kept)
  const falseCopies = reused(copies.map((c) => c.candidate))
  console.log(
    `\nfalse reuse on unrelated code: ${pc(falseReuse, kept.length)}; ${copies.length} copies left out (a line diff finds ${100 * COPIED_SHARE}% of their lines or more unchanged in a saved snippet), ${falseCopies} of them suggested as reuse; counting them as unrelated: ${pc(falseReuse + falseCopies, unrelated.length)}`,
  )

  const fresh = { repeatCount: 0, alreadySaved: false }
  const code = unrelated.filter((t) => engine.scanSecrets(t).length === 0)
  const savedCode = code.filter((t) => engine.assessSave(t, fresh).suggested).length
  const prose = findSources(['node_modules'], ['md'], 300, 2)
    .flatMap((f) => f.text.split(/\n\s*\n/).filter((p) => /^[A-Z][^\n`|#<]{60,}$/.test(p.trim())))
    .slice(0, 300)
  const nonCode = [
    ...prose,
    ...[
      'useEffect',
      '42',
      '3.14159',
      'https://nodejs.org/api/fs.html',
      '/usr/include/stdio.h',
      'dev@example.com',
    ],
    ...fakeCredentials().map((c) => c.text),
  ]
  const savedNonCode = nonCode.filter((t) => engine.assessSave(t, fresh).suggested).length
  console.log(
    `save suggested on code (unrelated snippets without secrets): ${pc(savedCode, code.length)}`,
  )
  console.log(
    `save suggested on non-code (${prose.length} prose paragraphs from READMEs, words, numbers, URLs, paths, e-mail, credentials): ${pc(savedNonCode, nonCode.length)}`,
  )

  reportSave(nonCode)
  reportReuse()
  await reportLanguage()
}

void main()
